import { defineMiddleware } from 'astro:middleware';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { imageSources } from './shared/brand-style.js';
import { CSRF_COOKIE, LANG_COOKIE, SESSION_COOKIE } from './shared/http/cookies.js';
import { isLang } from './shared/i18n/i18n.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Per request: language, CSRF token (double-submit: cookie + form field or header), staff
 * session, and security headers. A state-changing request needs the token whenever it comes
 * from a browser form or carries a session; public JSON calls without cookies need none.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const { cookies, locals, request } = context;
  const app = locals.app;
  const secure = app?.secureCookies ?? false;
  const langCookie = cookies.get(LANG_COOKIE)?.value;
  locals.lang = isLang(langCookie) ? langCookie : 'id';
  let csrf = cookies.get(CSRF_COOKIE)?.value;
  if (!csrf || !/^[\w-]{20,64}$/.test(csrf)) {
    csrf = randomBytes(24).toString('base64url');
    cookies.set(CSRF_COOKIE, csrf, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
  }
  locals.csrf = csrf;
  const sessionToken = cookies.get(SESSION_COOKIE)?.value;
  locals.session = sessionToken && app ? await app.auth.session(sessionToken) : null;

  if (UNSAFE.has(request.method)) {
    const type = request.headers.get('content-type') ?? '';
    const isForm = !type.startsWith('application/json');
    if (isForm || sessionToken) {
      let sent = request.headers.get('x-csrf-token') ?? undefined;
      if (!sent && isForm) {
        const form = await request
          .clone()
          .formData()
          .catch(() => undefined);
        const field = form?.get('_csrf');
        sent = typeof field === 'string' ? field : undefined;
      }
      if (!sameToken(sent, cookies.get(CSRF_COOKIE)?.value)) {
        const message = {
          id: 'Formulir kedaluwarsa atau tidak sah; muat ulang halaman dan coba lagi',
          en: 'The form expired or is not valid; reload the page and try again',
        };
        return new Response(JSON.stringify({ error: { code: 'csrf', message } }), {
          status: 403,
          headers: { 'content-type': 'application/json; charset=utf-8' },
        });
      }
    }
  }

  const response = await next();
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('referrer-policy', 'same-origin');
  response.headers.set('x-frame-options', 'DENY');
  response.headers.set(
    'content-security-policy',
    `default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src ${imageSources(app?.catalogue.config.logo)}; frame-ancestors 'none'; form-action 'self'; base-uri 'self'`,
  );
  if (secure) response.headers.set('strict-transport-security', 'max-age=31536000');
  return response;
});
