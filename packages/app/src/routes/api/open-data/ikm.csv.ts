import { defineEndpoint } from '../../../api/define-endpoint.js';
import { ANALYTICS_API } from '../../../features/analytics/api.js';
import { OPEN_HEADERS, openIkmRows, toCsv } from '../../../features/analytics/open-data.js';

/** Open data: the IKM table as CSV. */
export const GET = defineEndpoint(
  ANALYTICS_API.openIkmCsv,
  async ({ context }) =>
    new Response(toCsv(await openIkmRows(context.locals.app, context.url)), {
      headers: { 'content-type': 'text/csv; charset=utf-8', ...OPEN_HEADERS },
    }),
);
