import { defineEndpoint } from '../../../api/define-endpoint.js';
import { STAFF_API } from '../../../features/staff/api.js';
import { SESSION_COOKIE } from '../../../shared/http/cookies.js';
import { isFormPost, json } from '../../../shared/http/respond.js';

export const POST = defineEndpoint(STAFF_API.logout, async ({ context, app, session }) => {
  const token = context.cookies.get(SESSION_COOKIE)?.value;
  if (token) await app.auth.logout(token);
  context.cookies.delete(SESSION_COOKIE, { path: '/' });
  await app.audit.record(session.staff, 'logout', null, 'ok');
  return isFormPost(context.request) ? context.redirect('/loket/masuk', 303) : json({ ok: true });
});
