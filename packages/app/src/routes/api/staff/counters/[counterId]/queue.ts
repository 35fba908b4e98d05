import { defineEndpoint } from '../../../../../api/define-endpoint.js';
import { QUEUE_API } from '../../../../../features/queue/api.js';
import { notFound } from '../../../../../shared/errors.js';
import { json } from '../../../../../shared/http/respond.js';

export const GET = defineEndpoint(QUEUE_API.counterQueue, async ({ app, params, authorize }) => {
  const counter = app.catalogue.counter(params.counterId);
  if (!counter) throw notFound('Loket / counter');
  await authorize(counter.agency, { action: 'view_queue', target: counter.id });
  return json({
    counterId: counter.id,
    current: (await app.queue.current(counter.id)) ?? null,
    waiting: await app.queue.waitingForCounter(counter.id),
    parked: await app.queue.parked(counter.agency),
  });
});
