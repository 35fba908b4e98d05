import type { APIContext } from 'astro';
import { forbidden } from '../../shared/errors.js';
import type { AppContext } from '../app-context.js';
import { agencyScope, can, type Permission, WHOLE_MPP } from './access-policy.js';
import type { StaffSession } from './auth-service.js';

/**
 * The agency a staff page or endpoint works on: null means "all agencies", allowed only to those
 * who hold the permission over the whole MPP (manager, auditor). Agency-bound staff are pinned
 * to their own agency whatever they ask for; asking for another is refused and audited.
 */
export async function scopeFor(
  app: Pick<AppContext, 'catalogue' | 'audit'>,
  session: StaffSession,
  permission: Permission,
  asked: string | null,
  action: string,
): Promise<string | null> {
  const staff = session.staff;
  const agencyId = asked && app.catalogue.agency(asked) ? asked : null;
  if (agencyId === null) {
    if (can(staff, permission, WHOLE_MPP)) return null;
    if (staff.agencyId && can(staff, permission, agencyScope(staff.agencyId)))
      return staff.agencyId;
  } else if (can(staff, permission, agencyScope(agencyId))) {
    return agencyId;
  }
  await app.audit.record(staff, action, asked, 'denied', { agencyId: asked ?? undefined });
  throw forbidden();
}

/** Same for an Astro page: returns the scope, or the response to return (sign-in or 403). */
export async function pageScope(
  context: Pick<APIContext, 'locals'>,
  permission: Permission,
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
