import { timezoneForRegion } from '@mpp-kit/config';
import { describe, expect, it } from 'vitest';
import { PROVINCES, provinceForRegion } from './provinces.js';

describe('provinces', () => {
  it('has the 38 provinces', () => {
    expect(Object.keys(PROVINCES)).toHaveLength(38);
  });
  it('finds the province of a kabupaten/kota code', () => {
    expect(provinceForRegion('35.78')).toBe('Jawa Timur');
    expect(provinceForRegion('96.01')).toBe('Papua Barat Daya');
    expect(provinceForRegion('99.01')).toBeUndefined();
  });
  it('knows a time zone for every province', () => {
    for (const code of Object.keys(PROVINCES)) expect(timezoneForRegion(code), code).toBeDefined();
  });
});
