import type { LoadedConfig, OpeningHours, ResolvedService } from '@mpp-kit/config';
import { type BilingualText, KELOMPOK_RENTAN } from '@mpp-kit/service-standard';
import type { Agency, AppConfig, Bilingual, Hours, PriorityGroup, Service } from './catalogue.js';

/**
 * Maps what `@mpp-kit/config` loaded onto the app's view of the MPP (see
 * docs/decisions/0054-template-config-from-package.md). Pure: no I/O, same input, same output.
 */

/** The package has no service-time field; wait estimates start here and then use measured times. */
export const DEFAULT_SERVICE_MINUTES = 10;

const WEEKDAYS: readonly (keyof OpeningHours)[] = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
];

export function bilingual(text: BilingualText): Bilingual {
  return { id: text.id, en: text.en ?? text.id };
}

/**
 * The app's service id: the part of the code after the first dot (`dukcapil.ktp-el` → `ktp-el`),
 * short in URLs; when two services share that part, the whole code with `_` for `.` (codes have
 * no `_`, so these can never meet a short id and the ids stay unique).
 */
export function serviceIds(codes: readonly string[]): Map<string, string> {
  const local = (code: string) => code.slice(code.indexOf('.') + 1);
  const count = new Map<string, number>();
  for (const code of codes) count.set(local(code), (count.get(local(code)) ?? 0) + 1);
  return new Map(
    codes.map((code) => [
      code,
      (count.get(local(code)) ?? 0) > 1 ? code.replaceAll('.', '_') : local(code),
    ]),
  );
}

/** `loket-01` … : the counter id in URLs and the database, from its public number. */
export function counterId(number: number): string {
  return `loket-${String(number).padStart(2, '0')}`;
}

/** Consecutive weekdays with the same intervals become one row; a break becomes a note. */
export function mapHours(hours: OpeningHours): Hours[] {
  const rows: Hours[] = [];
  let previous = '';
  WEEKDAYS.forEach((name, day) => {
    const intervals = hours[name];
    const first = intervals[0];
    const last = intervals[intervals.length - 1];
    if (!first || !last) {
      previous = '';
      return;
    }
    const key = JSON.stringify(intervals);
    const row = rows[rows.length - 1];
    if (row && key === previous) {
      row.days.push(day);
      return;
    }
    previous = key;
    const breaks = intervals
      .slice(1)
      .map((interval, i) => `${intervals[i]?.close}–${interval.open}`)
      .join(', ');
    rows.push({
      days: [day],
      open: first.open,
      close: last.close,
      ...(breaks ? { note: { id: `Istirahat ${breaks}`, en: `Break ${breaks}` } } : {}),
    });
  });
  return rows;
}

function mapService(
  resolved: ResolvedService,
  id: string,
  prefix: string,
  off: ReadonlySet<string>,
): Service {
  return {
    id,
    code: resolved.code,
    prefix,
    name: bilingual(resolved.layanan.name),
    averageServiceMinutes: DEFAULT_SERVICE_MINUTES,
    ...(resolved.dailyCap === undefined ? {} : { dailyCap: resolved.dailyCap }),
    layanan: resolved.layanan,
    standar: resolved.layanan.standar,
    national: resolved.origin.kind === 'national',
    offered: !off.has(resolved.code),
  };
}

/** Ticket prefixes left unset in the file get the first unused letters (A–Z, then AA–ZZ). */
function prefixes(services: readonly ResolvedService[]): string[] {
  const used = new Set(services.flatMap((s) => (s.ticketPrefix ? [s.ticketPrefix] : [])));
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
  const free = [...letters, ...letters.flatMap((a) => letters.map((b) => a + b))].filter(
    (p) => !used.has(p),
  );
  return services.map((s) => s.ticketPrefix ?? free.shift() ?? 'ZZ');
}

/**
 * The app's configuration from a loaded, validated `mpp.config.yaml`; `off` holds the codes of
 * services an administrator switched off.
 */
export function mapConfig(loaded: LoadedConfig, off: ReadonlySet<string> = new Set()): AppConfig {
  const { config, services } = loaded;
  const ids = serviceIds(services.map((s) => s.code));
  const prefix = prefixes(services);
  const mapped = services.map((s, i) =>
    mapService(s, ids.get(s.code) ?? s.code, prefix[i] ?? 'ZZ', off),
  );
  const agencies: Agency[] = config.tenants.map((tenant) => ({
    id: tenant.code,
    name: bilingual(tenant.name),
    services: mapped.filter((_, i) => services[i]?.tenant === tenant.code),
  }));
  const counters = config.loket.map((loket) => ({
    id: counterId(loket.number),
    number: loket.number,
    label: loket.label?.id ?? `Loket ${loket.number}`,
    agency: loket.tenant,
    services: loket.services.map((code) => ids.get(code) ?? code),
    zone: loket.zone,
    floor: loket.floor,
    priority: loket.priority,
  }));
  // What a board speaks when its own list is left out (@mpp-kit/config documents this default).
  const spokenByDefault: ('id' | 'en')[] = [
    'id',
    ...(config.locales.available.includes('en') ? (['en'] as const) : []),
  ];
  // The groups a ticket can declare: those the queue policy gives a priority class, in the
  // regulation's order and vocabulary (the one the config file, the queue and the forms share).
  const declared = new Set<PriorityGroup>(config.queue.priorityClasses.flatMap((c) => c.groups));
  const facilities = new Map<string, Bilingual>();
  for (const s of services)
    for (const f of s.layanan.standar.sarana.vulnerableGroups)
      facilities.set(f.id.toLowerCase(), bilingual(f));
  return {
    instance: {
      name: config.branding.name.id,
      regionCode: config.identity.regionCode,
      timezone: config.timezone,
      address: config.identity.address ?? config.identity.regency,
    },
    hours: mapHours(config.openingHours),
    holidays: config.holidays.map((h) => ({ date: h.date, name: bilingual(h.name) })),
    facilities: [...facilities.values()].map((name, i) => ({ id: `sarana-${i + 1}`, name })),
    priorityClasses: KELOMPOK_RENTAN.filter((g) => declared.has(g)),
    agencies,
    counters,
    kiosks: config.devices.kiosks.map((k) => ({
      id: k.id,
      label: k.name,
      ...(k.zone ? { zone: k.zone } : {}),
      paperWidth: k.paperWidth,
    })),
    boards: config.devices.boards.map((b) => ({
      id: b.id,
      label: b.name,
      zones: b.zones,
      agencies: [...new Set(counters.filter((c) => b.zones.includes(c.zone)).map((c) => c.agency))],
      languages: b.languages ?? spokenByDefault,
      voice: b.voice,
    })),
    branding: config.branding,
    locales: config.locales,
    queue: config.queue,
    ...(loaded.logo ? { logo: loaded.logo } : {}),
    source: config,
  };
}
