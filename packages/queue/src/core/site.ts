/** Validates a {@link SiteConfig} and fills in defaults, naming the offending path. */

import { isKelompokRentan, type KelompokRentan } from '@mpp-kit/service-standard';
import { type BilingualMessage, errors } from './errors.js';
import type { Site, SiteConfig } from './model.js';
import { defaultPolicy, type QueuePolicy } from './policy.js';

const ZONES = new Set(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']);
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

function fail(path: string, id: string, en: string): never {
  const problem: BilingualMessage = { id, en };
  throw errors.invalidConfig(path, problem);
}

function nonEmpty(value: unknown, path: string): void {
  if (typeof value !== 'string' || value.trim() === '') {
    fail(path, 'wajib berupa teks yang tidak kosong', 'must be a non-empty string');
  }
}

function integer(value: unknown, path: string, min: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    fail(path, `wajib bilangan bulat ≥ ${min}`, `must be a whole number ≥ ${min}`);
  }
}

function finite(value: unknown, path: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail(path, 'wajib berupa angka', 'must be a finite number');
  }
}

function unique(ids: readonly unknown[], path: string): void {
  const seen = new Set<unknown>();
  for (const [i, id] of ids.entries()) {
    if (seen.has(id)) fail(`${path}[${i}]`, `duplikat: ${String(id)}`, `duplicate: ${String(id)}`);
    seen.add(id);
  }
}

/** Spelling used by `@mpp-kit/queue` before it shared service-standard's vocabulary. */
const DEPRECATED_GROUPS: Readonly<Record<string, KelompokRentan>> = { 'wanita-hamil': 'ibu-hamil' };
let warnedDeprecatedGroup = false;

/**
 * A priority class's group in the one vocabulary of `@mpp-kit/service-standard`. The old
 * spelling `wanita-hamil` is still read (sites saved by earlier versions, callers not yet
 * updated) with a one-time deprecation warning; anything else is refused naming the path.
 */
function kelompokRentan(group: unknown, path: string): KelompokRentan {
  if (typeof group === 'string' && isKelompokRentan(group)) return group;
  const replacement = typeof group === 'string' ? DEPRECATED_GROUPS[group] : undefined;
  if (replacement) {
    if (!warnedDeprecatedGroup) {
      warnedDeprecatedGroup = true;
      process.emitWarning(
        `${path}: "${String(group)}" is deprecated, use "${replacement}" (the vocabulary of @mpp-kit/service-standard)`,
        'DeprecationWarning',
      );
    }
    return replacement;
  }
  fail(
    path,
    `bukan kelompok rentan: ${String(group)}`,
    `not a vulnerable group (kelompok rentan): ${String(group)}`,
  );
}

function normalizePolicy(input: Partial<QueuePolicy> | undefined): QueuePolicy {
  const policy: QueuePolicy = {
    ...defaultPolicy,
    ...input,
    appointments: { ...defaultPolicy.appointments, ...input?.appointments },
    estimate: { ...defaultPolicy.estimate, ...input?.estimate },
  };
  unique(
    policy.priorityClasses.map((c) => c.id),
    'policy.priorityClasses',
  );
  for (const [i, c] of policy.priorityClasses.entries())
    nonEmpty(c.id, `policy.priorityClasses[${i}].id`);
  const priorityClasses = policy.priorityClasses.map((c, i) => ({
    ...c,
    groups: c.groups.map((g, j) => kelompokRentan(g, `policy.priorityClasses[${i}].groups[${j}]`)),
  }));
  const nullableInt = (v: number | null, path: string, min: number) => {
    if (v !== null) integer(v, path, min);
  };
  nullableInt(policy.maxConsecutivePriority, 'policy.maxConsecutivePriority', 1);
  nullableInt(policy.agingStepSeconds, 'policy.agingStepSeconds', 1);
  nullableInt(policy.maxWaitSeconds, 'policy.maxWaitSeconds', 1);
  integer(policy.maxCalls, 'policy.maxCalls', 1);
  integer(policy.recallCooldownSeconds, 'policy.recallCooldownSeconds', 0);
  if (policy.transferArrival !== 'keep' && policy.transferArrival !== 'reset') {
    fail('policy.transferArrival', 'harus "keep" atau "reset"', 'must be "keep" or "reset"');
  }
  const a = policy.appointments;
  integer(a.earlyCheckInSeconds, 'policy.appointments.earlyCheckInSeconds', 0);
  integer(a.lateCheckInSeconds, 'policy.appointments.lateCheckInSeconds', 0);
  integer(a.callAheadSeconds, 'policy.appointments.callAheadSeconds', 0);
  if (a.lateArrival !== 'walk-in' && a.lateArrival !== 'refuse') {
    fail(
      'policy.appointments.lateArrival',
      'harus "walk-in" atau "refuse"',
      'must be "walk-in" or "refuse"',
    );
  }
  const e = policy.estimate;
  integer(e.defaultServiceSeconds, 'policy.estimate.defaultServiceSeconds', 1);
  integer(e.sampleSize, 'policy.estimate.sampleSize', 1);
  finite(e.optimisticFactor, 'policy.estimate.optimisticFactor');
  finite(e.pessimisticFactor, 'policy.estimate.pessimisticFactor');
  if (e.optimisticFactor < 0 || e.pessimisticFactor < e.optimisticFactor) {
    fail(
      'policy.estimate',
      'wajib 0 ≤ optimisticFactor ≤ pessimisticFactor',
      'needs 0 ≤ optimisticFactor ≤ pessimisticFactor',
    );
  }
  return { ...policy, priorityClasses };
}

/**
 * Checks a site configuration and returns it with defaults filled in.
 * @throws {QueueError} `invalid-config` naming the path, e.g. `services[2].prefix`.
 */
export function normalizeSite(config: SiteConfig): Site {
  nonEmpty(config.id, 'id');
  nonEmpty(config.name, 'name');
  if (!ZONES.has(config.timeZone)) {
    fail(
      'timeZone',
      'harus Asia/Jakarta (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT)',
      'must be Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)',
    );
  }
  unique(
    config.agencies.map((a) => a.id),
    'agencies',
  );
  for (const [i, a] of config.agencies.entries()) nonEmpty(a.id, `agencies[${i}].id`);
  const agencyIds = new Set(config.agencies.map((a) => a.id));
  unique(
    config.services.map((s) => s.id),
    'services',
  );
  const services = config.services.map((s, i) => {
    const path = `services[${i}]`;
    nonEmpty(s.id, `${path}.id`);
    nonEmpty(s.name, `${path}.name`);
    if (!agencyIds.has(s.agencyId)) {
      fail(
        `${path}.agencyId`,
        `instansi "${s.agencyId}" tidak ada`,
        `agency "${s.agencyId}" does not exist`,
      );
    }
    if (!/^[A-Z]{1,3}$/.test(s.prefix)) {
      fail(`${path}.prefix`, 'harus 1–3 huruf kapital', 'must be 1–3 capital letters');
    }
    const firstNumber = s.firstNumber ?? 1;
    const lastNumber = s.lastNumber ?? 999;
    integer(firstNumber, `${path}.firstNumber`, 1);
    integer(lastNumber, `${path}.lastNumber`, firstNumber);
    if (s.dailyCap !== undefined && s.dailyCap !== null) integer(s.dailyCap, `${path}.dailyCap`, 1);
    if (s.openingHours) {
      if (!HHMM.test(s.openingHours.open))
        fail(`${path}.openingHours.open`, 'format HH:MM', 'format HH:MM');
      if (!HHMM.test(s.openingHours.close))
        fail(`${path}.openingHours.close`, 'format HH:MM', 'format HH:MM');
      if (s.openingHours.close <= s.openingHours.open) {
        fail(
          `${path}.openingHours`,
          'jam tutup harus setelah jam buka',
          'close must be after open',
        );
      }
    }
    const weight = s.weight ?? 0;
    finite(weight, `${path}.weight`);
    const targetWaitSeconds = s.targetWaitSeconds ?? 900;
    integer(targetWaitSeconds, `${path}.targetWaitSeconds`, 1);
    return {
      id: s.id,
      agencyId: s.agencyId,
      name: s.name,
      prefix: s.prefix,
      firstNumber,
      lastNumber,
      dailyCap: s.dailyCap ?? null,
      openingHours: s.openingHours ?? null,
      weight,
      targetWaitSeconds,
    };
  });
  const serviceIds = new Set(services.map((s) => s.id));
  unique(
    config.counters.map((c) => c.id),
    'counters',
  );
  unique(
    config.counters.map((c) => c.number),
    'counters(number)',
  );
  for (const [i, c] of config.counters.entries()) {
    nonEmpty(c.id, `counters[${i}].id`);
    integer(c.number, `counters[${i}].number`, 1);
    for (const [j, cs] of c.services.entries()) {
      if (!serviceIds.has(cs.serviceId)) {
        fail(
          `counters[${i}].services[${j}].serviceId`,
          `layanan "${cs.serviceId}" tidak ada`,
          `service "${cs.serviceId}" does not exist`,
        );
      }
      if (cs.weight !== undefined) finite(cs.weight, `counters[${i}].services[${j}].weight`);
    }
  }
  return {
    id: config.id,
    name: config.name,
    timeZone: config.timeZone,
    agencies: config.agencies,
    services,
    counters: config.counters,
    policy: normalizePolicy(config.policy),
  };
}
