import type { Actor } from './access-policy.js';

/** What staff may do with complaints, figures and the catalogue (issue 8). */
export type FeedbackPermission =
  | 'complaint:view'
  | 'complaint:act'
  | 'figures:view'
  | 'admin:manage';

/**
 * One pure function, like `can` in access-policy.ts, so the access-matrix test can enumerate
 * it: agency admins handle their own agency's complaints and see its figures; the MPP manager
 * does everything everywhere; the auditor reads everything and changes nothing; operators
 * serve the queue and see their agency's figures only.
 */
export function canFeedback(
  actor: Actor,
  permission: FeedbackPermission,
  agencyId: string | null,
): boolean {
  switch (actor.role) {
    case 'mpp_manager':
      return true;
    case 'auditor':
      return permission === 'complaint:view' || permission === 'figures:view';
    case 'agency_admin':
      return agencyId !== null && actor.agencyId === agencyId && permission !== 'admin:manage';
    case 'operator':
      return agencyId !== null && actor.agencyId === agencyId && permission === 'figures:view';
  }
}
