/**
 * Which waiting ticket a counter calls next. Pure: the in-memory store ranks with
 * {@link rankCandidates}; PostgreSQL's `mpp_queue_call_next` (migrations/0002) mirrors
 * the same key in SQL, and the shared contract and model-based tests keep them equal.
 *
 * Candidates are compared by this key, lowest first:
 * 1. forced normal: after `maxConsecutivePriority` priority calls in a row at this
 *    counter, normal tickets first (only when one is callable);
 * 2. overdue: walk-ins waiting ≥ `maxWaitSeconds`, oldest arrival first;
 * 3. routing weight, higher first: the staff session's weight for the service, else the counter's;
 * 4. priority class rank (aged: one class up per `agingStepSeconds` waited);
 * 5. band: checked-in appointments inside their window before walk-ins;
 * 6. service weight, higher first;
 * 7. order time: the appointment slot, or the arrival time — FIFO;
 * 8. issue order (ties of equal milliseconds stay FIFO).
 *
 * Within one group of (service, class, band) the key only grows with the order time,
 * so the best ticket of a group is always among its first callable tickets; stores
 * therefore only fetch the first few callable tickets of each group ("heads").
 */
import type { Band, Ticket } from './model.js';
import type { QueuePolicy } from './policy.js';

/** What the ranking needs to know about the counter calling and the moment. */
export interface SelectionContext {
  readonly now: number;
  readonly policy: QueuePolicy;
  /** Routing weight per service the counter may call; services not in the map are not called. */
  readonly routingWeights: ReadonlyMap<string, number>;
  /** Service-queue weight per service id. */
  readonly serviceWeights: ReadonlyMap<string, number>;
  /** Priority tickets called in a row at this counter so far. */
  readonly priorityStreak: number;
}

/** Rank of a priority class: 0 for the first class, `classes.length` for the normal queue. */
export function classRank(priorityClass: string | null, policy: QueuePolicy): number {
  if (priorityClass === null) return policy.priorityClasses.length;
  const i = policy.priorityClasses.findIndex((c) => c.id === priorityClass);
  return i < 0 ? policy.priorityClasses.length : i;
}

/** The time FIFO counts from: the slot for appointments, else the arrival time. */
export function orderAt(ticket: Ticket): number {
  return ticket.band === 'appointment' && ticket.appointmentSlotAt !== null
    ? ticket.appointmentSlotAt
    : ticket.arrivalAt;
}

/** The group a waiting ticket belongs to; heads are taken per group. */
export interface CandidateGroup {
  readonly serviceId: string;
  readonly rank: number;
  readonly band: Band;
}

/** Group of a ticket. */
export function groupOf(ticket: Ticket, policy: QueuePolicy): CandidateGroup {
  return {
    serviceId: ticket.serviceId,
    rank: classRank(ticket.priorityClass, policy),
    band: ticket.band,
  };
}

/** Order inside one group: order time, then issue order. */
export function compareInGroup(a: Ticket, b: Ticket): number {
  return orderAt(a) - orderAt(b) || a.issueOrder - b.issueOrder;
}

function sortKey(ticket: Ticket, ctx: SelectionContext, forceNormal: boolean): number[] {
  const { policy, now } = ctx;
  const waited = now - ticket.arrivalAt;
  const walkIn = ticket.band === 'walk-in';
  const overdue =
    policy.maxWaitSeconds !== null && walkIn && waited >= policy.maxWaitSeconds * 1000;
  const rank = classRank(ticket.priorityClass, policy);
  const aged =
    policy.agingStepSeconds !== null && walkIn
      ? Math.max(0, rank - Math.floor(Math.max(0, waited) / (policy.agingStepSeconds * 1000)))
      : rank;
  return [
    forceNormal && ticket.priorityClass !== null ? 1 : 0,
    overdue ? 0 : 1,
    overdue ? ticket.arrivalAt : 0,
    -(ctx.routingWeights.get(ticket.serviceId) ?? 0),
    aged,
    walkIn ? 1 : 0,
    -(ctx.serviceWeights.get(ticket.serviceId) ?? 0),
    orderAt(ticket),
    ticket.issueOrder,
  ];
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** True when the ticket may be called now at a counter with these routing weights. */
export function isCallable(ticket: Ticket, ctx: SelectionContext): boolean {
  return (
    ticket.status === 'waiting' &&
    ticket.callableAt <= ctx.now &&
    ctx.routingWeights.has(ticket.serviceId)
  );
}

/**
 * Ranks candidates best first, dropping those not callable now. Give it every
 * waiting ticket, or at least the first callable tickets of every group.
 */
export function rankCandidates(candidates: readonly Ticket[], ctx: SelectionContext): Ticket[] {
  const callable = candidates.filter((t) => isCallable(t, ctx));
  const limit = ctx.policy.maxConsecutivePriority;
  const forceNormal =
    limit !== null && ctx.priorityStreak >= limit && callable.some((t) => t.priorityClass === null);
  const keyed = callable.map((t) => ({ t, k: sortKey(t, ctx, forceNormal) }));
  keyed.sort((a, b) => compareKeys(a.k, b.k));
  return keyed.map((x) => x.t);
}

/** The streak after calling `ticket`: priority calls extend it, a normal call resets it. */
export function nextPriorityStreak(streak: number, ticket: Ticket): number {
  return ticket.priorityClass === null ? 0 : streak + 1;
}
