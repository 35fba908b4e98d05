import type { Actor } from '../staff/access-policy.js';

/** What staff may do in the administration of agencies, services and counters (decision 0066). */
export type AdminPermission = 'config:view' | 'config:change';

/**
 * One pure function, like `can` and `canFeedback`, so the access-matrix test can enumerate it:
 * the MPP manager changes everything; an agency admin changes only what concerns their own
 * agency (its services and counters; a counter moved between agencies concerns both); the
 * auditor reads everything and changes nothing; operators have no part in it. `agencies` null
 * means the whole MPP (an agency's own name, for example).
 */
export function canAdminister(
  actor: Actor,
  permission: AdminPermission,
  agencies: readonly string[] | null,
): boolean {
  switch (actor.role) {
    case 'mpp_manager':
      return true;
    case 'auditor':
      return permission === 'config:view';
    case 'agency_admin':
      if (permission === 'config:view') return true;
      return (
        agencies !== null && agencies.length > 0 && agencies.every((a) => a === actor.agencyId)
      );
    case 'operator':
      return false;
  }
}
