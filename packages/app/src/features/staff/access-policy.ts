/** Staff roles. Agency-bound roles only ever touch their own agency. */
export const ROLES = ['operator', 'agency_admin', 'mpp_manager', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Who asks: a staff member's role and, for agency-bound roles, their agency. */
export interface Actor {
  role: Role;
  agencyId: string | null;
}

/** Every permission the app checks, by area. */
export const PERMISSIONS = [
  // the queue: a counter's tickets, the console, the agency's live events
  'queue:view',
  'queue:act',
  // the audit log of an agency
  'audit:view',
  // complaints (SP4N-LAPOR!): read, move along the workflow
  'complaint:view',
  'complaint:act',
  // queue analytics and survey figures for staff
  'figures:view',
  // agencies, services, counters and opening hours (decision 0066)
  'config:view',
  'config:change',
  // the whole MPP only: staff accounts, catalogue import, personal-data requests (UU PDP)
  'admin:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * How far a role holds a permission: over the whole MPP (every agency, and what belongs to no
 * agency), or over its own agency only.
 */
export type Reach = 'mpp' | 'own-agency';

/**
 * The access policy as data, role → permission → reach; a permission not listed is not held.
 * Operators serve their agency's queue; agency admins run their agency; the MPP manager does
 * everything; the auditor reads everything and changes nothing (decision 0116).
 */
export const ROLE_PERMISSIONS = {
  operator: {
    'queue:view': 'own-agency',
    'queue:act': 'own-agency',
    'figures:view': 'own-agency',
  },
  agency_admin: {
    'queue:view': 'own-agency',
    'queue:act': 'own-agency',
    'audit:view': 'own-agency',
    'complaint:view': 'own-agency',
    'complaint:act': 'own-agency',
    'figures:view': 'own-agency',
    // reads the running configuration (the API then shows their own agency only)
    'config:view': 'mpp',
    'config:change': 'own-agency',
  },
  mpp_manager: Object.fromEntries(PERMISSIONS.map((p) => [p, 'mpp'])) as Record<Permission, 'mpp'>,
  auditor: {
    'queue:view': 'mpp',
    'audit:view': 'mpp',
    'complaint:view': 'mpp',
    'figures:view': 'mpp',
    'config:view': 'mpp',
  },
} as const satisfies Record<Role, Partial<Record<Permission, Reach>>>;

/**
 * What a request touches: the whole MPP (something no single agency owns, or every agency at
 * once), or one or more agencies (a counter moved between two agencies concerns both).
 */
export type Scope =
  | { readonly kind: 'mpp' }
  | { readonly kind: 'agencies'; readonly agencies: readonly string[] };

/** The whole MPP: allowed only to roles that hold the permission with reach `mpp`. */
export const WHOLE_MPP: Scope = Object.freeze({ kind: 'mpp' });

/** One or more agencies; every one must be within the actor's reach. */
export function agencyScope(agencyId: string, ...more: string[]): Scope {
  return { kind: 'agencies', agencies: [agencyId, ...more] };
}

/** The reach a role has for a permission, or undefined when it does not hold it. */
export function reachOf(role: Role, permission: Permission): Reach | undefined {
  return (ROLE_PERMISSIONS[role] as Partial<Record<Permission, Reach>>)[permission];
}

/**
 * The one access check of the app: may `actor` do `permission` on `scope`? Pure, so that the
 * policy test can enumerate every role × permission × scope against {@link ROLE_PERMISSIONS}.
 */
export function can(actor: Actor, permission: Permission, scope: Scope): boolean {
  const reach = reachOf(actor.role, permission);
  if (reach === undefined) return false;
  if (reach === 'mpp') return true;
  if (scope.kind === 'mpp' || actor.agencyId === null) return false;
  return scope.agencies.length > 0 && scope.agencies.every((a) => a === actor.agencyId);
}
