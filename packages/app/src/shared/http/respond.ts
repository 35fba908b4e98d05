import type { APIContext } from 'astro';
import { type AppError, isAppError } from '../errors.js';
import { InvalidInput, isFormPost } from './body.js';

export { InvalidInput, isFormPost, readBody } from './body.js';

/** A JSON answer that no cache keeps. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/** The error body every 4xx of the API carries: a code and the message in both languages. */
export function errorBody(error: AppError) {
  return {
    error: {
      code: error.code,
      message: { id: error.messageId, en: error.messageEn },
      ...(error instanceof InvalidInput ? { issues: error.issues } : {}),
    },
  };
}

/**
 * The answer to a refusal: 4xx JSON, or for a form post a redirect back to the page (`back`, else
 * the referring page) with `?error=&message=` so the page shows it without JavaScript. Anything
 * not an AppError is rethrown (a 500, logged by the server).
 */
export function errorResponse(context: APIContext, error: unknown, back?: string): Response {
  if (!isAppError(error)) throw error;
  if (isFormPost(context.request)) {
    const url = new URL(back ?? context.request.headers.get('referer') ?? '/', context.url);
    if (url.origin !== context.url.origin) return context.redirect('/', 303);
    url.searchParams.set('error', error.code);
    url.searchParams.set(
      'message',
      context.locals.lang === 'en' ? error.messageEn : error.messageId,
    );
    return context.redirect(`${url.pathname}${url.search}`, 303);
  }
  return json(errorBody(error), error.status);
}
