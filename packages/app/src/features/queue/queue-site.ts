import type { IndonesianTimeZone, SiteConfig } from '@mpp-kit/queue';
import { AppError } from '../../shared/errors.js';
import type { Catalogue } from '../catalogue/catalogue.js';

/** One instance of the app is one site of the queue engine. */
export const SITE_ID = 'mpp';

/** The priority class every self-declared priority group is queued in (one class, as before). */
export const PRIORITY_CLASS = 'rentan';

const ZONES: readonly IndonesianTimeZone[] = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'];

/**
 * The engine's site configuration from the app's catalogue: agencies, services (prefix, daily
 * cap), counters (number, zone, floor, the services each calls) and the queue policy of
 * `mpp.config.yaml`. The self-declared vulnerable groups share one priority class (the groups
 * of every configured class, in service-standard's vocabulary as the engine takes them); `interleave.priority` bounds consecutive priority calls at a
 * counter (the engine has no separate count of regular calls between them).
 */
export function siteConfigOf(catalogue: Catalogue): SiteConfig {
  const { config } = catalogue;
  const zone = config.instance.timezone;
  if (!ZONES.includes(zone as IndonesianTimeZone)) {
    throw new AppError(
      400,
      'invalid_timezone',
      `instance.timezone harus Asia/Jakarta, Asia/Makassar atau Asia/Jayapura, bukan "${zone}"`,
      `instance.timezone must be Asia/Jakarta, Asia/Makassar or Asia/Jayapura, not "${zone}"`,
    );
  }
  const policy = config.queue;
  const first = policy.priorityClasses[0];
  const groups = [
    ...new Set(
      policy.priorityClasses.length > 0
        ? policy.priorityClasses.flatMap((c) => c.groups)
        : config.priorityClasses,
    ),
  ];
  return {
    id: SITE_ID,
    name: config.instance.name,
    timeZone: zone as IndonesianTimeZone,
    agencies: config.agencies.map((a) => ({ id: a.id, name: a.name.id })),
    services: config.agencies.flatMap((a) =>
      a.services.map((s) => ({
        id: s.id,
        agencyId: a.id,
        name: s.name.id,
        prefix: s.prefix,
        dailyCap: s.dailyCap ?? policy.defaultDailyCap ?? null,
      })),
    ),
    counters: config.counters.map((c) => ({
      id: c.id,
      number: c.number,
      name: c.label,
      zone: c.zone,
      floor: String(c.floor),
      services: catalogue.counterServices(c.id).map((serviceId) => ({ serviceId })),
    })),
    policy: {
      priorityClasses: [
        {
          id: PRIORITY_CLASS,
          label: {
            id: first?.name.id ?? 'Kelompok rentan',
            en: first?.name.en ?? first?.name.id ?? 'Vulnerable groups',
          },
          groups,
        },
      ],
      maxConsecutivePriority: policy.interleave.priority,
      maxCalls: policy.maxCallsBeforeSkip,
    },
  };
}
