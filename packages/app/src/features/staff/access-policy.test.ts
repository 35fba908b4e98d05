import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  agencyScope,
  can,
  PERMISSIONS,
  type Permission,
  ROLE_PERMISSIONS,
  ROLES,
  type Role,
  type Scope,
  WHOLE_MPP,
} from './access-policy.js';

// The policy written out here by hand, independent of ROLE_PERMISSIONS: for each role, the
// permissions allowed on its own agency, on another agency, and on the whole MPP.
const EXPECTED: Record<Role, Record<'own' | 'other' | 'mpp', Permission[]>> = {
  operator: {
    own: ['queue:view', 'queue:act', 'figures:view'],
    other: [],
    mpp: [],
  },
  agency_admin: {
    own: [
      'queue:view',
      'queue:act',
      'audit:view',
      'complaint:view',
      'complaint:act',
      'figures:view',
      'config:view',
      'config:change',
    ],
    other: ['config:view'],
    mpp: ['config:view'],
  },
  mpp_manager: { own: [...PERMISSIONS], other: [...PERMISSIONS], mpp: [...PERMISSIONS] },
  auditor: {
    own: ['queue:view', 'audit:view', 'complaint:view', 'figures:view', 'config:view'],
    other: ['queue:view', 'audit:view', 'complaint:view', 'figures:view', 'config:view'],
    mpp: ['queue:view', 'audit:view', 'complaint:view', 'figures:view', 'config:view'],
  },
};

const agencyBound = (role: Role) => role === 'operator' || role === 'agency_admin';
const actorOf = (role: Role): Actor => ({
  role,
  agencyId: agencyBound(role) ? 'dukcapil' : null,
});
const SCOPES: Record<'own' | 'other' | 'mpp', Scope> = {
  own: agencyScope('dukcapil'),
  other: agencyScope('polres'),
  mpp: WHOLE_MPP,
};

describe('access policy: one test per role × permission × scope', () => {
  for (const role of ROLES)
    for (const permission of PERMISSIONS)
      for (const where of ['own', 'other', 'mpp'] as const) {
        const allowed = EXPECTED[role][where].includes(permission);
        it(`${role} ${allowed ? 'may' : 'may not'} ${permission} on ${where === 'mpp' ? 'the whole MPP' : `${where} agency`}`, () => {
          expect(can(actorOf(role), permission, SCOPES[where])).toBe(allowed);
        });
      }
});

describe('access policy: the function equals its table', () => {
  const agency = fc.constantFrom('dukcapil', 'polres', 'samsat', 'bpn');
  const scope: fc.Arbitrary<Scope> = fc.oneof(
    fc.constant(WHOLE_MPP),
    fc.array(agency, { maxLength: 3 }).map((agencies) => ({ kind: 'agencies' as const, agencies })),
  );
  const actor: fc.Arbitrary<Actor> = fc.record({
    role: fc.constantFrom(...ROLES),
    agencyId: fc.option(agency, { nil: null }),
  });

  it('allows exactly what the table grants, over the reach it grants', () => {
    fc.assert(
      fc.property(actor, fc.constantFrom(...PERMISSIONS), scope, (who, permission, where) => {
        const reach = (ROLE_PERMISSIONS[who.role] as Partial<Record<Permission, string>>)[
          permission
        ];
        const expected =
          reach === 'mpp' ||
          (reach === 'own-agency' &&
            where.kind === 'agencies' &&
            where.agencies.length > 0 &&
            who.agencyId !== null &&
            where.agencies.every((a) => a === who.agencyId));
        expect(can(who, permission, where)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('never lets an agency-bound role reach an agency that is not its own', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Role>('operator', 'agency_admin'),
        fc.constantFrom(...PERMISSIONS).filter((p) => p !== 'config:view'),
        fc.array(agency, { minLength: 1, maxLength: 3 }),
        (role, permission, agencies) => {
          const allowed = can({ role, agencyId: 'dukcapil' }, permission, {
            kind: 'agencies',
            agencies,
          });
          if (agencies.some((a) => a !== 'dukcapil')) expect(allowed).toBe(false);
        },
      ),
    );
  });

  it('lets the auditor change nothing', () => {
    const changes: Permission[] = ['queue:act', 'complaint:act', 'config:change', 'admin:manage'];
    for (const permission of changes)
      for (const where of Object.values(SCOPES))
        expect(can(actorOf('auditor'), permission, where)).toBe(false);
  });
});
