import type { Layanan, SourceIssue } from '@mpp-kit/service-standard';
import { contrastRatio } from './contrast.js';
import type { MppConfig } from './schema/mpp-config.js';
import { timezoneForRegion } from './timezone.js';

/** A service a tenant offers, resolved to its full standard. */
export interface ResolvedService {
  /** Service code, unique in the MPP. */
  readonly code: string;
  /** Code of the tenant offering it. */
  readonly tenant: string;
  readonly layanan: Layanan;
  /** A national standard by `code@version`, or a local one (inline or from a file). */
  readonly origin:
    | { readonly kind: 'national'; readonly ref: string }
    | { readonly kind: 'local'; readonly file?: string };
  readonly ticketPrefix?: string;
  readonly dailyCap?: number;
  /** Index of the entry in `tenants[t].services`, for error positions. */
  readonly position: readonly [tenantIndex: number, serviceIndex: number];
}

/** Reports an issue at a data path of the config file. */
export type Reporter = (
  path: readonly PropertyKey[],
  message: { id: string; en: string },
  code: string,
) => SourceIssue;

/**
 * Cross-field rules that a schema cannot express. Pure: takes the validated config and its
 * resolved services, returns every problem.
 */
export function checkConfig(
  config: MppConfig,
  services: readonly ResolvedService[],
  report: Reporter,
  options: {
    /** Tenants with a service that could not be resolved (already reported): no follow-on errors. */
    readonly unresolvedTenants?: ReadonlySet<string>;
  } = {},
): SourceIssue[] {
  const out: SourceIssue[] = [];
  const dup = (what: { id: string; en: string }, value: string) => ({
    id: `${what.id} '${value}' dipakai lebih dari sekali`,
    en: `${what.en} '${value}' is used more than once`,
  });

  // Time zone against province.
  const expected = timezoneForRegion(config.identity.regionCode);
  if (expected === undefined) {
    out.push(
      report(
        ['identity', 'regionCode'],
        {
          id: `kode provinsi '${config.identity.regionCode.slice(0, 2)}' tidak dikenal`,
          en: `unknown province code '${config.identity.regionCode.slice(0, 2)}'`,
        },
        'unknown_province',
      ),
    );
  } else if (expected !== config.timezone) {
    out.push(
      report(
        ['timezone'],
        {
          id: `zona waktu tidak sesuai provinsi: kode wilayah ${config.identity.regionCode} memakai ${expected}`,
          en: `timezone does not match the province: region ${config.identity.regionCode} uses ${expected}`,
        },
        'timezone_mismatch',
      ),
    );
  }

  // Brand colours: WCAG 2.2 AA.
  const c = config.branding.colours;
  const pairs = [
    ['onPrimary', c.onPrimary, c.primary, 4.5, 'primary'],
    ['text', c.text, c.background, 4.5, 'background'],
    ['primary', c.primary, c.background, 3, 'background'],
  ] as const;
  for (const [key, fg, bg, min, against] of pairs) {
    const ratio = contrastRatio(fg, bg);
    if (ratio < min) {
      const r = ratio.toFixed(2);
      out.push(
        report(
          ['branding', 'colours', key],
          {
            id: `kontras ${key} terhadap ${against} ${r}:1, di bawah WCAG AA ${min}:1`,
            en: `contrast of ${key} against ${against} is ${r}:1, below WCAG AA ${min}:1`,
          },
          'contrast',
        ),
      );
    }
  }

  // Opening hours: each interval opens before it closes, and intervals do not overlap.
  for (const [day, intervals] of Object.entries(config.openingHours)) {
    const sorted = intervals
      .map((iv, i) => ({ ...iv, i }))
      .sort((a, b) => a.open.localeCompare(b.open));
    for (const [k, iv] of sorted.entries()) {
      if (iv.open >= iv.close) {
        out.push(
          report(
            ['openingHours', day, iv.i, 'close'],
            {
              id: `jam tutup ${iv.close} harus setelah jam buka ${iv.open}`,
              en: `closing time ${iv.close} must be after opening time ${iv.open}`,
            },
            'hours_order',
          ),
        );
      }
      const prev = sorted[k - 1];
      if (prev !== undefined && iv.open < prev.close) {
        out.push(
          report(
            ['openingHours', day, iv.i, 'open'],
            {
              id: 'jam layanan bertumpang tindih',
              en: 'opening intervals overlap',
            },
            'hours_overlap',
          ),
        );
      }
    }
  }

  const seenDates = new Set<string>();
  for (const [i, h] of config.holidays.entries()) {
    if (seenDates.has(h.date))
      out.push(
        report(
          ['holidays', i, 'date'],
          dup({ id: 'tanggal libur', en: 'holiday date' }, h.date),
          'duplicate',
        ),
      );
    seenDates.add(h.date);
  }

  // Tenants and services: unique codes and ticket prefixes.
  const tenantCodes = new Set<string>();
  for (const [i, t] of config.tenants.entries()) {
    if (tenantCodes.has(t.code))
      out.push(
        report(
          ['tenants', i, 'code'],
          dup({ id: 'kode instansi', en: 'tenant code' }, t.code),
          'duplicate_code',
        ),
      );
    tenantCodes.add(t.code);
  }
  const serviceTenant = new Map<string, string>();
  const prefixes = new Set<string>();
  for (const s of services) {
    const [t, k] = s.position;
    if (serviceTenant.has(s.code)) {
      out.push(
        report(
          ['tenants', t, 'services', k],
          dup({ id: 'kode layanan', en: 'service code' }, s.code),
          'duplicate_code',
        ),
      );
    } else {
      serviceTenant.set(s.code, s.tenant);
    }
    if (s.ticketPrefix !== undefined) {
      if (prefixes.has(s.ticketPrefix)) {
        out.push(
          report(
            ['tenants', t, 'services', k, 'ticketPrefix'],
            dup({ id: 'awalan nomor antrean', en: 'ticket prefix' }, s.ticketPrefix),
            'duplicate_code',
          ),
        );
      }
      prefixes.add(s.ticketPrefix);
    }
  }

  // Counters: unique numbers, known tenant, services offered by that tenant.
  const numbers = new Set<number>();
  const zones = new Set<string>();
  for (const [i, l] of config.loket.entries()) {
    zones.add(l.zone);
    if (numbers.has(l.number))
      out.push(
        report(
          ['loket', i, 'number'],
          dup({ id: 'nomor loket', en: 'counter number' }, String(l.number)),
          'duplicate_number',
        ),
      );
    numbers.add(l.number);
    if (!tenantCodes.has(l.tenant)) {
      out.push(
        report(
          ['loket', i, 'tenant'],
          {
            id: `instansi '${l.tenant}' tidak ada di daftar tenants`,
            en: `tenant '${l.tenant}' is not listed in tenants`,
          },
          'unknown_tenant',
        ),
      );
      continue;
    }
    for (const [j, code] of l.services.entries()) {
      const owner = serviceTenant.get(code);
      if (owner === l.tenant) continue;
      if (owner === undefined && options.unresolvedTenants?.has(l.tenant)) continue;
      out.push(
        report(
          ['loket', i, 'services', j],
          owner === undefined
            ? {
                id: `layanan '${code}' tidak ditawarkan di MPP ini`,
                en: `service '${code}' is not offered in this MPP`,
              }
            : {
                id: `loket ${l.number} milik '${l.tenant}' tidak boleh melayani '${code}' yang ditawarkan '${owner}'`,
                en: `counter ${l.number} of '${l.tenant}' cannot serve '${code}', which '${owner}' offers`,
              },
          'service_not_offered',
        ),
      );
    }
  }
  // Every offered service should be served somewhere, or tickets would wait forever.
  const served = new Set(config.loket.flatMap((l) => l.services));
  for (const s of services) {
    if (!served.has(s.code)) {
      out.push(
        report(
          ['tenants', ...s.position.slice(0, 1), 'services', s.position[1]],
          {
            id: `layanan '${s.code}' tidak dilayani loket mana pun`,
            en: `service '${s.code}' is not served by any counter`,
          },
          'service_unserved',
        ),
      );
    }
  }

  // Devices: unique ids, known zones.
  const ids = new Set<string>();
  const devices = [
    ...config.devices.kiosks.map((d, i) => ({ id: d.id, path: ['devices', 'kiosks', i] as const })),
    ...config.devices.boards.map((d, i) => ({ id: d.id, path: ['devices', 'boards', i] as const })),
  ];
  for (const d of devices) {
    if (ids.has(d.id))
      out.push(
        report(
          [...d.path, 'id'],
          dup({ id: 'id perangkat', en: 'device id' }, d.id),
          'duplicate_code',
        ),
      );
    ids.add(d.id);
  }
  const unknownZone = (zone: string) => ({
    id: `zona '${zone}' tidak dipakai loket mana pun`,
    en: `zone '${zone}' has no counter`,
  });
  for (const [i, k] of config.devices.kiosks.entries()) {
    if (k.zone !== undefined && !zones.has(k.zone))
      out.push(report(['devices', 'kiosks', i, 'zone'], unknownZone(k.zone), 'unknown_zone'));
  }
  for (const [i, b] of config.devices.boards.entries()) {
    for (const [j, z] of b.zones.entries()) {
      if (!zones.has(z))
        out.push(report(['devices', 'boards', i, 'zones', j], unknownZone(z), 'unknown_zone'));
    }
    const spoken = new Set<string>();
    for (const [j, language] of (b.languages ?? []).entries()) {
      if (spoken.has(language))
        out.push(
          report(
            ['devices', 'boards', i, 'languages', j],
            dup({ id: 'bahasa', en: 'language' }, language),
            'duplicate_code',
          ),
        );
      spoken.add(language);
    }
  }

  const classCodes = new Set<string>();
  for (const [i, pc] of config.queue.priorityClasses.entries()) {
    if (classCodes.has(pc.code))
      out.push(
        report(
          ['queue', 'priorityClasses', i, 'code'],
          dup({ id: 'kode kelas prioritas', en: 'priority class code' }, pc.code),
          'duplicate_code',
        ),
      );
    classCodes.add(pc.code);
  }
  if (!config.locales.available.includes(config.locales.default)) {
    out.push(
      report(
        ['locales', 'default'],
        {
          id: 'bahasa bawaan harus termasuk bahasa yang tersedia',
          en: 'the default locale must be one of the available locales',
        },
        'locale',
      ),
    );
  }
  return out;
}
