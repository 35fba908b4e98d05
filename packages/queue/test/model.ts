/**
 * A deliberately simple reference model of the queue for model-based tests: plain
 * arrays, brute-force selection written as successive "keep the best" filters
 * (not the engine's lexicographic key), and explicit precondition checks.
 */
import type { QueueErrorCode, TicketStatus } from '../src/index.js';

export interface ModelPolicy {
  maxConsecutivePriority: number | null;
  maxWaitSeconds: number | null;
  agingStepSeconds: number | null;
  maxCalls: number;
  recallCooldownSeconds: number;
  transferArrival: 'keep' | 'reset';
}

export interface ModelService {
  id: string;
  prefix: string;
  cap: number | null;
  weight: number;
}

export interface ModelCounter {
  id: string;
  services: Record<string, number>; // serviceId → routing weight
}

export interface ModelTicket {
  index: number;
  label: string;
  serviceId: string;
  priorityClass: string | null;
  status: TicketStatus;
  arrivalAt: number;
  callableAt: number;
  issueOrder: number;
  callCount: number;
  lastCalledAt: number | null;
  counterId: string | null;
  parent: number | null;
}

export type Outcome = { ok: true; ticket: number | null } | { ok: false; code: QueueErrorCode };

const refuse = (code: QueueErrorCode): Outcome => ({ ok: false, code });

export class QueueModel {
  tickets: ModelTicket[] = [];
  streak = new Map<string, number>();
  numbers = new Map<string, number>();
  private order = 0;

  constructor(
    readonly policy: ModelPolicy,
    readonly classes: string[],
    readonly services: ModelService[],
    readonly counters: ModelCounter[],
  ) {}

  private rank(t: ModelTicket): number {
    return t.priorityClass === null ? this.classes.length : this.classes.indexOf(t.priorityClass);
  }

  active(counterId: string): ModelTicket | undefined {
    return this.tickets.find(
      (t) => t.counterId === counterId && (t.status === 'called' || t.status === 'serving'),
    );
  }

  issue(serviceId: string, priorityClass: string | null, now: number): Outcome {
    const service = this.services.find((s) => s.id === serviceId);
    if (!service) return refuse('unknown-service');
    const used = this.numbers.get(serviceId) ?? 0;
    if (service.cap !== null && used >= service.cap) return refuse('cap-reached');
    this.numbers.set(serviceId, used + 1);
    const index = this.tickets.length;
    this.tickets.push({
      index,
      label: `${service.prefix}-${String(used + 1).padStart(3, '0')}`,
      serviceId,
      priorityClass,
      status: 'waiting',
      arrivalAt: now,
      callableAt: now,
      issueOrder: ++this.order,
      callCount: 0,
      lastCalledAt: null,
      counterId: null,
      parent: null,
    });
    return { ok: true, ticket: index };
  }

  /** The ticket the engine must call, by the rules in the README, applied one by one. */
  choose(counterId: string, now: number): ModelTicket | undefined {
    const counter = this.counters.find((c) => c.id === counterId);
    if (!counter) return undefined;
    let pool = this.tickets.filter(
      (t) => t.status === 'waiting' && t.callableAt <= now && t.serviceId in counter.services,
    );
    const keepBest = (score: (t: ModelTicket) => number) => {
      const best = Math.min(...pool.map(score));
      pool = pool.filter((t) => score(t) === best);
    };
    const p = this.policy;
    if (
      p.maxConsecutivePriority !== null &&
      (this.streak.get(counterId) ?? 0) >= p.maxConsecutivePriority &&
      pool.some((t) => t.priorityClass === null)
    ) {
      pool = pool.filter((t) => t.priorityClass === null);
    }
    const maxWait = p.maxWaitSeconds;
    const overdue = pool.filter((t) => maxWait !== null && now - t.arrivalAt >= maxWait * 1000);
    if (overdue.length > 0) {
      pool = overdue;
      keepBest((t) => t.arrivalAt);
    }
    keepBest((t) => -(counter.services[t.serviceId] ?? 0));
    keepBest((t) => {
      const step = p.agingStepSeconds;
      const r = this.rank(t);
      return step === null
        ? r
        : Math.max(0, r - Math.floor(Math.max(0, now - t.arrivalAt) / (step * 1000)));
    });
    keepBest((t) => -(this.services.find((s) => s.id === t.serviceId)?.weight ?? 0));
    keepBest((t) => t.arrivalAt);
    keepBest((t) => t.issueOrder);
    return pool[0];
  }

  callNext(counterId: string, now: number): Outcome {
    if (this.active(counterId)) return refuse('counter-busy');
    const t = this.choose(counterId, now);
    if (!t) return { ok: true, ticket: null };
    t.status = 'called';
    t.counterId = counterId;
    t.callCount++;
    t.lastCalledAt = now;
    this.streak.set(
      counterId,
      t.priorityClass === null ? 0 : (this.streak.get(counterId) ?? 0) + 1,
    );
    return { ok: true, ticket: t.index };
  }

  private atCounter(t: ModelTicket, counterId: string, from: TicketStatus[]): Outcome | null {
    if (!from.includes(t.status)) return refuse('illegal-transition');
    if (t.counterId !== counterId) return refuse('ticket-not-at-counter');
    return null;
  }

  recall(counterId: string, i: number, now: number): Outcome {
    const t = this.tickets[i];
    if (!t) return refuse('unknown-ticket');
    const bad = this.atCounter(t, counterId, ['called']);
    if (bad) return bad;
    if (t.callCount >= this.policy.maxCalls) return refuse('max-calls-reached');
    t.callCount++;
    t.lastCalledAt = now;
    return { ok: true, ticket: i };
  }

  simple(counterId: string, i: number, from: TicketStatus[], to: TicketStatus): Outcome {
    const t = this.tickets[i];
    if (!t) return refuse('unknown-ticket');
    const bad = this.atCounter(t, counterId, from);
    if (bad) return bad;
    t.status = to;
    if (to === 'parked') t.counterId = null;
    return { ok: true, ticket: i };
  }

  transfer(counterId: string, i: number, toServiceId: string, now: number): Outcome {
    const t = this.tickets[i];
    if (!t) return refuse('unknown-ticket');
    const bad = this.atCounter(t, counterId, ['serving']);
    if (bad) return bad;
    t.status = 'transferred';
    const index = this.tickets.length;
    this.tickets.push({
      ...t,
      index,
      serviceId: toServiceId,
      status: 'waiting',
      arrivalAt: this.policy.transferArrival === 'keep' ? t.arrivalAt : now,
      callableAt: now,
      issueOrder: ++this.order,
      callCount: 0,
      lastCalledAt: null,
      counterId: null,
      parent: i,
    });
    return { ok: true, ticket: index };
  }

  reactivate(i: number, now: number): Outcome {
    const t = this.tickets[i];
    if (!t) return refuse('unknown-ticket');
    if (t.status !== 'no-show') return refuse('illegal-transition');
    if (t.callCount >= this.policy.maxCalls) return refuse('max-calls-reached');
    t.status = 'waiting';
    t.counterId = null;
    t.callableAt = Math.max(
      now,
      (t.lastCalledAt ?? now) + this.policy.recallCooldownSeconds * 1000,
    );
    return { ok: true, ticket: i };
  }

  resume(i: number, now: number): Outcome {
    const t = this.tickets[i];
    if (!t) return refuse('unknown-ticket');
    if (t.status !== 'parked') return refuse('illegal-transition');
    t.status = 'waiting';
    t.callableAt = now;
    return { ok: true, ticket: i };
  }

  cancel(i: number): Outcome {
    const t = this.tickets[i];
    if (!t) return refuse('unknown-ticket');
    if (t.status !== 'waiting') return refuse('illegal-transition');
    t.status = 'cancelled';
    return { ok: true, ticket: i };
  }
}
