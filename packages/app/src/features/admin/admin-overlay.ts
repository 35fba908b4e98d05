import type { ResolvedService } from '@mpp-kit/config';
import { PenyelenggaraKindSchema } from '@mpp-kit/service-standard';
import { z } from 'zod';

/**
 * The administrative overlay: what managers and agency admins changed in /loket/admin, stored in
 * PostgreSQL and laid over `mpp.config.yaml` (decision 0066). Pure: no I/O. The effective
 * configuration is the file's YAML with these edits, then validated by `@mpp-kit/config` like
 * the file itself, so an edit can never produce a configuration the file could not hold.
 */

const code = z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, {
  error: 'kode huruf kecil, angka, titik atau tanda hubung / lowercase code',
});
const text = z.string().trim().min(1).max(160);

/** A counter (loket) as the config file writes it; validated again by @mpp-kit/config. */
export const overlayCounterSchema = z.strictObject({
  number: z.int().min(1).max(9999),
  zone: code.max(64),
  tenant: code.max(64),
  services: z.array(code.max(128)).min(1).max(100),
  floor: z.int().min(-5).max(200),
  priority: z.boolean(),
  label: z.strictObject({ id: text, en: text.optional() }).optional(),
});
export type OverlayCounter = z.infer<typeof overlayCounterSchema>;

/** The weekdays of `openingHours`, Monday first. */
export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
const interval = z.strictObject({ open: z.string().max(5), close: z.string().max(5) });
/** The MPP's weekly opening hours (`openingHours` of the file), each day's intervals. */
export const overlayHoursSchema = z.strictObject(
  Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(interval).max(6)])) as Record<
    (typeof WEEKDAYS)[number],
    z.ZodArray<typeof interval>
  >,
);
export type OverlayHours = z.infer<typeof overlayHoursSchema>;

const standardRef = z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*@\d+\.\d+\.\d+$/, {
  error: 'rujukan standar kode@versi / standard reference code@version',
});

/** An agency added in the pages: a tenant whose services are `standard: code@version` references. */
export const addedAgencySchema = z.strictObject({
  kind: PenyelenggaraKindSchema,
  name: z.strictObject({ id: text, en: text }),
  services: z.array(standardRef.max(200)).min(1).max(50),
});
export type AddedAgency = z.infer<typeof addedAgencySchema>;

export const overlaySchema = z.strictObject({
  /** By tenant code: the agency's name, and whether it is switched off (`off: true`). */
  agencies: z.record(
    code.max(64),
    z.strictObject({
      name: z.strictObject({ id: text, en: text }).optional(),
      off: z.boolean().optional(),
    }),
  ),
  /** Agencies added in the pages (appended to the file's `tenants`), by tenant code. */
  added: z.record(code.max(64), addedAgencySchema).optional(),
  /** By service code: switched off (`offered: false`), and the daily cap (`null`: none). */
  services: z.record(
    code.max(128),
    z.strictObject({
      offered: z.boolean().optional(),
      dailyCap: z.int().min(1).max(100000).nullable().optional(),
    }),
  ),
  /** By counter number: the whole counter, or `null` for a counter removed. */
  counters: z.record(z.string().regex(/^\d{1,4}$/), overlayCounterSchema.nullable()),
  /** The weekly opening hours replacing the file's (the whole week at once). */
  openingHours: overlayHoursSchema.optional(),
});
export type AdminOverlay = z.infer<typeof overlaySchema>;

export const EMPTY_OVERLAY: AdminOverlay = { agencies: {}, services: {}, counters: {} };

/** One change made in the admin pages or API. */
export const overlayChangeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('agency'),
    agency: code.max(64),
    name: z.strictObject({ id: text, en: text }),
  }),
  z.strictObject({
    kind: z.literal('service'),
    service: code.max(128),
    offered: z.boolean(),
    dailyCap: z.int().min(1).max(100000).nullable(),
  }),
  z.strictObject({ kind: z.literal('counter'), counter: overlayCounterSchema }),
  z.strictObject({ kind: z.literal('counter-remove'), number: z.int().min(1).max(9999) }),
  z.strictObject({ kind: z.literal('hours'), openingHours: overlayHoursSchema }),
  z.strictObject({
    kind: z.literal('agency-add'),
    agency: code.max(64),
    agencyKind: PenyelenggaraKindSchema,
    name: z.strictObject({ id: text, en: text }),
    services: z.array(standardRef.max(200)).min(1).max(50),
    /** The first counter, serving all its services: the config wants every service served. */
    counter: z.strictObject({
      number: z.int().min(1).max(9999),
      zone: code.max(64),
      floor: z.int().min(-5).max(200),
    }),
  }),
  z.strictObject({ kind: z.literal('agency-state'), agency: code.max(64), off: z.boolean() }),
]);
export type OverlayChange = z.infer<typeof overlayChangeSchema>;

/** The overlay with one more change (later changes to the same thing replace earlier ones). */
export function withChange(overlay: AdminOverlay, change: OverlayChange): AdminOverlay {
  switch (change.kind) {
    case 'agency':
      return {
        ...overlay,
        agencies: {
          ...overlay.agencies,
          [change.agency]: { ...overlay.agencies[change.agency], name: change.name },
        },
      };
    case 'agency-state':
      return {
        ...overlay,
        agencies: {
          ...overlay.agencies,
          [change.agency]: { ...overlay.agencies[change.agency], off: change.off },
        },
      };
    case 'agency-add': {
      const codes = change.services.map(serviceCodeOf);
      return {
        ...overlay,
        added: {
          ...overlay.added,
          [change.agency]: {
            kind: change.agencyKind,
            name: change.name,
            services: change.services,
          },
        },
        counters: {
          ...overlay.counters,
          [String(change.counter.number)]: {
            ...change.counter,
            tenant: change.agency,
            services: codes,
            priority: false,
          },
        },
      };
    }
    case 'service':
      return {
        ...overlay,
        services: {
          ...overlay.services,
          [change.service]: { offered: change.offered, dailyCap: change.dailyCap },
        },
      };
    case 'counter':
      return {
        ...overlay,
        counters: { ...overlay.counters, [String(change.counter.number)]: change.counter },
      };
    case 'counter-remove':
      return { ...overlay, counters: { ...overlay.counters, [String(change.number)]: null } };
    case 'hours':
      return { ...overlay, openingHours: change.openingHours };
  }
}

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The config file's YAML data (as parsed, before validation) with the overlay applied. Service
 * edits find their entry through `services` (the file's own resolved services and positions);
 * an edit naming something the file no longer has is left for validation to report or, for a
 * service or agency, ignored. Never mutates its inputs.
 */
export function applyOverlay(
  raw: unknown,
  services: readonly Pick<ResolvedService, 'code' | 'position'>[],
  overlay: AdminOverlay,
): unknown {
  if (!isObject(raw)) return raw;
  const out: Raw = structuredClone(raw);
  const tenants = Array.isArray(out.tenants) ? (out.tenants as unknown[]) : [];
  for (const [tenantCode, added] of Object.entries(overlay.added ?? {})) {
    tenants.push({
      code: tenantCode,
      kind: added.kind,
      name: { ...added.name },
      services: added.services.map((standard) => ({ standard })),
    });
  }
  if (tenants.length > 0) out.tenants = tenants;
  for (const tenant of tenants) {
    if (!isObject(tenant) || typeof tenant.code !== 'string') continue;
    const edit = overlay.agencies[tenant.code];
    if (edit?.name) tenant.name = { ...edit.name };
  }
  for (const s of services) {
    const edit = overlay.services[s.code];
    if (!edit || edit.dailyCap === undefined) continue;
    const tenant = tenants[s.position[0]];
    const list = isObject(tenant) && Array.isArray(tenant.services) ? tenant.services : [];
    const entry = list[s.position[1]];
    if (!isObject(entry)) continue;
    if (edit.dailyCap === null) delete entry.dailyCap;
    else entry.dailyCap = edit.dailyCap;
  }
  if (overlay.openingHours) out.openingHours = structuredClone(overlay.openingHours);
  const edits = Object.entries(overlay.counters);
  if (edits.length > 0) {
    const loket = Array.isArray(out.loket) ? [...(out.loket as unknown[])] : [];
    for (const [number, counter] of edits) {
      const at = loket.findIndex((l) => isObject(l) && String(l.number) === number);
      if (counter === null) {
        if (at >= 0) loket.splice(at, 1);
      } else if (at >= 0) loket[at] = { ...counter };
      else loket.push({ ...counter });
    }
    out.loket = loket;
  }
  return out;
}

/** `dukcapil.kia@1.0.0` → `dukcapil.kia`: the service code a standard reference gives. */
export function serviceCodeOf(ref: string): string {
  return ref.slice(0, ref.lastIndexOf('@'));
}

/** Codes of agencies switched off by the overlay. */
export function agenciesOff(overlay: AdminOverlay): Set<string> {
  return new Set(
    Object.entries(overlay.agencies)
      .filter(([, a]) => a.off === true)
      .map(([c]) => c),
  );
}

/**
 * Codes of services not taking new tickets: those switched off themselves and every service of
 * an agency switched off (`services`: the effective configuration's services and their tenants).
 */
export function servicesOff(
  overlay: AdminOverlay,
  services: readonly Pick<ResolvedService, 'code' | 'tenant'>[] = [],
): Set<string> {
  const off = agenciesOff(overlay);
  return new Set([
    ...Object.entries(overlay.services)
      .filter(([, s]) => s.offered === false)
      .map(([c]) => c),
    ...services.filter((s) => off.has(s.tenant)).map((s) => s.code),
  ]);
}
