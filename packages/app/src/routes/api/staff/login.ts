import { defineEndpoint } from '../../../api/define-endpoint.js';
import { STAFF_API } from '../../../features/staff/api.js';
import { isAppError } from '../../../shared/errors.js';
import { SESSION_COOKIE } from '../../../shared/http/cookies.js';
import { isFormPost, json } from '../../../shared/http/respond.js';

export const POST = defineEndpoint(
  STAFF_API.login,
  async ({ context, app, body: input }) => {
    const ip = context.clientAddress ?? 'unknown';
    try {
      const { token, staff } = await app.auth.login(input.username, input.password, ip);
      context.cookies.set(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: app.secureCookies,
        path: '/',
        maxAge: 10 * 3600,
      });
      await app.audit.record(staff, 'login', null, 'ok');
      if (isFormPost(context.request)) return context.redirect('/loket', 303);
      return json({ staff });
    } catch (error) {
      if (isAppError(error)) {
        await app.audit.record(
          { id: null, username: input.username.slice(0, 100), role: '-', agencyId: null },
          'login',
          null,
          'failed',
          { reason: error.code },
        );
      }
      throw error;
    }
  },
  { back: () => '/loket/masuk' },
);
