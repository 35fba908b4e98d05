import type { APIRoute } from 'astro';
import { notFound } from '../../../../../shared/errors.js';
import {
  authorize,
  endpoint,
  isFormPost,
  json,
  requireSession,
} from '../../../../../shared/http/respond.js';

export const POST: APIRoute = endpoint(
  async (context) => {
    const session = requireSession(context);
    const counterId = context.params.counterId ?? '';
    const counter = context.locals.app.catalogue.counter(counterId);
    if (!counter) throw notFound('Loket / counter');
    await authorize(context, session, 'queue:act', counter.agency, 'call_next', counterId);
    const ticket = await context.locals.app.queue.callNext(counterId);
    await context.locals.app.audit.record(
      session.staff,
      'call_next',
      ticket?.number ?? counterId,
      'ok',
      {
        counterId,
        agencyId: counter.agency,
      },
    );
    return isFormPost(context.request)
      ? context.redirect('/loket', 303)
      : json({ ticket: ticket ?? null });
  },
  { back: () => '/loket' },
);
