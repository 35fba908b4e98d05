import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateNik } from '../src/index.js';

describe('validateNik', () => {
  it('accepts the Dukcapil example and a woman’s NIK (day + 40)', () => {
    expect(validateNik('3602041211870001')).toBeNull();
    expect(validateNik('3602045211870001')).toBeNull();
    expect(validateNik('3602 0412 1187 0001')).toBeNull();
  });
  it('names what is wrong', () => {
    expect(validateNik('')).toBe('empty');
    expect(validateNik('36020412118700')).toBe('length');
    expect(validateNik('36020412118700O1')).toBe('digits');
    expect(validateNik('3602043211870001')).toBe('birth-date');
    expect(validateNik('3602041213870001')).toBe('birth-date');
    expect(validateNik('3602043102870001')).toBe('birth-date');
    expect(validateNik('3602041211870000')).toBe('serial');
  });
  it('accepts every real birth date and rejects every other length', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1930-01-01'), max: new Date('2029-12-31'), noInvalidDate: true }),
        fc.boolean(),
        fc.integer({ min: 1, max: 9999 }),
        (date, woman, serial) => {
          const dd = String(date.getUTCDate() + (woman ? 40 : 0)).padStart(2, '0');
          const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
          const yy = String(date.getUTCFullYear() % 100).padStart(2, '0');
          const nik = `320101${dd}${mm}${yy}${String(serial).padStart(4, '0')}`;
          expect(validateNik(nik)).toBeNull();
          expect(validateNik(nik.slice(0, 15))).toBe('length');
        },
      ),
    );
  });
});
