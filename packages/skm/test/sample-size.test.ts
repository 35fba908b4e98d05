import { describe, expect, it } from 'vitest';
import { checkSample, marginOfError, requiredSampleSize } from '../src/index.js';

/** Every row of the Krejcie–Morgan table as listed in the project reference (regulations.md §2). */
const KREJCIE_MORGAN: readonly (readonly [number, number])[] = [
  [10, 10],
  [15, 14],
  [20, 19],
  [25, 24],
  [30, 28],
  [35, 32],
  [40, 36],
  [45, 40],
  [50, 44],
  [55, 48],
  [60, 52],
  [65, 56],
  [70, 59],
  [75, 63],
  [80, 66],
  [85, 70],
  [90, 73],
  [95, 76],
  [100, 80],
  [110, 86],
  [120, 92],
  [130, 97],
  [140, 103],
  [150, 108],
  [160, 113],
  [170, 118],
  [180, 123],
  [190, 127],
  [200, 132],
  [210, 136],
  [220, 140],
  [230, 144],
  [240, 148],
  [250, 152],
  [260, 155],
  [270, 159],
  [280, 162],
  [290, 165],
  [300, 169],
  [320, 175],
  [340, 181],
  [360, 186],
  [380, 191],
  [400, 196],
  [420, 201],
  [440, 205],
  [460, 210],
  [480, 214],
  [500, 217],
  [550, 226],
  [600, 234],
  [650, 242],
  [700, 248],
  [750, 254],
  [800, 260],
  [850, 265],
  [900, 269],
  [950, 274],
  [1000, 278],
  [1100, 285],
  [1200, 291],
  [1300, 297],
  [1400, 302],
  [1500, 306],
  [1600, 310],
  [1700, 313],
  [1800, 317],
  [1900, 320],
  [2000, 322],
  [2200, 327],
  [2400, 331],
  [2600, 335],
  [2800, 338],
  [3000, 341],
  [3500, 346],
  [4000, 351],
  [4500, 354],
  [5000, 357],
  [6000, 361],
  [7000, 364],
  [8000, 367],
  [9000, 368],
  [10000, 370],
  [15000, 375],
  [20000, 377],
  [30000, 379],
  [40000, 380],
  [50000, 381],
  [75000, 382],
  [1000000, 384],
];

describe('requiredSampleSize (Krejcie–Morgan)', () => {
  it.each(KREJCIE_MORGAN)('population %i needs %i respondents', (population, expected) => {
    expect(requiredSampleSize(population)).toBe(expected);
  });

  it('gives 383 for 100,000 by the formula (some tables print 384)', () => {
    expect(requiredSampleSize(100_000)).toBe(383);
  });

  it('rejects a population that is not a positive whole number', () => {
    expect(() => requiredSampleSize(0)).toThrow(/population/);
    expect(() => requiredSampleSize(12.5)).toThrow(/whole number/);
  });
});

describe('marginOfError', () => {
  it('is the table margin d = 0.05 at the table sample size', () => {
    for (const [population, n] of KREJCIE_MORGAN) {
      if (population < 100) continue;
      // n was rounded to a whole respondent, so d is 0.05 only to about three decimals.
      expect(marginOfError(n, population)).toBeCloseTo(0.05, 2);
    }
  });

  it('is 0 for a census and shrinks as n grows', () => {
    expect(marginOfError(500, 500)).toBe(0);
    expect(marginOfError(100, 1000)).toBeGreaterThan(marginOfError(200, 1000));
  });

  it('rejects more respondents than the population', () => {
    expect(() => marginOfError(11, 10)).toThrow(/respondents/);
  });
});

describe('checkSample', () => {
  it('warns in both languages when n is below the required sample', () => {
    const c = checkSample(150, 1000);
    expect(c.sufficient).toBe(false);
    expect(c.required).toBe(278);
    expect(c.warning).toMatch(/Sampel kurang: 150 responden, perlu 278/);
    expect(c.warning).toMatch(/Sample too small: 150 respondents, 278 needed/);
  });

  it('has no warning when the sample is large enough', () => {
    expect(checkSample(278, 1000).warning).toBeNull();
  });
});
