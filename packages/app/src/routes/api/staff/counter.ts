import type { APIRoute } from 'astro';
import { chooseCounterSchema } from '../../../api/api-schemas.js';
import { notFound } from '../../../shared/errors.js';
import { SESSION_COOKIE } from '../../../shared/http/cookies.js';
import {
  authorize,
  endpoint,
  isFormPost,
  json,
  readBody,
  requireSession,
} from '../../../shared/http/respond.js';

/** Chooses the counter a session works at; only counters of an agency the staff may act for. */
export const POST: APIRoute = endpoint(
  async (context) => {
    const session = requireSession(context);
    const { counterId } = await readBody(context.request, chooseCounterSchema);
    const counter = context.locals.app.catalogue.counter(counterId);
    if (!counter) throw notFound('Loket / counter');
    await authorize(context, session, 'queue:view', counter.agency, 'choose_counter', counterId);
    await context.locals.app.auth.setCounter(
      context.cookies.get(SESSION_COOKIE)?.value ?? '',
      counterId,
    );
    await context.locals.app.audit.record(session.staff, 'choose_counter', counterId, 'ok', {
      agencyId: counter.agency,
    });
    return isFormPost(context.request) ? context.redirect('/loket', 303) : json({ counterId });
  },
  { back: () => '/loket' },
);
