import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeFromForm, intervals } from '../src/features/admin/admin-forms.js';
import {
  type Actor,
  agencyScope,
  can,
  type Permission,
  ROLES,
  WHOLE_MPP,
} from '../src/features/staff/access-policy.js';

// the agencies a change concerns, as the administration passes them to `can` (none: whole MPP)
const canAdminister = (actor: Actor, permission: Permission, agencies: string[] | null) =>
  can(actor, permission, agencies?.length ? agencyScope(...(agencies as [string])) : WHOLE_MPP);

// The administration's pure parts: the policy against a matrix written out here, and the
// form reader (never throws; problems name the form's own fields).
describe('administration policy', () => {
  const actor = (role: Actor['role']): Actor => ({
    role,
    agencyId: role === 'operator' || role === 'agency_admin' ? 'dukcapil' : null,
  });
  const cases: [Actor['role'], 'config:view' | 'config:change', string[] | null, boolean][] = [
    ['mpp_manager', 'config:change', null, true],
    ['mpp_manager', 'config:change', ['polres'], true],
    ['auditor', 'config:view', null, true],
    ['auditor', 'config:change', ['dukcapil'], false],
    ['agency_admin', 'config:view', null, true],
    ['agency_admin', 'config:change', ['dukcapil'], true],
    ['agency_admin', 'config:change', ['polres'], false],
    ['agency_admin', 'config:change', ['dukcapil', 'polres'], false],
    ['agency_admin', 'config:change', null, false],
    ['agency_admin', 'config:change', [], false],
    ['operator', 'config:view', null, false],
    ['operator', 'config:change', ['dukcapil'], false],
  ];
  it.each(cases)('%s %s %j → %s', (role, permission, agencies, expected) => {
    expect(canAdminister(actor(role), permission, agencies)).toBe(expected);
  });

  it('only the manager may change what concerns several agencies or none', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ROLES),
        fc.option(fc.array(fc.constantFrom('dukcapil', 'polres', 'samsat'), { maxLength: 3 })),
        (role, agencies) => {
          const allowed = canAdminister(actor(role), 'config:change', agencies);
          if (role === 'mpp_manager') expect(allowed).toBe(true);
          else if (role === 'agency_admin')
            expect(allowed).toBe(
              agencies !== null && agencies.length > 0 && agencies.every((a) => a === 'dukcapil'),
            );
          else expect(allowed).toBe(false);
        },
      ),
    );
  });
});

describe('administration forms', () => {
  it('reads a counter form, label and checkboxes included', () => {
    const r = changeFromForm(
      {
        kind: 'counter',
        number: '42',
        zone: 'utara',
        tenant: 'dukcapil',
        floor: '2',
        priority: 'on',
        labelId: 'Loket Uji',
        labelEn: '',
      },
      ['dukcapil.kia'],
    );
    expect(r).toEqual({
      ok: true,
      change: {
        kind: 'counter',
        counter: {
          number: 42,
          zone: 'utara',
          tenant: 'dukcapil',
          services: ['dukcapil.kia'],
          floor: 2,
          priority: true,
          label: { id: 'Loket Uji' },
        },
      },
    });
  });

  it('reads a service form: an empty cap is none, an unchecked box is closed', () => {
    expect(changeFromForm({ kind: 'service', service: 'dukcapil.kia', dailyCap: '' }, [])).toEqual({
      ok: true,
      change: { kind: 'service', service: 'dukcapil.kia', offered: false, dailyCap: null },
    });
  });

  it('reads opening hours: intervals, empty for closed, a wrong day named', () => {
    expect(intervals('08:00-12:00, 13:00–15:30')).toEqual([
      { open: '08:00', close: '12:00' },
      { open: '13:00', close: '15:30' },
    ]);
    expect(intervals('  ')).toEqual([]);
    expect(intervals('pagi')).toBeUndefined();
    const r = changeFromForm({ kind: 'hours', monday: '08:00-15:00', friday: 'pagi' }, []);
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(['friday']);
  });

  it('names the form field that is wrong', () => {
    const r = changeFromForm(
      { kind: 'counter', number: 'empat', zone: 'utara', tenant: 'dukcapil' },
      [],
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field).sort()).toEqual(['number', 'services']);
  });

  it('never throws on any posted fields (fuzzed)', () => {
    const field = fc.constantFrom(
      'kind',
      'agency',
      'nameId',
      'nameEn',
      'service',
      'offered',
      'dailyCap',
      'number',
      'zone',
      'tenant',
      'floor',
      'priority',
      'labelId',
      'labelEn',
    );
    fc.assert(
      fc.property(
        fc.dictionary(
          field,
          fc.oneof(
            fc.string(),
            fc.constantFrom('counter', 'service', 'agency', 'counter-remove', '7', 'on'),
          ),
        ),
        fc.array(fc.string(), { maxLength: 3 }),
        (fields, services) => {
          const r = changeFromForm(fields, services);
          if (!r.ok) for (const e of r.errors) expect(e.field.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads the add-agency and switch-off forms; errors name the form fields', () => {
    const fields = {
      kind: 'agency-add',
      agency: 'kemenag',
      agencyKind: 'kementerian',
      nameId: 'Kementerian Agama',
      nameEn: 'Ministry of Religious Affairs',
      standards: 'kemenag.nikah@1.0.0\r\nkemenag.haji@2.1.0, ',
      number: '90',
      zone: 'utara',
      floor: '2',
    };
    const r = changeFromForm(fields, []);
    expect(r).toEqual({
      ok: true,
      change: {
        kind: 'agency-add',
        agency: 'kemenag',
        agencyKind: 'kementerian',
        name: { id: 'Kementerian Agama', en: 'Ministry of Religious Affairs' },
        services: ['kemenag.nikah@1.0.0', 'kemenag.haji@2.1.0'],
        counter: { number: 90, zone: 'utara', floor: 2 },
      },
    });
    const bad = changeFromForm({ ...fields, standards: 'kemenag.nikah', number: 'x' }, []);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.map((e) => e.field).sort()).toEqual(['number', 'standards']);
    expect(changeFromForm({ kind: 'agency-state', agency: 'polres', off: 'true' }, [])).toEqual({
      ok: true,
      change: { kind: 'agency-state', agency: 'polres', off: true },
    });
  });
});
