import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CreateMppError,
  PROVINCES,
  parseCliArgs,
  type RawAnswers,
  validateAnswers,
} from '../src/index.js';

// Flag values that the shell would pass through unchanged (no leading dash: that is a flag).
const value = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => !s.startsWith('-'));
const FLAG_OF: Record<string, string> = {
  name: '--name',
  regionCode: '--region-code',
  province: '--province',
  regency: '--regency',
  timezone: '--timezone',
  adminEmail: '--admin-email',
  profile: '--profile',
  domain: '--domain',
};

describe('parseCliArgs (property)', () => {
  it('reads back any answers written as flags, in any order', () => {
    fc.assert(
      fc.property(
        fc.record(
          Object.fromEntries(Object.keys(FLAG_OF).map((k) => [k, value])) as Record<
            string,
            fc.Arbitrary<string>
          >,
          { requiredKeys: [] },
        ),
        fc.option(value, { nil: undefined }),
        fc.array(fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/), { maxLength: 4 }),
        fc.boolean(),
        (answers, directory, agencies, equalsForm) => {
          const pairs = Object.entries(answers).map(([k, v]) =>
            equalsForm ? [`${FLAG_OF[k]}=${v}`] : [FLAG_OF[k] as string, v as string],
          );
          const args = [
            ...(directory === undefined ? [] : [directory]),
            ...pairs.flat(),
            ...(agencies.length > 0 ? ['--agencies', agencies.join(',')] : []),
          ];
          const parsed = parseCliArgs(args);
          expect(parsed.answers).toEqual({
            ...answers,
            ...(directory === undefined ? {} : { directory }),
            ...(agencies.length > 0 ? { agencies } : {}),
          });
        },
      ),
    );
  });
});

describe('validateAnswers (property)', () => {
  const base: RawAnswers = {
    directory: 'mpp',
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
  const keys = [
    'name',
    'regionCode',
    'province',
    'regency',
    'timezone',
    'adminEmail',
    'profile',
    'domain',
  ] as const;

  it('either accepts an answer or names it in a bilingual error — never anything else', () => {
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.string({ maxLength: 40 }), (key, text) => {
        try {
          const answers = validateAnswers({ ...base, [key]: text }, ['imigrasi']);
          expect(answers[key]).toBe(text.trim());
        } catch (error) {
          expect(error).toBeInstanceOf(CreateMppError);
          const e = error as CreateMppError;
          expect(e.field).toBe(key);
          expect(e.message).toBe(`${e.id} / ${e.en}`);
        }
      }),
    );
  });

  it('accepts every province code with its own time zone and rejects the others', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(PROVINCES)),
        fc.integer({ min: 1, max: 99 }),
        fc.constantFrom('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'),
        (province, regency, timezone) => {
          const code = `${province}.${String(regency).padStart(2, '0')}`;
          const kind = regency >= 71 ? 'Kota' : 'Kabupaten';
          const raw = { ...base, regionCode: code, regency: `${kind} Uji`, timezone };
          let accepted = true;
          try {
            validateAnswers(raw, ['imigrasi']);
          } catch (error) {
            expect((error as CreateMppError).field).toBe('timezone');
            accepted = false;
          }
          const west = [
            '11',
            '12',
            '13',
            '14',
            '15',
            '16',
            '17',
            '18',
            '19',
            '21',
            '31',
            '32',
            '33',
            '34',
            '35',
            '36',
            '61',
            '62',
          ];
          const east = ['81', '82', '91', '92', '93', '94', '95', '96'];
          const expected = west.includes(province)
            ? 'Asia/Jakarta'
            : east.includes(province)
              ? 'Asia/Jayapura'
              : 'Asia/Makassar';
          expect(accepted).toBe(timezone === expected);
        },
      ),
    );
  });
});
