import type { APIRoute } from 'astro';
import { OPEN_HEADERS, openQueueRows } from '../../../app/open-data.js';
import { endpoint } from '../../../app/respond.js';

/** Open data: daily queue figures per service (?dari=&sampai=, at most 366 days). */
export const GET: APIRoute = endpoint(async (context) => {
  const rows = [];
  for await (const row of openQueueRows(context.locals.app, context.url)) rows.push(row);
  return new Response(JSON.stringify(rows), {
    headers: { 'content-type': 'application/json; charset=utf-8', ...OPEN_HEADERS },
  });
});
