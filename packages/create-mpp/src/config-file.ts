import type { MppConfigInput } from '@mpp-kit/config';
import { stringify } from 'yaml';
import type { AgencyChoice } from './agencies.js';
import type { Answers } from './answers.js';

const WEEKDAY_HOURS = [{ open: '08:00', close: '15:00' }];

/** Ticket prefixes A…Z, then AA, AB… (the config allows one or two capital letters). */
export function ticketPrefix(index: number): string {
  const letter = (i: number) => String.fromCharCode(65 + i);
  return index < 26 ? letter(index) : letter(Math.floor(index / 26) - 1) + letter(index % 26);
}

/**
 * The `mpp.config.yaml` of a new MPP: its identity, time zone and deployment from the
 * answers; one tenant per chosen agency offering every national service of that agency by
 * `code@version`; one counter (loket) per tenant. Opening hours and colours are starting
 * values the team edits.
 */
export function buildConfig(answers: Answers, chosen: readonly AgencyChoice[]): MppConfigInput {
  let prefix = 0;
  const tenants = chosen.map(({ agency, services }) => ({
    code: agency.code,
    kind: agency.kind,
    name: agency.name,
    ...(agency.shortName === undefined ? {} : { shortName: agency.shortName }),
    services: services.map((layanan) => ({
      standard: `${layanan.code}@${layanan.standar.version}`,
      ticketPrefix: ticketPrefix(prefix++),
    })),
  }));
  return {
    version: 1,
    identity: {
      name: { id: answers.name },
      regionCode: answers.regionCode,
      province: answers.province,
      regency: answers.regency,
    },
    timezone: answers.timezone,
    branding: {
      name: { id: answers.name },
      colours: { primary: '#0b4f8a', onPrimary: '#ffffff' },
    },
    openingHours: {
      monday: WEEKDAY_HOURS,
      tuesday: WEEKDAY_HOURS,
      wednesday: WEEKDAY_HOURS,
      thursday: WEEKDAY_HOURS,
      friday: WEEKDAY_HOURS,
    },
    tenants,
    loket: chosen.map(({ agency, services }, i) => ({
      number: i + 1,
      zone: 'a',
      tenant: agency.code,
      services: services.map((l) => l.code),
    })),
    deployment: {
      environment: 'production',
      size: answers.profile,
      domain: answers.domain,
      alarmEmail: answers.adminEmail,
    },
  } as MppConfigInput;
}

/** The text of `mpp.config.yaml`, with a header saying where it came from and how to check it. */
export function renderConfig(answers: Answers, chosen: readonly AgencyChoice[]): string {
  const header = [
    `# ${answers.name} — konfigurasi MPP / MPP configuration.`,
    '# Dibuat oleh create-mpp; ubah jam layanan, warna, loket dan perangkat sesuai kondisi nyata.',
    '# Written by create-mpp; adjust opening hours, colours, counters and devices to the real MPP.',
    '# Skema / schema: @mpp-kit/config. Aplikasi dan infra/ membaca berkas yang sama.',
    '# The app and infra/ read this same file.',
    '',
  ].join('\n');
  return (
    header +
    stringify(buildConfig(answers, chosen), { lineWidth: 100, aliasDuplicateObjects: false })
  );
}
