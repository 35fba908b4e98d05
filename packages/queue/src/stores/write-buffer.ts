/**
 * What a store's transaction writes, buffered until it commits (both stores apply it
 * only when the work succeeds, so a refusal changes nothing).
 */
import type { NewEvent } from '../core/events.js';
import type { CounterState, StaffSession, Ticket } from '../core/model.js';
import type { QueueTransaction } from '../store.js';

/** The buffered writes and the {@link QueueTransaction} setters that fill them. */
export interface WriteBuffer
  extends Pick<QueueTransaction, 'putTicket' | 'putCounter' | 'putSession' | 'emit'> {
  readonly tickets: Map<string, Ticket>;
  readonly counters: Map<string, CounterState>;
  readonly sessions: Map<string, StaffSession>;
  readonly events: NewEvent[];
  /** True when nothing was written. */
  isEmpty(): boolean;
}

/** An empty buffer; the latest put of an id wins. */
export function createWriteBuffer(): WriteBuffer {
  const tickets = new Map<string, Ticket>();
  const counters = new Map<string, CounterState>();
  const sessions = new Map<string, StaffSession>();
  const events: NewEvent[] = [];
  return {
    tickets,
    counters,
    sessions,
    events,
    putTicket: (ticket) => void tickets.set(ticket.id, ticket),
    putCounter: (state) => void counters.set(state.counterId, state),
    putSession: (session) => void sessions.set(session.id, session),
    emit: (event) => void events.push(event),
    isEmpty: () =>
      events.length === 0 && tickets.size === 0 && counters.size === 0 && sessions.size === 0,
  };
}
