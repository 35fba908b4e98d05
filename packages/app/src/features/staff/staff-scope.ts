import type { APIContext } from 'astro';
import { forbidden } from '../../shared/errors.js';
import type { AppContext } from '../app-context.js';
import type { StaffSession } from './auth-service.js';
import { canFeedback, type FeedbackPermission } from './feedback-policy.js';

/**
 * The agency a staff page or endpoint works on: null means "all agencies", allowed only for
 * those who hold the permission everywhere (manager, auditor). Agency-bound staff are pinned
 * to their own agency whatever they ask for; asking for another is refused and audited.
 */
export async function scopeFor(
  app: AppContext,
  session: StaffSession,
  permission: FeedbackPermission,
  asked: string | null,
  action: string,
): Promise<string | null> {
  const staff = session.staff;
  const everywhere = staff.role === 'mpp_manager' || staff.role === 'auditor';
  const agencyId = asked && app.catalogue.agency(asked) ? asked : null;
  if (agencyId === null) {
    if (everywhere && canFeedback(staff, permission, '*')) return null;
    if (staff.agencyId && canFeedback(staff, permission, staff.agencyId)) return staff.agencyId;
  } else if (canFeedback(staff, permission, agencyId)) {
    return agencyId;
  }
  await app.audit.record(staff, action, asked, 'denied', { agencyId: asked ?? undefined });
  throw forbidden();
}

/** Same for an Astro page: returns the scope, or a 403 response to return. */
export async function pageScope(
  context: Pick<APIContext, 'locals'>,
  permission: FeedbackPermission,
  asked: string | null,
  action: string,
): Promise<string | null | Response> {
  const session = context.locals.session;
  if (!session) return new Response(null, { status: 303, headers: { location: '/loket/masuk' } });
  try {
    return await scopeFor(context.locals.app, session, permission, asked, action);
  } catch {
    return new Response('Forbidden / Tidak berwenang', { status: 403 });
  }
}
