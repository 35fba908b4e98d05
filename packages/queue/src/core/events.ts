/**
 * Events written to the outbox in the same transaction as the change they describe.
 * `seq` is gap-free per site: 1, 2, 3, … in commit order, so a display board that
 * reconnects asks for everything after the last `seq` it saw and misses nothing.
 */
import type { StaffSession, Ticket, TicketStatus } from './model.js';

/** Ticket event types; one per lifecycle transition. */
export type TicketEventType =
  | 'ticket.issued'
  | 'ticket.called'
  | 'ticket.recalled'
  | 'ticket.serving'
  | 'ticket.served'
  | 'ticket.no-show'
  | 'ticket.reactivated'
  | 'ticket.cancelled'
  | 'ticket.transferred'
  | 'ticket.parked'
  | 'ticket.resumed';

/** What a display board shows and the announcer speaks. Only calls and recalls carry one. */
export interface Announcement {
  readonly label: string;
  readonly counterId: string;
  readonly counterNumber: number;
  readonly counterName: string | null;
  readonly serviceId: string;
  /** 1 for the first call, 2+ for recalls and calls after reactivation. */
  readonly callCount: number;
}

/** A ticket changed state; `ticket` is the snapshot after the change. */
export interface TicketEvent {
  readonly seq: number;
  readonly siteId: string;
  readonly at: number;
  readonly type: TicketEventType;
  /** State before the transition (`null` for `ticket.issued`). */
  readonly from: TicketStatus | null;
  readonly ticket: Ticket;
  /** Present exactly on `ticket.called` and `ticket.recalled`. */
  readonly announcement: Announcement | null;
}

/** A staff session opened or closed. */
export interface SessionEvent {
  readonly seq: number;
  readonly siteId: string;
  readonly at: number;
  readonly type: 'session.opened' | 'session.closed';
  readonly session: StaffSession;
}

/** Anything in the outbox. */
export type QueueEvent = TicketEvent | SessionEvent;

/** An event before the store gave it its sequence number. */
export type NewEvent = Omit<TicketEvent, 'seq'> | Omit<SessionEvent, 'seq'>;

/** True for events that make the board announce a ticket. */
export function isAnnouncement(
  event: QueueEvent,
): event is TicketEvent & { announcement: Announcement } {
  return 'announcement' in event && event.announcement !== null;
}
