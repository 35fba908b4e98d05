import type { APIContext } from 'astro';
import type { z } from 'zod';
import { type Actor, can, type Permission } from '../lib/access-policy.js';
import type { StaffSession } from './auth-service.js';
import { AppError, forbidden, isAppError } from './errors.js';

/** A form post from a page (answered with a redirect) rather than a JSON API call. */
export function isFormPost(request: Request): boolean {
  const type = request.headers.get('content-type') ?? '';
  return (
    type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')
  );
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}

export function errorBody(error: AppError) {
  return { error: { code: error.code, message: { id: error.messageId, en: error.messageEn } } };
}

/** Reads a form or JSON body and validates it; bad input becomes a 400 naming each field. */
export async function readBody<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<z.infer<S>> {
  let raw: unknown;
  if (isFormPost(request)) {
    const form = await request.formData().catch(() => undefined);
    if (!form)
      throw invalid([{ path: '(body)', message: 'formulir tidak terbaca / unreadable form' }]);
    const entries: Record<string, string> = {};
    for (const [key, value] of form) {
      if (typeof value === 'string' && value !== '' && key !== '_csrf') entries[key] = value;
    }
    raw = entries;
  } else {
    const text = await request.text();
    try {
      raw = text === '' ? {} : JSON.parse(text);
    } catch {
      throw invalid([{ path: '(body)', message: 'JSON tidak valid / invalid JSON' }]);
    }
  }
  checkParsedBody(raw);
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw invalid(
      result.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message })),
    );
  }
  return result.data;
}

export class InvalidInput extends AppError {
  constructor(readonly issues: { path: string; message: string }[]) {
    super(
      400,
      'invalid_input',
      `Masukan tidak valid: ${issues.map((i) => `${i.path} (${i.message})`).join('; ')}`,
      `Invalid input: ${issues.map((i) => `${i.path} (${i.message})`).join('; ')}`,
    );
  }
}

const invalid = (issues: { path: string; message: string }[]) => new InvalidInput(issues);

/**
 * Wraps an endpoint: AppErrors become 4xx JSON, or for form posts a redirect back to the
 * page with `?error=` so the page can show the message without JavaScript.
 */
export function endpoint(
  fn: (context: APIContext) => Promise<Response>,
  options: { back?: (context: APIContext) => string } = {},
) {
  return async (context: APIContext): Promise<Response> => {
    try {
      return await fn(context);
    } catch (error) {
      if (!isAppError(error)) throw error;
      if (isFormPost(context.request)) {
        const back = options.back?.(context) ?? context.request.headers.get('referer') ?? '/';
        const url = new URL(back, context.url);
        if (url.origin !== context.url.origin) return context.redirect('/', 303);
        url.searchParams.set('error', error.code);
        url.searchParams.set(
          'message',
          context.locals.lang === 'en' ? error.messageEn : error.messageId,
        );
        return context.redirect(`${url.pathname}${url.search}`, 303);
      }
      const body = errorBody(error) as ReturnType<typeof errorBody> & {
        error: { issues?: unknown };
      };
      if (error instanceof InvalidInput) body.error.issues = error.issues;
      return json(body, error.status);
    }
  };
}

/** Requires a signed-in staff member. */
export function requireSession(context: APIContext): StaffSession {
  const session = context.locals.session;
  if (!session) {
    throw new AppError(
      401,
      'unauthenticated',
      'Silakan masuk terlebih dahulu',
      'Please sign in first',
    );
  }
  return session;
}

/** Requires a permission on an agency; a refusal is written to the audit log. */
export async function authorize(
  context: APIContext,
  session: StaffSession,
  permission: Permission,
  agencyId: string,
  action: string,
  target: string,
): Promise<void> {
  const actor: Actor = session.staff;
  if (can(actor, permission, agencyId)) return;
  await context.locals.app.audit.record(session.staff, action, target, 'denied', { agencyId });
  throw forbidden();
}

/** How deeply a JSON body may nest; deeper is refused (no form or API here nests past 3). */
export const MAX_BODY_DEPTH = 64;

/**
 * Refuses a parsed body nested deeper than {@link MAX_BODY_DEPTH}, or holding a NUL character
 * (PostgreSQL text cannot hold NUL; refused here with the field's name instead of failing
 * later). Walks iteratively, so a body nested thousands of levels deep cannot overflow the stack.
 */
export function checkParsedBody(raw: unknown): void {
  const nul = findNul(raw);
  if (nul === DEEP)
    throw invalid([
      {
        path: '(body)',
        message: `bersarang lebih dari ${MAX_BODY_DEPTH} tingkat / nested deeper than ${MAX_BODY_DEPTH} levels`,
      },
    ]);
  if (nul)
    throw invalid([
      { path: nul, message: 'karakter NUL tidak diizinkan / NUL character not allowed' },
    ]);
}

const DEEP = Symbol('too deep');

function findNul(root: unknown): string | typeof DEEP | undefined {
  const stack: { value: unknown; path: string[] }[] = [{ value: root, path: [] }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value, path } = item;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path.join('.') || '(body)';
    } else if (value && typeof value === 'object') {
      if (path.length >= MAX_BODY_DEPTH) return DEEP;
      const entries = Object.entries(value);
      for (const [key] of entries) {
        if (key.includes('\u0000')) return path.join('.') || '(body)';
      }
      // reversed onto the stack, so the first field is looked at first (as before)
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, inner] = entries[i] as [string, unknown];
        stack.push({ value: inner, path: [...path, key] });
      }
    }
  }
  return undefined;
}
