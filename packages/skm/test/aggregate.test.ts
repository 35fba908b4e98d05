import { describe, expect, it } from 'vitest';
import {
  aggregate,
  compareScores,
  improvementPriorities,
  periodKey,
  SkmAccumulator,
  type SkmResponse,
  scoreGroups,
  scoreResponses,
} from '../src/index.js';
import { uniform } from './helpers.js';

const r = (v: 1 | 2 | 3 | 4, extra: Partial<SkmResponse>): SkmResponse => uniform(v, extra);

describe('periodKey', () => {
  it.each([
    ['2025-03-31', 'month', '2025-03'],
    ['2025-03-31', 'quarter', '2025-Q1'],
    ['2025-04-01', 'quarter', '2025-Q2'],
    ['2025-06-30', 'semester', '2025-S1'],
    ['2025-07-01', 'semester', '2025-S2'],
    ['2025-12-31', 'year', '2025'],
  ] as const)('%s by %s is %s', (date, kind, key) => {
    expect(periodKey(date, kind)).toBe(key);
  });
});

describe('aggregate', () => {
  const data = [
    r(4, {
      service: 'Paspor',
      agency: 'Imigrasi',
      mpp: 'MPP Kota',
      date: '2025-01-05',
      profile: { pendidikan: 'S1' },
    }),
    r(2, {
      service: 'Paspor',
      agency: 'Imigrasi',
      mpp: 'MPP Kota',
      date: '2025-08-05',
      profile: { pendidikan: 'SMA' },
    }),
    r(3, { service: 'KTP', agency: 'Dukcapil', mpp: 'MPP Kota', date: '2025-02-05' }),
  ];

  it('groups by any combination of dimensions, "-" when a response does not say', () => {
    const groups = scoreGroups(aggregate(data, ['agency', 'semester', 'pendidikan']));
    expect(groups.map((g) => [g.key, g.score.ikmText])).toEqual([
      [{ agency: 'Dukcapil', semester: '2025-S1', pendidikan: '-' }, '75.00'],
      [{ agency: 'Imigrasi', semester: '2025-S1', pendidikan: 'S1' }, '100.00'],
      [{ agency: 'Imigrasi', semester: '2025-S2', pendidikan: 'SMA' }, '50.00'],
    ]);
  });

  it('for the whole MPP equals scoring everything at once', () => {
    const [mpp] = scoreGroups(aggregate(data, ['mpp']));
    expect(mpp?.score).toEqual(scoreResponses(data));
  });

  it('merges groupings from shards', () => {
    const a = aggregate(data.slice(0, 1), ['service']);
    const b = aggregate(data.slice(1), ['service']);
    const merged = scoreGroups(a.merge(b));
    expect(merged).toEqual(scoreGroups(aggregate(data, ['service'])));
  });
});

describe('improvement priorities and change between periods', () => {
  const answers = (waktu: 1 | 2 | 3 | 4, biaya: 1 | 2 | 3 | 4): SkmResponse => ({
    ...uniform(4),
    answers: { ...uniform(4).answers, waktu, biaya },
  });

  it('lists the lowest NRR first, ties in regulation order', () => {
    const s = scoreResponses([answers(1, 2), answers(2, 1)]);
    expect(improvementPriorities(s, 3).map((u) => u.code)).toEqual([
      'waktu',
      'biaya',
      'persyaratan',
    ]);
  });

  it('gives the exact change of IKM and NRR between two periods', () => {
    const before = scoreResponses([answers(1, 1)]);
    const after = scoreResponses([answers(3, 1)]);
    const change = compareScores(before, after);
    // waktu +2 on one of nine unsur: +2/9 × 25 = +5.555…
    expect(change.ikmChangeText).toBe('+5.56');
    expect(compareScores(after, before).ikmChangeText).toBe('-5.56');
    expect(change.unsur.find((u) => u.code === 'waktu')?.change).toEqual({ num: 2n, den: 1n });
    expect(() => compareScores(before, scoreResponses([], { weight: '0.11' }))).toThrow(
      /different weights/,
    );
  });
});

describe('SkmAccumulator.addPacked', () => {
  it('rejects a byte above 4 with its position and leaves the accumulator unchanged', () => {
    const acc = new SkmAccumulator();
    const packed = new Uint8Array(18).fill(4);
    packed[11] = 5;
    expect(() => acc.addPacked(packed)).toThrow(/response 1, unsur waktu: value 5 outside 0–4/);
    packed[11] = 200;
    expect(() => acc.addPacked(packed)).toThrow(/value 200/);
    expect(acc.respondents).toBe(0);
    expect(acc.toJSON()).toEqual(new SkmAccumulator().toJSON());
  });
});
