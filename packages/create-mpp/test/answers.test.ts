import { nationalCatalogue } from '@mpp-kit/service-standard/node';
import { describe, expect, it } from 'vitest';
import {
  agencyChoices,
  CreateMppError,
  fillDefaults,
  type RawAnswers,
  regionKind,
  slugify,
  validateAnswers,
} from '../src/index.js';

const choices = agencyChoices(nationalCatalogue());
const codes = choices.map((c) => c.agency.code);
const valid: RawAnswers = {
  directory: 'mpp-surabaya',
  name: 'MPP Kota Surabaya',
  regionCode: '35.78',
  province: 'Jawa Timur',
  regency: 'Kota Surabaya',
  timezone: 'Asia/Jakarta',
  agencies: ['imigrasi'],
  adminEmail: 'ops@surabaya.go.id',
  profile: 'small',
  domain: 'mpp.surabaya.go.id',
};

function errorOf(raw: RawAnswers): CreateMppError {
  try {
    validateAnswers(raw, codes);
  } catch (error) {
    if (error instanceof CreateMppError) return error;
    throw error;
  }
  throw new Error('expected a CreateMppError');
}

describe('validateAnswers', () => {
  it('accepts complete answers', () => {
    expect(validateAnswers(valid, codes)).toEqual({ ...valid, agencies: ['imigrasi'] });
  });

  it.each([
    [{ regionCode: '3578' }, 'regionCode', /bukan kode wilayah.*is not a Kemendagri/s],
    [{ regionCode: '99.01' }, 'regionCode', /no province with code 99/],
    [{ regionCode: '35.00' }, 'regionCode', /cannot be 00/],
    [{ regency: 'Surabaya' }, 'regency', /must start with "Kabupaten " or "Kota "/],
    [{ regency: 'Kabupaten Surabaya' }, 'regency', /code 35.78 is a city \(kota\)/],
    [
      { timezone: 'Asia/Makassar' },
      'timezone',
      /province 35 uses Asia\/Jakarta, not Asia\/Makassar/,
    ],
    [{ timezone: 'UTC' }, 'timezone', /timezone must be one of/],
    [{ adminEmail: 'ops@' }, 'adminEmail', /"ops@" is not a valid email address/],
    [{ profile: 'huge' }, 'profile', /profile must be one of small, medium, large/],
    [{ domain: 'MPP Surabaya' }, 'domain', /is not a valid domain name/],
    [{ name: '  ' }, 'name', /the MPP name is required/],
    [{ agencies: ['imigrasi', 'kantor-x'] }, 'agencies', /not in the national catalogue: kantor-x/],
    [{ agencies: [] }, 'agencies', /choose at least one agency/],
  ] as const)('rejects %o naming %s', (change, field, message) => {
    const error = errorOf({ ...valid, ...change });
    expect(error.field).toBe(field);
    expect(error.code).toBe('invalid-answer');
    expect(error.message).toMatch(message);
    // Both languages, Indonesian first.
    expect(error.message).toContain(' / ');
    expect(error.id).not.toBe(error.en);
  });

  it('expands agencies "all" to the whole catalogue', () => {
    expect(validateAnswers({ ...valid, agencies: ['all'] }, codes).agencies).toEqual(codes);
  });
});

describe('fillDefaults (no questions)', () => {
  it('names every missing required flag', () => {
    expect(() => fillDefaults({ regency: 'Kota Surabaya' }, choices)).toThrow(
      /these flags are required: --region-code, --admin-email/,
    );
  });

  it('pre-fills province, time zone, name, domain, folder, profile and agencies', () => {
    const filled = fillDefaults(
      { regionCode: '51.71', regency: 'Kota Denpasar', adminEmail: 'it@denpasarkota.go.id' },
      choices,
    );
    expect(filled).toEqual({
      regionCode: '51.71',
      regency: 'Kota Denpasar',
      adminEmail: 'it@denpasarkota.go.id',
      province: 'Bali',
      timezone: 'Asia/Makassar',
      name: 'MPP Kota Denpasar',
      domain: 'mpp.denpasar.go.id',
      directory: 'mpp-kota-denpasar',
      profile: 'small',
      agencies: codes,
    });
    expect(validateAnswers(filled, codes).timezone).toBe('Asia/Makassar');
  });
});

describe('helpers', () => {
  it('tells kabupaten from kota by the Kemendagri number', () => {
    expect(regionKind('35.78')).toBe('Kota');
    expect(regionKind('35.15')).toBe('Kabupaten');
  });
  it('slugifies names', () => {
    expect(slugify('MPP Kabupaten Pangkajene dan Kepulauan')).toBe(
      'mpp-kabupaten-pangkajene-dan-kepulauan',
    );
    expect(slugify('  Kota Bau-Bau!  ')).toBe('kota-bau-bau');
  });
  it('only offers agencies that have services', () => {
    expect(choices.length).toBeGreaterThan(0);
    for (const choice of choices) expect(choice.services.length).toBeGreaterThan(0);
  });
});
