import { defineEndpoint } from '../../../../../api/define-endpoint.js';
import { QUEUE_API } from '../../../../../features/queue/api.js';
import { notFound } from '../../../../../shared/errors.js';
import { isFormPost, json } from '../../../../../shared/http/respond.js';

export const POST = defineEndpoint(
  QUEUE_API.callNext,
  async ({ context, app, session, params, authorize }) => {
    const counter = app.catalogue.counter(params.counterId);
    if (!counter) throw notFound('Loket / counter');
    await authorize(counter.agency, { action: 'call_next', target: counter.id });
    const ticket = await app.queue.callNext(counter.id);
    await app.audit.record(session.staff, 'call_next', ticket?.number ?? counter.id, 'ok', {
      counterId: counter.id,
      agencyId: counter.agency,
    });
    return isFormPost(context.request)
      ? context.redirect('/loket', 303)
      : json({ ticket: ticket ?? null });
  },
  { back: () => '/loket' },
);
