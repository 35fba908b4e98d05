import * as p from '@clack/prompts';
import type { AgencyChoice } from './agencies.js';
import { CHECKS, DEFAULTS, PROFILES, type RawAnswers, TIMEZONES } from './answers.js';
import { CreateMppError } from './errors.js';

type Mutable = { -readonly [K in keyof RawAnswers]: RawAnswers[K] };

function check(key: keyof typeof CHECKS) {
  return (value: string | undefined) => {
    const problem = CHECKS[key](value ?? '');
    return problem === undefined ? undefined : `${problem.id} / ${problem.en}`;
  };
}

function answered<T>(value: T | symbol): Exclude<T, symbol> {
  if (typeof value === 'symbol' || p.isCancel(value)) {
    p.cancel('Dibatalkan / cancelled');
    throw new CreateMppError('cancelled', { id: 'dibatalkan', en: 'cancelled' });
  }
  return value as Exclude<T, symbol>;
}

async function ask(
  message: string,
  key: keyof typeof CHECKS,
  initialValue: string,
): Promise<string> {
  const value = await p.text({ message, initialValue, validate: check(key) });
  return answered(value).trim();
}

/**
 * Asks, in a terminal, for every answer the flags did not give. Defaults are pre-filled from
 * earlier answers (province and time zone from the region code, name and domain from the
 * kabupaten/kota).
 */
export async function promptForMissing(
  given: RawAnswers,
  choices: readonly AgencyChoice[],
): Promise<RawAnswers> {
  const a: Mutable = { ...given };
  a.regionCode ??= await ask(
    'Kode wilayah Kemendagri kabupaten/kota / Kemendagri kabupaten/kota code (PP.KK)',
    'regionCode',
    '',
  );
  const region = a.regionCode;
  a.province ??= await ask('Provinsi / province', 'province', DEFAULTS.province(region));
  a.regency ??= await ask(
    'Kabupaten/kota (mis. / e.g. Kota Surabaya)',
    'regency',
    DEFAULTS.regency(region),
  );
  a.name ??= await ask('Nama MPP / MPP name', 'name', DEFAULTS.name(a.regency));
  a.timezone ??= answered(
    await p.select({
      message: 'Zona waktu / time zone',
      options: TIMEZONES.map((tz) => ({ value: tz, label: tz })),
      initialValue: DEFAULTS.timezone(region),
    }),
  );
  a.agencies ??= answered(
    await p.multiselect({
      message: 'Instansi dari katalog nasional / agencies from the national catalogue',
      options: choices.map(({ agency, services }) => ({
        value: agency.code,
        label: agency.shortName ?? agency.name.id,
        hint: `${services.length} layanan / services`,
      })),
      initialValues: choices.map((c) => c.agency.code),
      required: true,
    }),
  );
  a.adminEmail ??= await ask(
    'Email admin (alarm operasional) / admin email (alarms)',
    'adminEmail',
    '',
  );
  a.profile ??= answered(
    await p.select({
      message: 'Profil penerapan AWS / AWS deployment profile',
      options: PROFILES.map((profile) => ({
        value: profile,
        label: profile,
        hint: {
          small: '≤ 500 pengunjung/hari',
          medium: '≤ 2.000 pengunjung/hari',
          large: '≤ 10.000 pengunjung/hari',
        }[profile],
      })),
      initialValue: DEFAULTS.profile,
    }),
  );
  a.domain ??= await ask('Domain publik / public domain', 'domain', DEFAULTS.domain(a.regency));
  a.directory ??= await ask(
    'Folder proyek / project folder',
    'directory',
    DEFAULTS.directory(a.name),
  );
  return a;
}

/**
 * Fills what the flags left out without asking: defaults where there are some, and an error
 * naming every required flag that is missing (`--region-code`, `--regency`, `--admin-email`).
 */
export function fillDefaults(given: RawAnswers, choices: readonly AgencyChoice[]): RawAnswers {
  const missing = (
    [
      ['regionCode', '--region-code'],
      ['regency', '--regency'],
      ['adminEmail', '--admin-email'],
    ] as const
  )
    .filter(([key]) => given[key] === undefined)
    .map(([, flag]) => flag);
  if (missing.length > 0)
    throw new CreateMppError('missing-answer', {
      id: `tanpa pertanyaan (--yes atau CI) flag berikut wajib diberikan: ${missing.join(', ')}`,
      en: `without questions (--yes or CI) these flags are required: ${missing.join(', ')}`,
    });
  const region = given.regionCode ?? '';
  const regency = given.regency ?? '';
  const name = given.name ?? DEFAULTS.name(regency);
  return {
    ...given,
    province: given.province ?? DEFAULTS.province(region),
    name,
    timezone: given.timezone ?? DEFAULTS.timezone(region),
    agencies: given.agencies ?? choices.map((c) => c.agency.code),
    profile: given.profile ?? DEFAULTS.profile,
    domain: given.domain ?? DEFAULTS.domain(regency),
    directory: given.directory ?? DEFAULTS.directory(name),
  };
}
