/** Staff roles. Agency-bound roles only ever touch their own agency. */
export const ROLES = ['operator', 'agency_admin', 'mpp_manager', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  role: Role;
  agencyId: string | null;
}

/** What a staff member may try to do to an agency's data. */
export type Permission = 'queue:view' | 'queue:act' | 'audit:view';

/**
 * The whole access policy in one pure function so the access-matrix test can enumerate it:
 * operators and agency admins see and act on their own agency only; the MPP manager on all;
 * the auditor sees all and changes nothing.
 */
export function can(actor: Actor, permission: Permission, agencyId: string): boolean {
  switch (actor.role) {
    case 'mpp_manager':
      return true;
    case 'auditor':
      return permission !== 'queue:act';
    case 'agency_admin':
      return actor.agencyId === agencyId;
    case 'operator':
      return actor.agencyId === agencyId && permission !== 'audit:view';
  }
}
