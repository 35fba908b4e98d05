import { describe, expect, it } from 'vitest';
import {
  rational,
  SKM_2017_VERSION,
  type SkmResponse,
  scoreResponses,
  toFixed,
} from '../src/index.js';
import { mix, uniform } from './helpers.js';

describe('the checks every implementation must pass (PermenPANRB 14/2017)', () => {
  it('one respondent answering all 4s scores 100.00, A', () => {
    const s = scoreResponses([uniform(4)]);
    expect(s.ikmText).toBe('100.00');
    expect(s.mutu).toBe('A');
    expect(s.kinerja?.id).toBe('Sangat baik');
  });

  it('one respondent answering all 1s scores 25.00, D', () => {
    const s = scoreResponses([uniform(1)]);
    expect(s.ikmText).toBe('25.00');
    expect(s.mutu).toBe('D');
    expect(s.kinerja?.id).toBe('Tidak baik');
  });

  // Every unsur gets the same NRR, so the mean NRR (index value) equals it exactly.
  it.each([
    ['3.5324', mix(3, 1331, 2500), '88.31', 'A'],
    ['3.532', mix(3, 133, 250), '88.30', 'B'],
    ['3.0644', mix(3, 161, 2500), '76.61', 'B'],
    ['2.60', mix(2, 3, 5), '65.00', 'C'],
    ['2.5996', mix(2, 1499, 2500), '64.99', 'D'],
  ] as const)('mean NRR %s → IKM %s… grade', (ni, responses, ikm, mutu) => {
    const s = scoreResponses(responses);
    expect(toFixed(s.indexValue ?? rational(0), 4)).toBe(Number(ni).toFixed(4));
    expect(s.ikmText).toBe(ikm);
    expect(s.mutu).toBe(mutu);
  });

  it('the three weight modes differ as they should on the same data', () => {
    // Every NRR = 3.536 → exact IKM 88.40.
    const data = mix(3, 134, 250);
    const exact = scoreResponses(data);
    const w111 = scoreResponses(data, { weight: '0.111' });
    const w11 = scoreResponses(data, { weight: '0.11' });
    expect([exact.ikmText, exact.mutu]).toEqual(['88.40', 'A']);
    // 0.111 × 9 = 0.999: 88.40 × 0.999 = 88.3116
    expect([w111.ikmText, w111.mutu]).toEqual(['88.31', 'A']);
    // 0.11 × 9 = 0.99: 88.40 × 0.99 = 87.516, one grade lower
    expect([w11.ikmText, w11.mutu]).toEqual(['87.52', 'B']);
    // Near the line even 0.111 drops a grade: exact 88.35 A, 0.111 → 88.26 B.
    const near = mix(3, 134 * 2 - 1, 500);
    expect(scoreResponses(near).ikmText).toBe('88.35');
    expect(scoreResponses(near).mutu).toBe('A');
    expect(scoreResponses(near, { weight: '0.111' }).mutu).toBe('B');
    // All 4s: only exact reaches 100.
    expect(scoreResponses([uniform(4)], { weight: '0.111' }).ikmText).toBe('99.90');
    expect(scoreResponses([uniform(4)], { weight: '0.11' }).ikmText).toBe('99.00');
  });
});

describe('scoreResponses', () => {
  it('computes NRR per unsur as sum / answered, skipping unanswered ones', () => {
    const responses: SkmResponse[] = [
      { questionnaire: SKM_2017_VERSION, answers: { persyaratan: 4, prosedur: null } },
      { questionnaire: SKM_2017_VERSION, answers: { persyaratan: 3, prosedur: 2 } },
      { questionnaire: SKM_2017_VERSION, answers: { persyaratan: 2 } },
    ];
    const s = scoreResponses(responses);
    const byCode = Object.fromEntries(s.unsur.map((u) => [u.code, u]));
    expect(byCode.persyaratan?.answered).toBe(3);
    expect(byCode.persyaratan?.nrr).toEqual(rational(3));
    expect(byCode.prosedur?.answered).toBe(1);
    expect(byCode.prosedur?.nrr).toEqual(rational(2));
    expect(s.unsurWithoutAnswers).toEqual([
      'waktu',
      'biaya',
      'produk',
      'kompetensi',
      'perilaku',
      'pengaduan',
      'sarana',
    ]);
    // Exact weight spreads over the two filled unsur: (3 + 2) / 2 × 25 = 62.5
    expect(s.ikmText).toBe('62.50');
    expect(s.mutu).toBe('D');
  });

  it('keeps the exact value and rounds half-up only for output', () => {
    // NRR 3 on eight unsur, 3 + 1/3 on one: IKM = 25 × (24 + 10/3) / 9 = 75.925925…
    const r: SkmResponse[] = [
      uniform(3),
      uniform(3),
      { ...uniform(3), answers: { ...uniform(3).answers, sarana: 4 } },
    ];
    const s = scoreResponses(r);
    expect(s.ikm).toEqual(rational(2050, 27));
    expect(s.ikmText).toBe('75.93');
    expect(s.ikmRounded).toBe(75.93);
  });

  it('returns no index when nobody answered', () => {
    const s = scoreResponses([]);
    expect(s.respondents).toBe(0);
    expect(s.ikm).toBeNull();
    expect(s.mutu).toBeNull();
  });
});
