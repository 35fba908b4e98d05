import {
  parseResponse,
  SkmAccumulator,
  scoreAccumulator,
  scoreResponses,
  UNSUR_CODES,
} from '@mpp-kit/skm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastDay, nextOpenDay } from '../src/features/analytics/forecast.js';
import { safeFilename, sniffAttachmentType } from '../src/features/complaints/attachment-type.js';
import {
  newTrackingCode,
  normaliseTrackingCode,
} from '../src/features/complaints/complaint-service.js';
import {
  COMPLAINT_STATUSES,
  canMove,
  currentDeadline,
} from '../src/features/complaints/complaint-workflow.js';
import {
  type Actor,
  agencyScope,
  can,
  type Permission,
  ROLES,
} from '../src/features/staff/access-policy.js';
import { csvCell } from '../src/features/survey/results-report.js';
import { pack, readSurveyForm } from '../src/features/survey/survey-form.js';
import {
  parsePeriodKey,
  periodContaining,
  periodsEndingWith,
} from '../src/shared/time/period-range.js';
import { addWorkingDays } from '../src/shared/time/working-days.js';

describe('periods', () => {
  it('finds the month, quarter, semester and year of a day', () => {
    expect(periodContaining('month', '2026-11-23')).toEqual({
      period: 'month',
      key: '2026-11',
      from: '2026-11-01',
      to: '2026-12-01',
    });
    expect(periodContaining('quarter', '2026-11-23').key).toBe('2026-Q4');
    expect(periodContaining('quarter', '2026-11-23').to).toBe('2027-01-01');
    expect(periodContaining('semester', '2026-03-01')).toMatchObject({
      key: '2026-S1',
      from: '2026-01-01',
      to: '2026-07-01',
    });
    expect(periodContaining('year', '2026-03-01')).toMatchObject({
      key: '2026',
      from: '2026-01-01',
      to: '2027-01-01',
    });
  });

  it('parses keys and refuses anything else', () => {
    expect(parsePeriodKey('2026-Q2')?.from).toBe('2026-04-01');
    expect(parsePeriodKey('2026-S2')?.from).toBe('2026-07-01');
    for (const bad of ['2026-13', '2026-Q5', '2026-S3', 'x', '', '1999', '2026-1'])
      expect(parsePeriodKey(bad)).toBeUndefined();
  });

  it('lists consecutive periods, oldest first, without gaps', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('month', 'quarter', 'semester', 'year' as const),
        fc.integer({ min: 2001, max: 2090 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        (period, year, month, count) => {
          const last = periodContaining(period, `${year}-${String(month).padStart(2, '0')}-15`);
          const list = periodsEndingWith(last, count);
          expect(list).toHaveLength(count);
          expect(list.at(-1)).toEqual(last);
          for (let i = 1; i < list.length; i++) expect(list[i]?.from).toBe(list[i - 1]?.to);
        },
      ),
    );
  });
});

describe('complaint workflow', () => {
  it('counts working days, skipping weekends', () => {
    // Friday 2026-11-20 + 3 working days = Wednesday 2026-11-25
    expect(addWorkingDays(new Date('2026-11-20T03:00:00Z'), 3).toISOString()).toBe(
      '2026-11-25T03:00:00.000Z',
    );
    expect(addWorkingDays(new Date('2026-11-23T03:00:00Z'), 5).toISOString()).toBe(
      '2026-11-30T03:00:00.000Z',
    );
    expect(() => addWorkingDays(new Date(), -1)).toThrow(RangeError);
  });

  it('only moves forward, one step at a time, and closed is final', () => {
    expect(canMove('received', 'verified')).toBe(true);
    expect(canMove('received', 'answered')).toBe(false);
    expect(canMove('answered', 'closed')).toBe(true);
    for (const to of COMPLAINT_STATUSES) expect(canMove('closed', to)).toBe(false);
    for (const from of COMPLAINT_STATUSES)
      for (const to of COMPLAINT_STATUSES)
        if (canMove(from, to))
          expect(COMPLAINT_STATUSES.indexOf(to)).toBeGreaterThan(COMPLAINT_STATUSES.indexOf(from));
  });

  it('runs the SP4N-LAPOR! timers: 3 days to forward, 5 to follow up, 10 to auto-close', () => {
    const receivedAt = new Date('2026-11-23T02:00:00Z');
    const base = { receivedAt, verifiedAt: null, forwardedAt: null, answeredAt: null };
    const d1 = currentDeadline({ ...base, status: 'received' }, new Date('2026-11-24T02:00:00Z'));
    expect(d1).toMatchObject({ step: 'forward', overdue: false, hoursLeft: 48 });
    expect(d1?.due.toISOString()).toBe('2026-11-26T02:00:00.000Z');
    const forwardedAt = new Date('2026-11-24T02:00:00Z');
    const d2 = currentDeadline(
      { ...base, forwardedAt, status: 'forwarded' },
      new Date('2026-12-02T02:00:00Z'),
    );
    expect(d2).toMatchObject({ step: 'followUp', overdue: true });
    const answeredAt = new Date('2026-11-25T02:00:00Z');
    expect(
      currentDeadline({ ...base, answeredAt, status: 'answered' }, answeredAt)?.due.toISOString(),
    ).toBe('2026-12-09T02:00:00.000Z');
    expect(currentDeadline({ ...base, status: 'closed' }, answeredAt)).toBeNull();
  });

  it('makes tracking codes that survive retyping', () => {
    fc.assert(
      fc.property(fc.constant(null), () => {
        const code = newTrackingCode();
        expect(code).toMatch(/^ADU-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
        expect(normaliseTrackingCode(code.toLowerCase().replaceAll('-', ' '))).toBe(code);
      }),
      { numRuns: 200 },
    );
    expect(normaliseTrackingCode('ADU-0000-1111')).toBeUndefined();
    expect(normaliseTrackingCode('<script>')).toBeUndefined();
  });
});

describe('attachments', () => {
  it('recognises JPEG, PNG and PDF by content only', () => {
    expect(sniffAttachmentType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(
      sniffAttachmentType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])),
    ).toBe('image/png');
    expect(sniffAttachmentType(new TextEncoder().encode('%PDF-1.7'))).toBe('application/pdf');
    expect(
      sniffAttachmentType(new TextEncoder().encode('<html><script>alert(1)</script>')),
    ).toBeUndefined();
    expect(sniffAttachmentType(new TextEncoder().encode('<svg onload=alert(1)>'))).toBeUndefined();
  });

  it('gives safe names with the sniffed extension', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        const safe = safeFilename(name, 'application/pdf');
        expect(safe).toMatch(/^[\w-]+\.pdf$/);
      }),
    );
    expect(safeFilename('evil.html', 'image/png')).toBe('evil.png');
  });
});

describe('survey form and roll-up', () => {
  const full = Object.fromEntries(UNSUR_CODES.map((c) => [`u_${c}`, '4']));

  it('requires all nine answers and names the missing ones', () => {
    const r = readSurveyForm({ ...full, u_waktu: '', u_biaya: '7' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toEqual(['u_waktu', 'u_biaya']);
  });

  it('validates the profile through @mpp-kit/skm', () => {
    const r = readSurveyForm({ ...full, usia: '7', pendidikan: 'PhD' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path).sort()).toEqual(['pendidikan', 'usia']);
    const ok = readSurveyForm({ ...full, usia: '34', jenisKelamin: 'P', saran: '  lebih cepat ' });
    expect(ok.ok && ok.value).toEqual({
      answers: [4, 4, 4, 4, 4, 4, 4, 4, 4],
      profile: [2, 3, 0, 0],
      saran: 'lebih cepat',
    });
  });

  it('stores responses so that folding the stored form scores exactly as @mpp-kit/skm scores the responses', () => {
    const answer = fc.integer({ min: 1, max: 4 });
    const response = fc.record({
      answers: fc.array(answer, { minLength: 9, maxLength: 9 }),
      usia: fc.option(fc.integer({ min: 10, max: 120 }), { nil: undefined }),
      jenisKelamin: fc.option(fc.constantFrom('L', 'P'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(response, { minLength: 1, maxLength: 40 }), (list) => {
        const parsed = list.map((r) =>
          parseResponse({
            answers: Object.fromEntries(UNSUR_CODES.map((c, i) => [c, r.answers[i]])),
            profile: {
              ...(r.usia === undefined ? {} : { usia: r.usia }),
              ...(r.jenisKelamin ? { jenisKelamin: r.jenisKelamin } : {}),
            },
          }),
        );
        // as submissions fold them: one stored response at a time, merged into the month's row
        const rollup = new SkmAccumulator();
        for (const p of parsed) {
          const stored = pack(p);
          rollup.merge(
            new SkmAccumulator().addPacked(
              Uint8Array.from(stored.answers),
              0,
              1,
              Uint8Array.from(stored.profile),
            ),
          );
        }
        const reread = SkmAccumulator.fromJSON(JSON.parse(JSON.stringify(rollup.toJSON())));
        expect(scoreAccumulator(reread)).toEqual(scoreResponses(parsed));
        const direct = new SkmAccumulator();
        for (const p of parsed) direct.add(p);
        expect(reread.toJSON()).toEqual(direct.toJSON());
      }),
      { numRuns: 100 },
    );
  });
});

describe('forecast', () => {
  it('averages the same weekday of the last four weeks, hour by hour', () => {
    const history = [
      { day: '2026-11-16', hour: 9, count: 10 },
      { day: '2026-11-09', hour: 9, count: 20 },
      { day: '2026-11-02', hour: 9, count: 30 },
      { day: '2026-10-26', hour: 9, count: 40 },
      { day: '2026-10-19', hour: 9, count: 1000 }, // five weeks back: ignored
      { day: '2026-11-17', hour: 9, count: 1000 }, // another weekday: ignored
      { day: '2026-11-16', hour: 10, count: 8 },
    ];
    expect(forecastDay(history, '2026-11-23')).toEqual([
      { hour: 9, expected: 25, low: 10, high: 40 },
      { hour: 10, expected: 2, low: 0, high: 8 },
    ]);
  });

  it('skips closed days', () => {
    expect(nextOpenDay('2026-11-21', [1, 2, 3, 4, 5, 6])).toBe('2026-11-23');
    expect(nextOpenDay('2026-11-23', [1, 2, 3, 4, 5, 6])).toBe('2026-11-24');
  });
});

const canFeedback = (actor: Actor, permission: Permission, agencyId: string) =>
  can(actor, permission, agencyScope(agencyId));

describe('feedback access policy', () => {
  it('keeps agency-bound roles to their own agency and lets only the manager administer', () => {
    const perms = ['complaint:view', 'complaint:act', 'figures:view', 'admin:manage'] as const;
    for (const role of ROLES) {
      const actor = { role, agencyId: role === 'operator' || role === 'agency_admin' ? 'a' : null };
      for (const p of perms) {
        const own = canFeedback(actor, p, 'a');
        const other = canFeedback(actor, p, 'b');
        if (role === 'operator' || role === 'agency_admin') expect(other).toBe(false);
        if (role === 'mpp_manager') expect(own && other).toBe(true);
        if (role === 'auditor') expect(own).toBe(p === 'complaint:view' || p === 'figures:view');
        if (p === 'admin:manage') expect(own).toBe(role === 'mpp_manager');
      }
    }
    expect(canFeedback({ role: 'agency_admin', agencyId: 'a' }, 'complaint:act', 'a')).toBe(true);
    expect(canFeedback({ role: 'operator', agencyId: 'a' }, 'complaint:view', 'a')).toBe(false);
  });
});

describe('CSV cells', () => {
  it('quotes and neutralises formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('=cmd()')).toBe("'=cmd()");
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  });
});
