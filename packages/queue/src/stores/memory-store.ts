/**
 * In-memory store for tests, simulations and demos. Transactions run one at a time;
 * writes are buffered and applied only when the work succeeds, so a refusal changes
 * nothing. Waiting tickets are kept sorted per (service, class, band) group so
 * call-next looks only at group heads, like the PostgreSQL store.
 */
import type { CommandResult } from '../core/commands.js';
import { errors } from '../core/errors.js';
import type { QueueEvent } from '../core/events.js';
import type { CounterState, Site, StaffSession, Ticket } from '../core/model.js';
import { classRank, compareInGroup, rankCandidates } from '../core/ordering.js';
import type { IdempotencyClaim, QueueStore, QueueTransaction, TicketFilter } from '../store.js';
import { createWriteBuffer } from './write-buffer.js';

/** Options of {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /**
   * Keep at most this many recent events per site (older ones can no longer be
   * replayed). Default: keep all. Long simulations set it to bound memory.
   */
  readonly retainEvents?: number;
}

interface SiteData {
  site: Site;
  tickets: Map<string, Ticket>;
  /** Waiting tickets by group key, sorted by {@link compareInGroup}. */
  waiting: Map<string, Ticket[]>;
  counters: Map<string, CounterState>;
  sessions: Map<string, StaffSession>;
  events: QueueEvent[];
  /** seq of events[0] − 1. */
  eventBase: number;
  seq: number;
  numbers: Map<string, { last: number; issued: number }>;
  idempotency: Map<string, { fingerprint: string; firstSeq: number; count: number }>;
  served: Map<string, number[]>;
  watchers: Set<() => void>;
}

const groupKey = (serviceId: string, rank: number, band: string) =>
  `${serviceId}\u0000${rank}\u0000${band}`;

function insertSorted(list: Ticket[], ticket: Ticket): void {
  let lo = 0;
  let hi = list.length;
  // Most inserts are appends (FIFO arrivals): check the end first.
  const lastItem = list[hi - 1];
  if (lastItem === undefined || compareInGroup(lastItem, ticket) <= 0) {
    list.push(ticket);
    return;
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const item = list[mid];
    if (item !== undefined && compareInGroup(item, ticket) <= 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, ticket);
}

function removeSorted(list: Ticket[], ticket: Ticket): void {
  if (list[0]?.id === ticket.id) {
    list.shift();
    return;
  }
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const item = list[mid];
    if (item !== undefined && compareInGroup(item, ticket) < 0) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < list.length; i++) {
    if (list[i]?.id === ticket.id) {
      list.splice(i, 1);
      return;
    }
    const item = list[i];
    if (item !== undefined && compareInGroup(item, ticket) > 0) break;
  }
}

/** Creates an empty in-memory store. */
export function createMemoryStore(options: MemoryStoreOptions = {}): QueueStore {
  const sites = new Map<string, SiteData>();
  let issueOrder = 0;
  let tail: Promise<unknown> = Promise.resolve();
  const retain = options.retainEvents ?? Infinity;

  const data = (siteId: string): SiteData => {
    const d = sites.get(siteId);
    if (!d) throw errors.unknownSite(siteId);
    return d;
  };

  const waitingKey = (d: SiteData, t: Ticket) =>
    groupKey(t.serviceId, classRank(t.priorityClass, d.site.policy), t.band);

  const commitTicket = (d: SiteData, next: Ticket): void => {
    const prev = d.tickets.get(next.id);
    if (prev?.status === 'waiting') {
      const list = d.waiting.get(waitingKey(d, prev));
      if (list) removeSorted(list, prev);
    }
    if (next.status === 'waiting') {
      const key = waitingKey(d, next);
      let list = d.waiting.get(key);
      if (!list) {
        list = [];
        d.waiting.set(key, list);
      }
      insertSorted(list, next);
    }
    if (next.status === 'served' && prev?.status !== 'served' && next.servingAt !== null) {
      const samples = d.served.get(next.serviceId) ?? [];
      samples.push(((next.finishedAt ?? next.servingAt) - next.servingAt) / 1000);
      if (samples.length > 200) samples.splice(0, samples.length - 100);
      d.served.set(next.serviceId, samples);
    }
    d.tickets.set(next.id, next);
  };

  const replay = (d: SiteData, firstSeq: number, count: number): CommandResult =>
    resultOf(d.events.slice(firstSeq - d.eventBase - 1, firstSeq - d.eventBase - 1 + count));

  const runTransaction = async (
    siteId: string,
    claim: IdempotencyClaim | null,
    work: (tx: QueueTransaction) => Promise<void>,
  ): Promise<CommandResult> => {
    const d = data(siteId);
    if (claim) {
      const seen = d.idempotency.get(claim.key);
      if (seen) {
        if (seen.fingerprint !== claim.fingerprint) throw errors.idempotencyKeyReused(claim.key);
        return replay(d, seen.firstSeq, seen.count);
      }
    }
    const buffer = createWriteBuffer();
    const { tickets, counters, sessions, events: pending } = buffer;
    const numbers = new Map<string, { last: number; issued: number }>();
    const claimed = new Set<string>();
    const ticketNow = (id: string) => tickets.get(id) ?? d.tickets.get(id);
    const counterNow = (id: string): CounterState =>
      counters.get(id) ??
      d.counters.get(id) ?? { counterId: id, activeTicketId: null, priorityStreak: 0 };
    const tx: QueueTransaction = {
      site: d.site,
      async lockCounter(counterId) {
        if (!d.site.counters.some((c) => c.id === counterId))
          throw errors.unknownCounter(counterId);
        return counterNow(counterId);
      },
      async lockSession(sessionId) {
        const session = sessions.get(sessionId) ?? d.sessions.get(sessionId);
        if (!session) return undefined;
        return { session, counter: counterNow(session.counterId) };
      },
      async openSessionAt(counterId) {
        for (const s of [...sessions.values(), ...d.sessions.values()]) {
          const latest = sessions.get(s.id) ?? s;
          if (latest.counterId === counterId && latest.closedAt === null) return latest;
        }
        return undefined;
      },
      async lockTicket(ticketId) {
        return ticketNow(ticketId);
      },
      async allocateNumber(service, serviceDay) {
        const key = `${service.id}\u0000${serviceDay}`;
        const current = numbers.get(key) ??
          d.numbers.get(key) ?? { last: service.firstNumber - 1, issued: 0 };
        const cap = service.dailyCap ?? Infinity;
        if (current.issued >= cap || current.last + 1 > service.lastNumber) return null;
        const next = { last: current.last + 1, issued: current.issued + 1 };
        numbers.set(key, next);
        return { sequence: next.last, issueOrder: ++issueOrder };
      },
      async allocateIssueOrder() {
        return ++issueOrder;
      },
      async claimNext(ctx) {
        const heads: Ticket[] = [];
        const ranks = d.site.policy.priorityClasses.length;
        for (const serviceId of ctx.routingWeights.keys()) {
          for (let rank = 0; rank <= ranks; rank++) {
            for (const band of ['appointment', 'walk-in']) {
              const list = d.waiting.get(groupKey(serviceId, rank, band));
              if (!list) continue;
              for (const t of list) {
                const current = ticketNow(t.id);
                if (
                  current &&
                  current.status === 'waiting' &&
                  current.callableAt <= ctx.now &&
                  !claimed.has(t.id)
                ) {
                  heads.push(current);
                  break;
                }
              }
            }
          }
        }
        const best = rankCandidates(heads, ctx)[0] ?? null;
        if (best) claimed.add(best.id);
        return best;
      },
      putTicket: buffer.putTicket,
      putCounter: buffer.putCounter,
      putSession: buffer.putSession,
      emit: buffer.emit,
    };
    await work(tx);
    // Commit: nothing above touched the committed state.
    for (const t of tickets.values()) commitTicket(d, t);
    for (const c of counters.values()) d.counters.set(c.counterId, c);
    for (const s of sessions.values()) d.sessions.set(s.id, s);
    for (const [k, v] of numbers) d.numbers.set(k, v);
    const firstSeq = d.seq + 1;
    const written = pending.map((e) => ({ ...e, seq: ++d.seq }) as QueueEvent);
    d.events.push(...written);
    if (d.events.length > retain * 2) {
      const drop = d.events.length - retain;
      d.events.splice(0, drop);
      d.eventBase += drop;
    }
    if (claim) {
      d.idempotency.set(claim.key, {
        fingerprint: claim.fingerprint,
        firstSeq,
        count: written.length,
      });
    }
    if (written.length > 0) for (const w of d.watchers) queueMicrotask(w);
    return resultOf(written);
  };

  return {
    async saveSite(site) {
      const existing = sites.get(site.id);
      if (existing) {
        // Re-group waiting tickets: class ranks may have changed.
        existing.site = site;
        existing.waiting.clear();
        for (const t of existing.tickets.values())
          if (t.status === 'waiting') commitTicket(existing, t);
        return;
      }
      sites.set(site.id, {
        site,
        tickets: new Map(),
        waiting: new Map(),
        counters: new Map(),
        sessions: new Map(),
        events: [],
        eventBase: 0,
        seq: 0,
        numbers: new Map(),
        idempotency: new Map(),
        served: new Map(),
        watchers: new Set(),
      });
    },
    async loadSite(siteId) {
      return sites.get(siteId)?.site;
    },
    transaction(siteId, claim, work) {
      const run = tail.then(() => runTransaction(siteId, claim, work));
      tail = run.catch(() => undefined);
      return run;
    },
    async getTicket(siteId, ticketId) {
      return sites.get(siteId)?.tickets.get(ticketId);
    },
    async listTickets(siteId, filter: TicketFilter = {}) {
      const d = sites.get(siteId);
      if (!d) return [];
      const out: Ticket[] = [];
      for (const t of d.tickets.values()) {
        if (filter.serviceDay !== undefined && t.serviceDay !== filter.serviceDay) continue;
        if (filter.serviceId !== undefined && t.serviceId !== filter.serviceId) continue;
        if (filter.status !== undefined && t.status !== filter.status) continue;
        out.push(t);
      }
      return out.sort((a, b) => a.issueOrder - b.issueOrder);
    },
    async getSession(siteId, sessionId) {
      return sites.get(siteId)?.sessions.get(sessionId);
    },
    async listOpenSessions(siteId) {
      return [...(sites.get(siteId)?.sessions.values() ?? [])].filter((s) => s.closedAt === null);
    },
    async recentServiceSeconds(siteId, serviceId, limit) {
      return (sites.get(siteId)?.served.get(serviceId) ?? []).slice(-limit);
    },
    async readEvents(siteId, afterSeq, limit) {
      const d = sites.get(siteId);
      if (!d) return [];
      const start = Math.max(0, afterSeq - d.eventBase);
      return d.events.slice(start, start + limit);
    },
    watch(siteId, wake) {
      const d = data(siteId);
      d.watchers.add(wake);
      return () => d.watchers.delete(wake);
    },
    async close() {
      for (const d of sites.values()) d.watchers.clear();
    },
  };
}

/** Builds a command's result from the events it wrote. */
export function resultOf(events: readonly QueueEvent[]): CommandResult {
  let ticket: Ticket | null = null;
  let session: StaffSession | null = null;
  for (const e of events) {
    if ('ticket' in e) ticket = e.ticket;
    else session = e.session;
  }
  return { ticket, session, events };
}
