import type { APIRoute } from 'astro';
import { OPEN_HEADERS, openIkmRows, toCsv } from '../../../app/open-data.js';
import { endpoint } from '../../../app/respond.js';

/** Open data: the IKM table as CSV. */
export const GET: APIRoute = endpoint(
  async (context) =>
    new Response(toCsv(await openIkmRows(context.locals.app, context.url)), {
      headers: { 'content-type': 'text/csv; charset=utf-8', ...OPEN_HEADERS },
    }),
);
