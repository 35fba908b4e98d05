import type { APIRoute } from 'astro';
import { LANG_COOKIE } from '../shared/http/cookies.js';
import { isLang } from '../shared/i18n/i18n.js';

/** Language switch that works without JavaScript: a link that sets a cookie and goes back. */
export const GET: APIRoute = ({ url, cookies, redirect, locals }) => {
  const to = url.searchParams.get('to');
  if (isLang(to)) {
    cookies.set(LANG_COOKIE, to, {
      path: '/',
      sameSite: 'lax',
      httpOnly: true,
      secure: locals.app?.secureCookies ?? false,
      maxAge: 365 * 24 * 3600,
    });
  }
  const back = url.searchParams.get('back') ?? '/';
  return redirect(back.startsWith('/') && !back.startsWith('//') ? back : '/', 303);
};
