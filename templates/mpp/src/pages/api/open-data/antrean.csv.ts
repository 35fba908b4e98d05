import type { APIRoute } from 'astro';
import { OPEN_HEADERS, openQueuePages, toCsv } from '../../../app/open-data.js';
import { endpoint } from '../../../app/respond.js';

/** Open data: daily queue figures per service as CSV, streamed week by week. */
export const GET: APIRoute = endpoint(async (context) => {
  const encoder = new TextEncoder();
  const pages = openQueuePages(context.locals.app, context.url);
  let header = true;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let next = await pages.next();
      while (!next.done && next.value.length === 0) next = await pages.next();
      if (next.done) {
        if (header)
          controller.enqueue(
            encoder.encode('day,agencyId,serviceId,arrivals,served,noShow,medianWaitMinutes\n'),
          );
        controller.close();
        return;
      }
      const csv = toCsv(next.value);
      controller.enqueue(encoder.encode(header ? csv : csv.slice(csv.indexOf('\n') + 1)));
      header = false;
    },
  });
  return new Response(body, {
    headers: { 'content-type': 'text/csv; charset=utf-8', ...OPEN_HEADERS },
  });
});
