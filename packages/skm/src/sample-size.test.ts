import { describe, expect, it } from 'vitest';
import { requiredSampleSize } from './index.js';

describe('requiredSampleSize (Krejcie–Morgan)', () => {
  it.each([
    [10, 10],
    [50, 44],
    [300, 169],
    [1000, 278],
    [2000, 322],
    [10000, 370],
    [1000000, 384],
  ])('population %i needs %i respondents', (population, expected) => {
    expect(requiredSampleSize(population)).toBe(expected);
  });

  it('rejects a population that is not a positive whole number', () => {
    expect(() => requiredSampleSize(0)).toThrow(/population/);
    expect(() => requiredSampleSize(12.5)).toThrow(/whole number/);
  });
});
