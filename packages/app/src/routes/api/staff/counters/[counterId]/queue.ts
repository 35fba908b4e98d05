import type { APIRoute } from 'astro';
import { notFound } from '../../../../../shared/errors.js';
import { authorize, endpoint, json, requireSession } from '../../../../../shared/http/respond.js';

export const GET: APIRoute = endpoint(async (context) => {
  const session = requireSession(context);
  const counterId = context.params.counterId ?? '';
  const counter = context.locals.app.catalogue.counter(counterId);
  if (!counter) throw notFound('Loket / counter');
  await authorize(context, session, 'queue:view', counter.agency, 'view_queue', counterId);
  const { queue } = context.locals.app;
  return json({
    counterId,
    current: (await queue.current(counterId)) ?? null,
    waiting: await queue.waitingForCounter(counterId),
    parked: await queue.parked(counter.agency),
  });
});
