import { describe, expect, it } from 'vitest';
import { timezoneForRegion } from './index.js';

describe('timezoneForRegion', () => {
  it('maps provinces to WIB, WITA and WIT', () => {
    expect(timezoneForRegion('35.78')).toBe('Asia/Jakarta'); // Kota Surabaya
    expect(timezoneForRegion('51')).toBe('Asia/Makassar'); // Bali
    expect(timezoneForRegion('91.71')).toBe('Asia/Jayapura'); // Kota Jayapura
  });
  it('returns undefined for an unknown province', () => {
    expect(timezoneForRegion('99')).toBeUndefined();
  });
});
