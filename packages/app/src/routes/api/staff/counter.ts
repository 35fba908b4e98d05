import { defineEndpoint } from '../../../api/define-endpoint.js';
import { QUEUE_API } from '../../../features/queue/api.js';
import { notFound } from '../../../shared/errors.js';
import { SESSION_COOKIE } from '../../../shared/http/cookies.js';
import { isFormPost, json } from '../../../shared/http/respond.js';

/** Chooses the counter a session works at; only counters of an agency the staff may act for. */
export const POST = defineEndpoint(
  QUEUE_API.chooseCounter,
  async ({ context, app, session, body, authorize }) => {
    const counter = app.catalogue.counter(body.counterId);
    if (!counter) throw notFound('Loket / counter');
    await authorize(counter.agency, { action: 'choose_counter', target: counter.id });
    await app.auth.setCounter(context.cookies.get(SESSION_COOKIE)?.value ?? '', counter.id);
    await app.audit.record(session.staff, 'choose_counter', counter.id, 'ok', {
      agencyId: counter.agency,
    });
    return isFormPost(context.request)
      ? context.redirect('/loket', 303)
      : json({ counterId: counter.id });
  },
  { back: () => '/loket' },
);
