/**
 * Waiting-time estimates and service indicators. Pure functions over data the
 * stores provide.
 */
import type { Site, Ticket } from './model.js';
import { classRank, orderAt } from './ordering.js';
import type { EstimatePolicy, QueuePolicy } from './policy.js';

/** An estimated wait as a range, in seconds. */
export interface WaitEstimate {
  /** Waiting tickets of the same service called before this one (0 = next). */
  readonly position: number;
  readonly minSeconds: number;
  readonly maxSeconds: number;
  /** Average service time used, seconds. */
  readonly serviceSeconds: number;
  /** Counters with an open session that serve the ticket's service. */
  readonly countersServing: number;
}

/**
 * Position of `ticket` among the waiting tickets of its service in the order a
 * neutral counter would call them (class, band, order time, issue order).
 */
export function queuePosition(
  ticket: Ticket,
  waiting: readonly Ticket[],
  policy: QueuePolicy,
): number {
  const key = (t: Ticket) => [
    classRank(t.priorityClass, policy),
    t.band === 'appointment' ? 0 : 1,
    orderAt(t),
    t.issueOrder,
  ];
  const mine = key(ticket);
  let ahead = 0;
  for (const other of waiting) {
    if (
      other.id === ticket.id ||
      other.serviceId !== ticket.serviceId ||
      other.status !== 'waiting'
    ) {
      continue;
    }
    const k = key(other);
    for (let i = 0; i < k.length; i++) {
      const d = (k[i] ?? 0) - (mine[i] ?? 0);
      if (d < 0) {
        ahead++;
        break;
      }
      if (d > 0) break;
    }
  }
  return ahead;
}

/**
 * Estimated wait = position × average recent service time ÷ counters serving the
 * service, as [optimistic, pessimistic] × that. With no counter open it assumes one.
 */
export function estimateWait(
  position: number,
  recentServiceSeconds: readonly number[],
  countersServing: number,
  policy: EstimatePolicy,
): WaitEstimate {
  const samples = recentServiceSeconds.slice(-policy.sampleSize).filter((s) => s >= 0);
  const serviceSeconds =
    samples.length === 0
      ? policy.defaultServiceSeconds
      : samples.reduce((a, b) => a + b, 0) / samples.length;
  const point = (position * serviceSeconds) / Math.max(1, countersServing);
  return {
    position,
    minSeconds: Math.round(point * policy.optimisticFactor),
    maxSeconds: Math.round(point * policy.pessimisticFactor),
    serviceSeconds: Math.round(serviceSeconds),
    countersServing,
  };
}

/** Indicators of one set of tickets (usually one service day). */
export interface Indicators {
  readonly issued: number;
  readonly called: number;
  readonly served: number;
  readonly noShows: number;
  readonly cancelled: number;
  readonly waiting: number;
  /**
   * Share of tickets whose first call came within the service's target wait. Counted
   * over tickets that were called, plus waiting or cancelled tickets already past the
   * target (they count as misses). `null` when nothing counts yet.
   */
  readonly serviceLevel: number | null;
  /** No-shows ÷ tickets called at least once; `null` when none was called. */
  readonly noShowRate: number | null;
  /** Tickets cancelled while waiting ÷ tickets issued; `null` when none was issued. */
  readonly abandonmentRate: number | null;
  /** Mean seconds from arrival to first call over called tickets. */
  readonly averageWaitSeconds: number | null;
  /** Mean seconds from start to end of service over served tickets. */
  readonly averageServiceSeconds: number | null;
}

/** Computes {@link Indicators} over tickets of a site at time `now`. */
export function computeIndicators(tickets: readonly Ticket[], site: Site, now: number): Indicators {
  const target = new Map(site.services.map((s) => [s.id, s.targetWaitSeconds * 1000]));
  let called = 0;
  let served = 0;
  let noShows = 0;
  let cancelled = 0;
  let waiting = 0;
  let slWithin = 0;
  let slCounted = 0;
  let waitSum = 0;
  let serviceSum = 0;
  for (const t of tickets) {
    const limit = target.get(t.serviceId) ?? 900_000;
    if (t.calledAt !== null || t.callCount > 0) {
      called++;
      const firstCall = t.calledAt ?? t.lastCalledAt ?? t.updatedAt;
      waitSum += firstCall - t.arrivalAt;
      slCounted++;
      if (firstCall - t.arrivalAt <= limit) slWithin++;
    } else if (t.status === 'waiting' || t.status === 'cancelled') {
      const end = t.status === 'waiting' ? now : (t.finishedAt ?? now);
      if (end - t.arrivalAt > limit) slCounted++;
    }
    if (t.status === 'served') {
      served++;
      serviceSum += (t.finishedAt ?? 0) - (t.servingAt ?? t.finishedAt ?? 0);
    }
    if (t.status === 'no-show') noShows++;
    if (t.status === 'cancelled') cancelled++;
    if (t.status === 'waiting') waiting++;
  }
  const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
  return {
    issued: tickets.length,
    called,
    served,
    noShows,
    cancelled,
    waiting,
    serviceLevel: ratio(slWithin, slCounted),
    noShowRate: ratio(noShows, called),
    abandonmentRate: ratio(cancelled, tickets.length),
    averageWaitSeconds: called === 0 ? null : waitSum / called / 1000,
    averageServiceSeconds: served === 0 ? null : serviceSum / served / 1000,
  };
}
