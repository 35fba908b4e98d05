import type { APIRoute } from 'astro';
import { OPEN_HEADERS, openIkmRows } from '../../../app/open-data.js';
import { endpoint } from '../../../app/respond.js';

/** Open data: IKM per MPP, agency and service for a period (?periode=&p=). Aggregates only. */
export const GET: APIRoute = endpoint(
  async (context) =>
    new Response(JSON.stringify(await openIkmRows(context.locals.app, context.url)), {
      headers: { 'content-type': 'application/json; charset=utf-8', ...OPEN_HEADERS },
    }),
);
