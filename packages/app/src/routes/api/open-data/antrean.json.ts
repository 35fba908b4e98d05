import { defineEndpoint } from '../../../api/define-endpoint.js';
import { ANALYTICS_API } from '../../../features/analytics/api.js';
import { OPEN_HEADERS, openQueueRows } from '../../../features/analytics/open-data.js';

/** Open data: daily queue figures per service (?dari=&sampai=, at most 366 days). */
export const GET = defineEndpoint(ANALYTICS_API.openQueue, async ({ context }) => {
  const rows = [];
  for await (const row of openQueueRows(context.locals.app, context.url)) rows.push(row);
  return new Response(JSON.stringify(rows), {
    headers: { 'content-type': 'application/json; charset=utf-8', ...OPEN_HEADERS },
  });
});
