/**
 * The ticket lifecycle as an explicit state machine. Every legal transition is listed
 * in {@link transitions}; everything else is refused with `illegal-transition`.
 *
 * ```text
 * waiting ─call→ called ─start→ serving ─finish→ served
 *    │            │ ↺ recall       ├─transfer→ transferred (+ child ticket, waiting)
 *    │            ├─no-show→ no-show ─reactivate→ waiting
 *    │            └─park→ parked ─resume→ waiting   (serving ─park→ parked too)
 *    └─cancel→ cancelled
 * ```
 */
import { errors } from './errors.js';
import type { Ticket, TicketStatus } from './model.js';
import type { QueuePolicy } from './policy.js';

/** Names of the transitions. */
export type TicketAction =
  | 'call'
  | 'recall'
  | 'start'
  | 'finish'
  | 'no-show'
  | 'reactivate'
  | 'cancel'
  | 'transfer'
  | 'park'
  | 'resume';

/** For each action: the states it may start from and the state it leads to. */
export const transitions: Readonly<
  Record<TicketAction, { readonly from: readonly TicketStatus[]; readonly to: TicketStatus }>
> = {
  call: { from: ['waiting'], to: 'called' },
  recall: { from: ['called'], to: 'called' },
  start: { from: ['called'], to: 'serving' },
  finish: { from: ['serving'], to: 'served' },
  'no-show': { from: ['called'], to: 'no-show' },
  reactivate: { from: ['no-show'], to: 'waiting' },
  cancel: { from: ['waiting'], to: 'cancelled' },
  transfer: { from: ['serving'], to: 'transferred' },
  park: { from: ['called', 'serving'], to: 'parked' },
  resume: { from: ['parked'], to: 'waiting' },
};

/** States a ticket never leaves. */
export const finalStatuses: ReadonlySet<TicketStatus> = new Set([
  'served',
  'no-show',
  'cancelled',
  'transferred',
]);

/** States in which a counter holds the ticket. */
export const activeStatuses: ReadonlySet<TicketStatus> = new Set(['called', 'serving']);

/** True when `action` is legal from `status`. */
export function canApply(status: TicketStatus, action: TicketAction): boolean {
  return transitions[action].from.includes(status);
}

/** Throws `illegal-transition` unless `action` is legal for the ticket. */
export function assertCanApply(ticket: Ticket, action: TicketAction): void {
  if (!canApply(ticket.status, action)) {
    throw errors.illegalTransition(ticket.id, ticket.status, action);
  }
}

/** Timestamps never go backwards for one ticket, even if clocks of two hosts disagree. */
export function monotone(ticket: Ticket, now: number): number {
  return Math.max(now, ticket.updatedAt);
}

/** Context of a transition made at a counter. */
export interface CounterContext {
  readonly counterId: string;
  readonly sessionId: string;
  readonly now: number;
}

/** waiting → called at a counter. */
export function applyCall(ticket: Ticket, policy: QueuePolicy, ctx: CounterContext): Ticket {
  assertCanApply(ticket, 'call');
  // No max-calls check here: a waiting ticket is always callable (the limit applies
  // to recall and reactivation), so call-next can never be blocked by one ticket.
  void policy;
  const at = monotone(ticket, ctx.now);
  return {
    ...ticket,
    status: 'called',
    counterId: ctx.counterId,
    sessionId: ctx.sessionId,
    calledAt: ticket.calledAt ?? at,
    lastCalledAt: at,
    callCount: ticket.callCount + 1,
    updatedAt: at,
  };
}

/** Throws `ticket-not-at-counter` unless the counter holds the ticket. */
export function assertAtCounter(ticket: Ticket, counterId: string): void {
  if (
    ticket.counterId !== counterId ||
    (ticket.status !== 'called' && ticket.status !== 'serving')
  ) {
    throw errors.ticketNotAtCounter(ticket.id, counterId);
  }
}

/** called → called again: announce once more, within the maximum number of calls. */
export function applyRecall(ticket: Ticket, policy: QueuePolicy, ctx: CounterContext): Ticket {
  assertCanApply(ticket, 'recall');
  assertAtCounter(ticket, ctx.counterId);
  if (ticket.callCount >= policy.maxCalls) throw errors.maxCallsReached(ticket.id, policy.maxCalls);
  const at = monotone(ticket, ctx.now);
  return { ...ticket, lastCalledAt: at, callCount: ticket.callCount + 1, updatedAt: at };
}

/** called → serving: the citizen arrived at the counter. */
export function applyStart(ticket: Ticket, ctx: CounterContext): Ticket {
  assertCanApply(ticket, 'start');
  assertAtCounter(ticket, ctx.counterId);
  const at = monotone(ticket, ctx.now);
  return { ...ticket, status: 'serving', servingAt: at, updatedAt: at };
}

/** serving → served. */
export function applyFinish(ticket: Ticket, ctx: CounterContext): Ticket {
  assertCanApply(ticket, 'finish');
  assertAtCounter(ticket, ctx.counterId);
  const at = monotone(ticket, ctx.now);
  return { ...ticket, status: 'served', finishedAt: at, updatedAt: at };
}

/** called → no-show: the citizen did not come. */
export function applyNoShow(ticket: Ticket, ctx: CounterContext): Ticket {
  assertCanApply(ticket, 'no-show');
  assertAtCounter(ticket, ctx.counterId);
  const at = monotone(ticket, ctx.now);
  return { ...ticket, status: 'no-show', finishedAt: at, updatedAt: at };
}

/**
 * no-show → waiting: the citizen came back. Refused once the ticket used all its
 * calls; callable again only after the recall cooldown since its last call.
 */
export function applyReactivate(ticket: Ticket, policy: QueuePolicy, now: number): Ticket {
  assertCanApply(ticket, 'reactivate');
  if (ticket.callCount >= policy.maxCalls) throw errors.maxCallsReached(ticket.id, policy.maxCalls);
  const at = monotone(ticket, now);
  return {
    ...ticket,
    status: 'waiting',
    counterId: null,
    sessionId: null,
    servingAt: null,
    finishedAt: null,
    callableAt: Math.max(at, (ticket.lastCalledAt ?? at) + policy.recallCooldownSeconds * 1000),
    updatedAt: at,
  };
}

/** waiting → cancelled: the citizen left or withdrew (counts as abandonment). */
export function applyCancel(ticket: Ticket, now: number): Ticket {
  assertCanApply(ticket, 'cancel');
  const at = monotone(ticket, now);
  return { ...ticket, status: 'cancelled', finishedAt: at, updatedAt: at };
}

/** called/serving → parked: put on hold, e.g. while the citizen fetches a document. */
export function applyPark(ticket: Ticket, ctx: CounterContext): Ticket {
  assertCanApply(ticket, 'park');
  assertAtCounter(ticket, ctx.counterId);
  const at = monotone(ticket, ctx.now);
  return { ...ticket, status: 'parked', counterId: null, sessionId: null, updatedAt: at };
}

/** parked → waiting, keeping its place (arrival time) in the queue. */
export function applyResume(ticket: Ticket, now: number): Ticket {
  assertCanApply(ticket, 'resume');
  const at = monotone(ticket, now);
  return {
    ...ticket,
    status: 'waiting',
    servingAt: null,
    callableAt: at,
    updatedAt: at,
  };
}

/** Fields of the child ticket a transfer creates that the store assigns. */
export interface TransferTarget {
  readonly childId: string;
  readonly serviceId: string;
  readonly agencyId: string;
  readonly issueOrder: number;
}

/**
 * serving → transferred, and a new waiting child in the target service. The child
 * keeps the label and lineage (`parentId`, `rootId`) and, by policy, the arrival time.
 */
export function applyTransfer(
  ticket: Ticket,
  policy: QueuePolicy,
  ctx: CounterContext,
  target: TransferTarget,
): { parent: Ticket; child: Ticket } {
  assertCanApply(ticket, 'transfer');
  assertAtCounter(ticket, ctx.counterId);
  const at = monotone(ticket, ctx.now);
  const parent: Ticket = { ...ticket, status: 'transferred', finishedAt: at, updatedAt: at };
  const child: Ticket = {
    ...ticket,
    id: target.childId,
    serviceId: target.serviceId,
    agencyId: target.agencyId,
    // A transferred visit is a walk-in in the new queue: its appointment was honoured.
    band: 'walk-in',
    status: 'waiting',
    issuedAt: at,
    arrivalAt: policy.transferArrival === 'keep' ? ticket.arrivalAt : at,
    callableAt: at,
    calledAt: null,
    lastCalledAt: null,
    servingAt: null,
    finishedAt: null,
    callCount: 0,
    counterId: null,
    sessionId: null,
    parentId: ticket.id,
    rootId: ticket.rootId,
    issueOrder: target.issueOrder,
    updatedAt: at,
  };
  return { parent, child };
}
