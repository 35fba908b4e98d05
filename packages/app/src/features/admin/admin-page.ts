import { isAppError } from '../../shared/errors.js';
import type { AppContext } from '../app-context.js';
import { can, WHOLE_MPP } from '../staff/access-policy.js';
import type { StaffSession } from '../staff/auth-service.js';
import { administer } from './admin-change.js';
import { changeFromForm } from './admin-forms.js';
import type { OverlayChange } from './admin-overlay.js';

/** One line of an admin page's error summary: a form field (linked) or a configuration path. */
export interface PageError {
  field?: string;
  path?: string;
  message: string;
}

export interface PostOutcome {
  status: number;
  errors: PageError[];
  version?: number;
  change?: OverlayChange;
  /** The fields as posted, to fill the form again after an error. */
  fields: Record<string, string>;
  services: string[];
}

/** What an administration page may be opened with: a redirect to sign in, a 403, or the page. */
export type AdminPageOpening =
  | { response: Response }
  | { session: StaffSession; outcome: PostOutcome | undefined };

/**
 * The start every administration page shares: sign-in required, the `config:view` right (a
 * refusal is audited), and the page's own form post handled (its status becomes the page's).
 */
export async function openAdminPage(
  astro: {
    locals: App.Locals;
    request: Request;
    response: { status: number };
    redirect: (path: string, status: 303) => Response;
  },
  { handlesPost = true }: { handlesPost?: boolean } = {},
): Promise<AdminPageOpening> {
  const { app, lang, session } = astro.locals;
  if (!session) return { response: astro.redirect('/loket/masuk', 303) };
  if (!can(session.staff, 'config:view', WHOLE_MPP)) {
    await app.audit.record(session.staff, 'admin_view', null, 'denied');
    return { response: new Response('Forbidden / Tidak berwenang', { status: 403 }) };
  }
  if (!handlesPost || astro.request.method !== 'POST') return { session, outcome: undefined };
  const outcome = await handleAdminPost(app, session, astro.request, lang);
  astro.response.status = outcome.status;
  return { session, outcome };
}

/**
 * Handles an admin page's own form post (no JavaScript needed): the form becomes a change,
 * which is authorised, validated, applied and audited by `administer`; what went wrong comes
 * back as error-summary lines in the page's language.
 */
export async function handleAdminPost(
  app: AppContext,
  session: StaffSession,
  request: Request,
  lang: 'id' | 'en',
): Promise<PostOutcome> {
  const form = await request.formData().catch(() => undefined);
  const fields: Record<string, string> = {};
  const services: string[] = [];
  for (const [key, value] of form ?? []) {
    if (typeof value !== 'string' || key === '_csrf') continue;
    if (key === 'services') services.push(value);
    else fields[key] = value;
  }
  const parsed = changeFromForm(fields, services);
  if (!parsed.ok) {
    return {
      status: 400,
      errors: parsed.errors.map((e) => ({ field: e.field, message: e.message })),
      fields,
      services,
    };
  }
  try {
    const result = await administer(app, session, parsed.change);
    if (result.ok)
      return {
        status: 200,
        errors: [],
        version: result.version,
        change: parsed.change,
        fields,
        services,
      };
    return {
      status: result.status,
      errors: result.errors.map((e) => ({ path: e.path, message: lang === 'en' ? e.en : e.id })),
      fields,
      services,
    };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return {
      status: error.status,
      errors: [{ message: lang === 'en' ? error.messageEn : error.messageId }],
      fields,
      services,
    };
  }
}
