/**
 * Ordering and lifecycle policy as data. The same policy gives the same order in
 * every store because both stores rank candidates with `ordering.ts`.
 */
import { KELOMPOK_RENTAN, type KelompokRentan } from '@mpp-kit/service-standard';
import type { BilingualMessage } from './errors.js';

/**
 * A priority class. By UU 25/2009 art. 29 and PermenPANRB 11/2024 people with
 * disabilities, the elderly, pregnant and nursing women, children and victims of
 * disasters get special treatment (perlakuan khusus); sites decide how many classes.
 */
export interface PriorityClass {
  readonly id: string;
  readonly label: BilingualMessage;
  /**
   * Groups this class covers, for the kiosk's choices and reports, in the regulation's terms
   * shared with `@mpp-kit/service-standard` (the old spelling `wanita-hamil` is read as
   * `ibu-hamil`, with a deprecation warning).
   */
  readonly groups: readonly KelompokRentan[];
}

/** How appointments (online bookings) blend with walk-ins. */
export interface AppointmentPolicy {
  /** Check-in opens this many seconds before the slot; earlier is refused. */
  readonly earlyCheckInSeconds: number;
  /** Check-in later than slot + this is late. */
  readonly lateCheckInSeconds: number;
  /** A late check-in is demoted to a walk-in ticket, or refused. */
  readonly lateArrival: 'walk-in' | 'refuse';
  /** An appointment becomes callable this many seconds before its slot (never earlier). */
  readonly callAheadSeconds: number;
}

/** Inputs of the waiting-time estimate. */
export interface EstimatePolicy {
  /** Service time assumed before any ticket of the service was served, seconds. */
  readonly defaultServiceSeconds: number;
  /** How many recent served tickets the average uses. */
  readonly sampleSize: number;
  /** Lower bound of the range = factor × point estimate. */
  readonly optimisticFactor: number;
  /** Upper bound of the range = factor × point estimate. */
  readonly pessimisticFactor: number;
}

/** Everything that decides the order of calls and the lifecycle's limits. */
export interface QueuePolicy {
  /** Priority classes, highest first. Tickets without a class form the normal queue, last. */
  readonly priorityClasses: readonly PriorityClass[];
  /**
   * Ratio interleaving: after this many priority calls in a row at one counter, the
   * next call at that counter takes a normal ticket if one is callable. `null`: off.
   */
  readonly maxConsecutivePriority: number | null;
  /** Aging: each full step of waiting raises a walk-in one class. `null`: off. */
  readonly agingStepSeconds: number | null;
  /** Walk-ins waiting at least this long are called first, oldest first. `null`: off. */
  readonly maxWaitSeconds: number | null;
  /** Maximum calls (first call + recalls + calls after reactivation) per ticket. */
  readonly maxCalls: number;
  /** A reactivated no-show is callable only this long after its last call, seconds. */
  readonly recallCooldownSeconds: number;
  /** On transfer the child keeps the parent's arrival time, or restarts at the transfer. */
  readonly transferArrival: 'keep' | 'reset';
  readonly appointments: AppointmentPolicy;
  readonly estimate: EstimatePolicy;
}

/**
 * The vulnerable groups named by UU 25/2009 (Penjelasan art. 29) and PermenPANRB 11/2024:
 * `@mpp-kit/service-standard`'s `KELOMPOK_RENTAN`, re-exported under this package's old name.
 */
export const vulnerableGroups: readonly KelompokRentan[] = KELOMPOK_RENTAN;

/** Defaults: one priority class for all vulnerable groups, 3 : 1 interleaving, 60 min max wait. */
export const defaultPolicy: QueuePolicy = {
  priorityClasses: [
    {
      id: 'rentan',
      label: { id: 'Kelompok rentan', en: 'Vulnerable groups' },
      groups: vulnerableGroups,
    },
  ],
  maxConsecutivePriority: 3,
  agingStepSeconds: null,
  maxWaitSeconds: 3600,
  maxCalls: 3,
  recallCooldownSeconds: 300,
  transferArrival: 'keep',
  appointments: {
    earlyCheckInSeconds: 3600,
    lateCheckInSeconds: 900,
    lateArrival: 'walk-in',
    callAheadSeconds: 120,
  },
  estimate: {
    defaultServiceSeconds: 600,
    sampleSize: 20,
    optimisticFactor: 0.8,
    pessimisticFactor: 1.25,
  },
};
