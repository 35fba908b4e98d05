import { type IndonesianTimezone, timezoneForRegion } from '@mpp-kit/config';
import { EmailSchema } from '@mpp-kit/service-standard';
import { CreateMppError, invalidAnswer } from './errors.js';
import { provinceForRegion } from './provinces.js';

/** The deployment profiles of `infra/aws`, by expected visitors per day. */
export const PROFILES = ['small', 'medium', 'large'] as const;
/** A deployment profile. */
export type DeploymentProfile = (typeof PROFILES)[number];

/** The three Indonesian time zones (WIB, WITA, WIT). */
export const TIMEZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;

/** Everything create-mpp needs to write a new MPP project. */
export interface Answers {
  /** Folder to create, relative to the working directory or absolute. */
  readonly directory: string;
  /** Name of the MPP, e.g. `MPP Kota Surabaya`. */
  readonly name: string;
  /** Kemendagri code of the kabupaten/kota, `PP.KK`, e.g. `35.78`. */
  readonly regionCode: string;
  readonly province: string;
  /** The kabupaten/kota, e.g. `Kota Surabaya`. */
  readonly regency: string;
  readonly timezone: IndonesianTimezone;
  /** Codes of the agencies (penyelenggara) taken from the national catalogue. */
  readonly agencies: readonly string[];
  readonly adminEmail: string;
  readonly profile: DeploymentProfile;
  /** Public host name, e.g. `mpp.surabaya.go.id`. */
  readonly domain: string;
}

/** A field checker: `undefined` when the value is fine, else the problem in id and en. */
type Check = (value: string) => { id: string; en: string } | undefined;

const REGION_CODE = /^\d{2}\.\d{2}$/;
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Checks of the free-text answers, shared by the flag parser and the interactive prompts. */
export const CHECKS = {
  directory: (value) => {
    if (value.trim() === '')
      return { id: 'nama folder wajib diisi', en: 'a folder name is required' };
    if (value.includes('\0')) return { id: 'nama folder tidak sah', en: 'invalid folder name' };
    return undefined;
  },
  name: (value) => {
    const v = value.trim();
    if (v === '') return { id: 'nama MPP wajib diisi', en: 'the MPP name is required' };
    if (v.length > 100)
      return {
        id: 'nama MPP paling panjang 100 karakter',
        en: 'the MPP name is at most 100 characters',
      };
    return undefined;
  },
  regionCode: (value) => {
    const v = value.trim();
    if (!REGION_CODE.test(v))
      return {
        id: `"${v}" bukan kode wilayah Kemendagri kabupaten/kota (PP.KK, mis. 35.78)`,
        en: `"${v}" is not a Kemendagri kabupaten/kota code (PP.KK, e.g. 35.78)`,
      };
    if (provinceForRegion(v) === undefined)
      return {
        id: `tidak ada provinsi berkode ${v.slice(0, 2)}`,
        en: `there is no province with code ${v.slice(0, 2)}`,
      };
    if (v.endsWith('.00'))
      return {
        id: 'kode kabupaten/kota tidak boleh 00',
        en: 'the kabupaten/kota part of the code cannot be 00',
      };
    return undefined;
  },
  province: (value) =>
    value.trim() === ''
      ? { id: 'provinsi wajib diisi', en: 'the province is required' }
      : undefined,
  regency: (value) => {
    const v = value.trim();
    if (!/^(Kabupaten|Kota)\s+\S/.test(v))
      return {
        id: `"${v}" harus diawali "Kabupaten " atau "Kota ", mis. Kota Surabaya`,
        en: `"${v}" must start with "Kabupaten " or "Kota ", e.g. Kota Surabaya`,
      };
    return undefined;
  },
  timezone: (value) =>
    (TIMEZONES as readonly string[]).includes(value)
      ? undefined
      : {
          id: `zona waktu harus salah satu dari ${TIMEZONES.join(', ')}`,
          en: `timezone must be one of ${TIMEZONES.join(', ')}`,
        },
  adminEmail: (value) =>
    EmailSchema.safeParse(value.trim()).success
      ? undefined
      : {
          id: `"${value}" bukan alamat email yang sah`,
          en: `"${value}" is not a valid email address`,
        },
  profile: (value) =>
    (PROFILES as readonly string[]).includes(value)
      ? undefined
      : {
          id: `profil harus salah satu dari ${PROFILES.join(', ')}`,
          en: `profile must be one of ${PROFILES.join(', ')}`,
        },
  domain: (value) =>
    DOMAIN.test(value.trim())
      ? undefined
      : {
          id: `"${value}" bukan nama domain yang sah, mis. mpp.surabaya.go.id`,
          en: `"${value}" is not a valid domain name, e.g. mpp.surabaya.go.id`,
        },
} satisfies Record<string, Check>;

/** The kind of region a code stands for: Kemendagri numbers kota from 71 upwards. */
export function regionKind(regionCode: string): 'Kabupaten' | 'Kota' {
  return Number(regionCode.slice(3, 5)) >= 71 ? 'Kota' : 'Kabupaten';
}

/** A lower-case, hyphenated form of a name, for folder, package and host names. */
export function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Default values derived from answers already given. */
export const DEFAULTS = {
  province: (regionCode: string) => provinceForRegion(regionCode) ?? '',
  regency: (regionCode: string) => `${regionKind(regionCode)} `,
  name: (regency: string) => `MPP ${regency.trim()}`,
  timezone: (regionCode: string) => timezoneForRegion(regionCode) ?? 'Asia/Jakarta',
  domain: (regency: string) =>
    `mpp.${slugify(regency.replace(/^(Kabupaten|Kota)\s+/, '')) || 'daerah'}.go.id`,
  directory: (name: string) => slugify(name) || 'mpp',
  profile: 'small' as DeploymentProfile,
};

/** Raw answers, as typed or given by flags, before validation. */
export type RawAnswers = {
  readonly [K in keyof Answers]?: K extends 'agencies' ? readonly string[] : string;
};

/**
 * Validates complete raw answers against each other and the catalogue's agency codes.
 * Throws a {@link CreateMppError} naming the first field at fault.
 */
export function validateAnswers(raw: RawAnswers, agencyCodes: readonly string[]): Answers {
  const field = (key: keyof typeof CHECKS): string => {
    const value = raw[key];
    if (value === undefined)
      throw new CreateMppError(
        'missing-answer',
        { id: `${key}: wajib diisi`, en: `${key}: is required` },
        key,
      );
    const problem = CHECKS[key](value);
    if (problem) throw invalidAnswer(key, problem.id, problem.en);
    return value.trim();
  };
  const regionCode = field('regionCode');
  const regency = field('regency');
  const expectedKind = regionKind(regionCode);
  if (!regency.startsWith(`${expectedKind} `))
    throw invalidAnswer(
      'regency',
      `kode ${regionCode} adalah ${expectedKind.toLowerCase()}, tetapi namanya "${regency}"`,
      `code ${regionCode} is a ${expectedKind === 'Kota' ? 'city (kota)' : 'regency (kabupaten)'}, but the name is "${regency}"`,
    );
  const timezone = field('timezone') as IndonesianTimezone;
  const expectedZone = timezoneForRegion(regionCode);
  if (expectedZone !== timezone)
    throw invalidAnswer(
      'timezone',
      `provinsi berkode ${regionCode.slice(0, 2)} memakai ${expectedZone}, bukan ${timezone}`,
      `province ${regionCode.slice(0, 2)} uses ${expectedZone}, not ${timezone}`,
    );
  const agencies = validateAgencies(raw.agencies, agencyCodes);
  return {
    directory: field('directory'),
    name: field('name'),
    regionCode,
    province: field('province'),
    regency,
    timezone,
    agencies,
    adminEmail: field('adminEmail'),
    profile: field('profile') as DeploymentProfile,
    domain: field('domain'),
  };
}

/** Checks agency codes against the catalogue; `all` stands for every agency. */
export function validateAgencies(
  given: readonly string[] | undefined,
  agencyCodes: readonly string[],
): string[] {
  if (given === undefined || given.length === 0)
    throw invalidAnswer(
      'agencies',
      'pilih paling sedikit satu instansi',
      'choose at least one agency',
    );
  if (given.length === 1 && given[0] === 'all') return [...agencyCodes];
  const unknown = given.filter((code) => !agencyCodes.includes(code));
  if (unknown.length > 0)
    throw invalidAnswer(
      'agencies',
      `instansi tidak ada dalam katalog nasional: ${unknown.join(', ')} (yang ada: ${agencyCodes.join(', ')})`,
      `not in the national catalogue: ${unknown.join(', ')} (available: ${agencyCodes.join(', ')})`,
    );
  return [...new Set(given)];
}
