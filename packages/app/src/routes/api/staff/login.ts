import type { APIRoute } from 'astro';
import { loginSchema } from '../../../api/api-schemas.js';
import { isAppError } from '../../../shared/errors.js';
import { SESSION_COOKIE } from '../../../shared/http/cookies.js';
import { endpoint, isFormPost, json, readBody } from '../../../shared/http/respond.js';

export const POST: APIRoute = endpoint(
  async (context) => {
    const { app } = context.locals;
    const input = await readBody(context.request, loginSchema);
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
