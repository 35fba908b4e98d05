import type { APIRoute } from 'astro';
import { SESSION_COOKIE } from '../../../shared/http/cookies.js';
import { endpoint, isFormPost, json, requireSession } from '../../../shared/http/respond.js';

export const POST: APIRoute = endpoint(async (context) => {
  const session = requireSession(context);
  const token = context.cookies.get(SESSION_COOKIE)?.value;
  if (token) await context.locals.app.auth.logout(token);
  context.cookies.delete(SESSION_COOKIE, { path: '/' });
  await context.locals.app.audit.record(session.staff, 'logout', null, 'ok');
  return isFormPost(context.request) ? context.redirect('/loket/masuk', 303) : json({ ok: true });
});
