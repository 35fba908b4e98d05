import { defineEndpoint } from '../../../api/define-endpoint.js';
import { ANALYTICS_API } from '../../../features/analytics/api.js';
import { OPEN_HEADERS, openIkmRows } from '../../../features/analytics/open-data.js';

/** Open data: IKM per MPP, agency and service for a period (?periode=&p=). Aggregates only. */
export const GET = defineEndpoint(
  ANALYTICS_API.openIkm,
  async ({ context }) =>
    new Response(JSON.stringify(await openIkmRows(context.locals.app, context.url)), {
      headers: { 'content-type': 'application/json; charset=utf-8', ...OPEN_HEADERS },
    }),
);
