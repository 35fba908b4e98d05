import { describe, expect, it } from 'vitest';
import { can, ROLES } from './access-policy.js';

const expected = {
  operator: { own: ['queue:view', 'queue:act'], other: [] },
  agency_admin: { own: ['queue:view', 'queue:act', 'audit:view'], other: [] },
  mpp_manager: {
    own: ['queue:view', 'queue:act', 'audit:view'],
    other: ['queue:view', 'queue:act', 'audit:view'],
  },
  auditor: { own: ['queue:view', 'audit:view'], other: ['queue:view', 'audit:view'] },
} as const;

describe('access policy', () => {
  for (const role of ROLES) {
    for (const scope of ['own', 'other'] as const) {
      it(`${role} on ${scope} agency`, () => {
        const agencyBound = role === 'operator' || role === 'agency_admin';
        const actor = { role, agencyId: agencyBound || scope === 'own' ? 'dukcapil' : null };
        const target = scope === 'own' ? 'dukcapil' : 'polres';
        const allowed = (['queue:view', 'queue:act', 'audit:view'] as const).filter((p) =>
          can(actor, p, target),
        );
        expect(allowed).toEqual([...expected[role][scope]]);
      });
    }
  }
});
