/**
 * Model-based property test driver: random operation sequences run against the
 * engine on a store and against {@link QueueModel}; after every step outcomes and
 * ticket states must agree and the invariants must hold.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import {
  type CommandResult,
  createQueue,
  isAnnouncement,
  isQueueError,
  type Queue,
  type QueueStore,
  type SiteConfig,
  type Ticket,
  transitions,
} from '../src/index.js';
import { type ModelCounter, type ModelPolicy, type Outcome, QueueModel } from './model.js';

type Op =
  | { kind: 'issue'; service: number; cls: number; dt: number }
  | { kind: 'call'; counter: number; dt: number }
  | {
      kind: 'at-counter';
      action: 'recall' | 'start' | 'finish' | 'no-show' | 'park';
      counter: number;
      ticket: number;
      dt: number;
    }
  | { kind: 'transfer'; counter: number; ticket: number; to: number; dt: number }
  | { kind: 'reception'; action: 'reactivate' | 'resume' | 'cancel'; ticket: number; dt: number }
  | { kind: 'retry'; dt: number };

const dt = fc.constantFrom(0, 0, 1000, 30_000, 120_000, 400_000);

export const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('issue' as const),
      service: fc.nat(2),
      cls: fc.nat(3),
      dt,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('call' as const), counter: fc.nat(2), dt }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('at-counter' as const),
      action: fc.constantFrom('recall', 'start', 'finish', 'finish', 'no-show', 'park'),
      counter: fc.nat(2),
      // -1: the ticket the counter holds (most staff commands target it).
      ticket: fc.oneof(
        { weight: 3, arbitrary: fc.constant(-1) },
        { weight: 1, arbitrary: fc.nat(40) },
      ),
      dt,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('transfer' as const),
      counter: fc.nat(2),
      ticket: fc.nat(40),
      to: fc.nat(2),
      dt,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('reception' as const),
      action: fc.constantFrom('reactivate', 'resume', 'cancel'),
      ticket: fc.nat(40),
      dt,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retry' as const), dt }) },
);

export const policyArb: fc.Arbitrary<ModelPolicy> = fc.record({
  maxConsecutivePriority: fc.constantFrom(null, 1, 2),
  maxWaitSeconds: fc.constantFrom(null, 600),
  agingStepSeconds: fc.constantFrom(null, 300),
  maxCalls: fc.constantFrom(2, 3),
  recallCooldownSeconds: fc.constantFrom(0, 120),
  transferArrival: fc.constantFrom('keep' as const, 'reset' as const),
});

const CLASSES = ['darurat', 'rentan'];
const SERVICES = [
  { id: 's1', prefix: 'A', cap: null, weight: 0 },
  { id: 's2', prefix: 'B', cap: 4, weight: 0 },
  { id: 's3', prefix: 'C', cap: null, weight: 2 },
];
const COUNTERS: ModelCounter[] = [
  { id: 'k1', services: { s1: 0, s2: 0, s3: 0 } },
  { id: 'k2', services: { s1: 1, s2: 0 } },
  { id: 'k3', services: { s3: 0 } },
];

function siteConfig(siteId: string, policy: ModelPolicy): SiteConfig {
  return {
    id: siteId,
    name: 'model',
    timeZone: 'Asia/Jayapura',
    agencies: [{ id: 'ag', name: 'Agency' }],
    services: SERVICES.map((s) => ({
      id: s.id,
      agencyId: 'ag',
      name: s.id,
      prefix: s.prefix,
      dailyCap: s.cap,
      weight: s.weight,
    })),
    counters: COUNTERS.map((c, i) => ({
      id: c.id,
      number: i + 1,
      services: Object.entries(c.services).map(([serviceId, weight]) => ({ serviceId, weight })),
    })),
    policy: {
      ...policy,
      priorityClasses: CLASSES.map((id) => ({ id, label: { id, en: id }, groups: [] })),
    },
  };
}

/** Runs one random scenario; throws (fails the property) on any disagreement. */
export async function runScenario(
  store: QueueStore,
  siteId: string,
  policy: ModelPolicy,
  ops: Op[],
): Promise<{ steps: number; calls: number; tickets: number }> {
  let now = Date.parse('2026-11-23T00:00:00Z'); // 09:00 WIT
  const queue: Queue = createQueue({ store, clock: () => now });
  await queue.configureSite(siteConfig(siteId, policy));
  const model = new QueueModel(policy, CLASSES, SERVICES, COUNTERS);
  const sessions: string[] = [];
  for (const c of COUNTERS) {
    const { session } = await queue.openSession({ siteId, counterId: c.id, staffId: c.id });
    sessions.push(session?.id ?? '');
  }
  const ids: string[] = [];
  const seen = new Map<string, Ticket>();
  interface Performed {
    run: (key: string) => Promise<CommandResult>;
    key: string;
    result: CommandResult | null;
  }
  const history: Performed[] = [];
  let step = 0;

  const perform = async (run: (key: string) => Promise<CommandResult>, expected: Outcome) => {
    const key = `op-${step}`;
    let result: CommandResult | null = null;
    try {
      result = await run(key);
    } catch (error) {
      if (!isQueueError(error)) throw error;
      expect({ step, code: error.code }).toEqual({
        step,
        code: expected.ok ? 'ok' : expected.code,
      });
      history.push({ run, key, result: null });
      return;
    }
    expect({ step, ok: true }).toEqual({ step, ok: expected.ok });
    history.push({ run, key, result });
    if (expected.ok) {
      const t = result.ticket;
      if (expected.ticket === null) {
        expect(t).toBeNull();
      } else {
        expect(t).not.toBeNull();
        if (t && ids[expected.ticket] === undefined) ids[expected.ticket] = t.id;
        expect({ step, id: t?.id }).toEqual({ step, id: ids[expected.ticket] });
      }
    }
  };

  for (const op of ops) {
    step++;
    const idOf = (i: number, counter?: number) => {
      if (i < 0) {
        const held = model.active(COUNTERS[counter ?? 0]?.id ?? '');
        return held ? ids[held.index] : ids[ids.length - 1];
      }
      return ids[i % Math.max(1, ids.length)];
    };
    switch (op.kind) {
      case 'issue': {
        const service = SERVICES[op.service % SERVICES.length]?.id ?? 's1';
        const cls = CLASSES[op.cls] ?? null;
        await perform(
          (idempotencyKey) =>
            queue.issue({
              siteId,
              serviceId: service,
              channel: 'kiosk',
              priorityClass: cls,
              idempotencyKey,
            }),
          model.issue(service, cls, now),
        );
        break;
      }
      case 'call': {
        const counter = COUNTERS[op.counter]?.id ?? 'k1';
        const sessionId = sessions[op.counter] ?? '';
        const before = model.tickets.filter((t) => t.status === 'waiting').map((t) => ({ ...t }));
        const streak = model.streak.get(counter) ?? 0;
        const expected = model.callNext(counter, now);
        await perform(
          (idempotencyKey) => queue.callNext({ siteId, sessionId, idempotencyKey }),
          expected,
        );
        // Explicit fairness checks, independent of the model's choice.
        if (expected.ok && expected.ticket !== null) {
          const called = model.tickets[expected.ticket];
          const serves = COUNTERS[op.counter]?.services ?? {};
          const callable = before.filter((t) => t.callableAt <= now && t.serviceId in serves);
          const limit = policy.maxConsecutivePriority;
          if (limit !== null && streak >= limit && callable.some((t) => t.priorityClass === null)) {
            expect(called?.priorityClass).toBeNull();
          } else if (policy.maxWaitSeconds !== null) {
            const overdue = callable.filter(
              (t) => now - t.arrivalAt >= (policy.maxWaitSeconds ?? 0) * 1000,
            );
            if (overdue.length > 0) {
              expect(Math.min(...overdue.map((t) => t.arrivalAt))).toBe(called?.arrivalAt);
            }
          }
        }
        break;
      }
      case 'at-counter': {
        const counter = COUNTERS[op.counter]?.id ?? 'k1';
        const sessionId = sessions[op.counter] ?? '';
        const ticketId = idOf(op.ticket, op.counter);
        if (ticketId === undefined) break;
        const i = ids.indexOf(ticketId);
        const run = {
          recall: (k: string) => queue.recall({ siteId, sessionId, ticketId, idempotencyKey: k }),
          start: (k: string) =>
            queue.startServing({ siteId, sessionId, ticketId, idempotencyKey: k }),
          finish: (k: string) => queue.finish({ siteId, sessionId, ticketId, idempotencyKey: k }),
          'no-show': (k: string) =>
            queue.markNoShow({ siteId, sessionId, ticketId, idempotencyKey: k }),
          park: (k: string) => queue.park({ siteId, sessionId, ticketId, idempotencyKey: k }),
        }[op.action];
        const expected =
          op.action === 'recall'
            ? model.recall(counter, i, now)
            : op.action === 'start'
              ? model.simple(counter, i, ['called'], 'serving')
              : op.action === 'finish'
                ? model.simple(counter, i, ['serving'], 'served')
                : op.action === 'no-show'
                  ? model.simple(counter, i, ['called'], 'no-show')
                  : model.simple(counter, i, ['called', 'serving'], 'parked');
        await perform(run, expected);
        break;
      }
      case 'transfer': {
        const counter = COUNTERS[op.counter]?.id ?? 'k1';
        const sessionId = sessions[op.counter] ?? '';
        const ticketId = idOf(op.ticket, op.counter);
        if (ticketId === undefined) break;
        const to = SERVICES[op.to]?.id ?? 's1';
        await perform(
          (k) =>
            queue.transfer({ siteId, sessionId, ticketId, toServiceId: to, idempotencyKey: k }),
          model.transfer(counter, ids.indexOf(ticketId), to, now),
        );
        break;
      }
      case 'reception': {
        const ticketId = idOf(op.ticket);
        if (ticketId === undefined) break;
        const i = ids.indexOf(ticketId);
        const expected =
          op.action === 'reactivate'
            ? model.reactivate(i, now)
            : op.action === 'resume'
              ? model.resume(i, now)
              : model.cancel(i);
        await perform((k) => queue[op.action]({ siteId, ticketId, idempotencyKey: k }), expected);
        break;
      }
      case 'retry': {
        const previous = history[history.length - 1];
        if (!previous) break;
        const before = (await queue.events(siteId, 0, 100_000)).length;
        try {
          const again = await previous.run(previous.key);
          expect(again).toEqual(previous.result);
        } catch (error) {
          // A refused command is not recorded; repeating it right away is refused the same way.
          if (!isQueueError(error)) throw error;
          expect(previous.result).toBeNull();
        }
        expect((await queue.events(siteId, 0, 100_000)).length).toBe(before);
        break;
      }
    }
    now += op.dt;

    // State agrees with the model, and the invariants hold.
    const tickets = await queue.listTickets(siteId);
    expect(tickets.length).toBe(model.tickets.length);
    const byId = new Map(tickets.map((t) => [t.id, t]));
    for (const m of model.tickets) {
      const real = byId.get(ids[m.index] ?? '');
      expect({
        step,
        label: real?.label,
        status: real?.status,
        counter: real?.counterId,
        calls: real?.callCount,
      }).toEqual({
        step,
        label: m.label,
        status: m.status,
        counter: m.counterId,
        calls: m.callCount,
      });
      expect(real?.arrivalAt).toBe(m.arrivalAt);
      expect(real?.callableAt).toBe(m.callableAt);
    }
    const active = tickets.filter((t) => t.status === 'called' || t.status === 'serving');
    expect(new Set(active.map((t) => t.counterId)).size).toBe(active.length);
    const numbers = tickets
      .filter((t) => t.parentId === null)
      .map((t) => `${t.numberServiceId}/${t.serviceDay}/${t.sequence}`);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const s of SERVICES) {
      if (s.cap !== null)
        expect(
          tickets.filter((t) => t.numberServiceId === s.id && t.parentId === null).length,
        ).toBeLessThanOrEqual(s.cap);
    }
    for (const t of tickets) {
      const prev = seen.get(t.id);
      if (prev) expect(t.updatedAt).toBeGreaterThanOrEqual(prev.updatedAt);
      seen.set(t.id, t);
      if (t.calledAt !== null) expect(t.calledAt).toBeGreaterThanOrEqual(t.issuedAt);
      if (t.servingAt !== null)
        expect(t.servingAt).toBeGreaterThanOrEqual(t.calledAt ?? Number.POSITIVE_INFINITY);
      if (t.finishedAt !== null) expect(t.finishedAt).toBeGreaterThanOrEqual(t.issuedAt);
      if (t.parentId !== null) expect(t.label).toBe(byId.get(t.parentId)?.label);
    }
  }

  // The outbox: gap-free, only legal transitions, one announcement per call.
  const events = await queue.events(siteId, 0, 100_000);
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  const action: Record<string, keyof typeof transitions> = {
    'ticket.called': 'call',
    'ticket.recalled': 'recall',
    'ticket.serving': 'start',
    'ticket.served': 'finish',
    'ticket.no-show': 'no-show',
    'ticket.reactivated': 'reactivate',
    'ticket.cancelled': 'cancel',
    'ticket.transferred': 'transfer',
    'ticket.parked': 'park',
    'ticket.resumed': 'resume',
  };
  let calls = 0;
  for (const e of events) {
    if (!('ticket' in e)) continue;
    const a = action[e.type];
    if (a) {
      const rule = transitions[a];
      expect(e.from !== null && rule.from.includes(e.from)).toBe(true);
      expect(e.ticket.status).toBe(rule.to);
    }
    if (e.type === 'ticket.called' || e.type === 'ticket.recalled') calls++;
    expect(isAnnouncement(e)).toBe(e.type === 'ticket.called' || e.type === 'ticket.recalled');
  }
  expect(calls).toBe(model.tickets.reduce((n, t) => n + t.callCount, 0));
  return { steps: step, calls, tickets: model.tickets.length };
}
