/**
 * The storage interface. The engine (`engine.ts`) holds all the rules; a store only
 * reads, locks and writes atomically. Both stores (in-memory and PostgreSQL) pass
 * the same contract test suite.
 */
import type { CommandResult } from './core/commands.js';
import type { NewEvent, QueueEvent } from './core/events.js';
import type {
  CounterState,
  ServiceQueue,
  Site,
  StaffSession,
  Ticket,
  TicketStatus,
} from './core/model.js';
import type { SelectionContext } from './core/ordering.js';

/** An idempotency key with a fingerprint of the command it belongs to. */
export interface IdempotencyClaim {
  readonly key: string;
  readonly fingerprint: string;
}

/**
 * One atomic unit of work. Reads see the transaction's own writes. Writes are
 * applied, events numbered and the idempotency key recorded all at once when the
 * work resolves; if it throws, nothing is written.
 */
export interface QueueTransaction {
  /** The site's configuration (validated). */
  readonly site: Site;
  /** Locks the counter's runtime state until the end of the transaction. */
  lockCounter(counterId: string): Promise<CounterState>;
  /**
   * Loads a session and locks its counter's state; `undefined` if unknown. With
   * `thenTicketId` the store may also lock that ticket right after (same lock order,
   * possibly in the same round trip) for the {@link lockTicket} call that follows.
   */
  lockSession(
    sessionId: string,
    thenTicketId?: string,
  ): Promise<{ session: StaffSession; counter: CounterState } | undefined>;
  /** The open session at a counter, if any (call after {@link lockCounter}). */
  openSessionAt(counterId: string): Promise<StaffSession | undefined>;
  /** Loads and locks a ticket of this site; `undefined` if unknown. */
  lockTicket(ticketId: string): Promise<Ticket | undefined>;
  /**
   * Takes the next number of a service for a service day, atomically with the cap:
   * `null` when the daily cap or the number range is used up.
   */
  allocateNumber(
    service: Required<ServiceQueue>,
    serviceDay: string,
  ): Promise<{ sequence: number; issueOrder: number } | null>;
  /** A fresh issue order (FIFO tie-breaker) for a ticket created without a number. */
  allocateIssueOrder(): Promise<number>;
  /**
   * Finds the best callable ticket for the selection context (ranked by
   * `rankCandidates`) and locks it so no other transaction can claim it; `null` if none.
   */
  claimNext(ctx: SelectionContext): Promise<Ticket | null>;
  putTicket(ticket: Ticket): void;
  putCounter(state: CounterState): void;
  putSession(session: StaffSession): void;
  emit(event: NewEvent): void;
}

/** Input of the optional {@link QueueStore.callNext} fast path. */
export interface CallNextRequest {
  readonly siteId: string;
  readonly sessionId: string;
  readonly now: number;
  readonly idempotency: IdempotencyClaim | null;
}

/** Filter for {@link QueueStore.listTickets}. */
export interface TicketFilter {
  readonly serviceDay?: string;
  readonly serviceId?: string;
  readonly status?: TicketStatus;
}

/** Storage behind the engine. */
export interface QueueStore {
  /** Creates or replaces a site's configuration (and its counters' runtime rows). */
  saveSite(site: Site): Promise<void>;
  loadSite(siteId: string): Promise<Site | undefined>;
  /**
   * Runs `work` atomically for one site and returns the events it wrote. With an
   * idempotency claim whose key was already used for the same fingerprint, returns
   * the recorded result without running `work`; with another fingerprint it throws
   * `idempotency-key-reused`. Transient conflicts (serialization failure, deadlock)
   * are retried inside the store and never reach the caller.
   * @throws {QueueError} `unknown-site`, or whatever `work` throws.
   */
  transaction(
    siteId: string,
    idempotency: IdempotencyClaim | null,
    work: (tx: QueueTransaction) => Promise<void>,
  ): Promise<CommandResult>;
  /**
   * Optional: call-next in one round trip, with exactly the engine's rules and
   * refusals (the contract and model-based tests hold a store to that). The engine
   * uses it when present, otherwise it runs call-next through {@link transaction}.
   */
  callNext?(request: CallNextRequest): Promise<CommandResult>;
  getTicket(siteId: string, ticketId: string): Promise<Ticket | undefined>;
  listTickets(siteId: string, filter?: TicketFilter): Promise<Ticket[]>;
  getSession(siteId: string, sessionId: string): Promise<StaffSession | undefined>;
  listOpenSessions(siteId: string): Promise<StaffSession[]>;
  /** Durations (seconds) from start to end of the most recent served tickets of a service. */
  recentServiceSeconds(siteId: string, serviceId: string, limit: number): Promise<number[]>;
  /** Outbox events with `seq > afterSeq`, in order, at most `limit`. */
  readEvents(siteId: string, afterSeq: number, limit: number): Promise<QueueEvent[]>;
  /** Calls `wake` whenever new events for the site may have been committed. */
  watch(siteId: string, wake: () => void): () => void;
  /** Releases connections and listeners. */
  close(): Promise<void>;
}
