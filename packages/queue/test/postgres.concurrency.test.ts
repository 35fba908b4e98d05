/**
 * Concurrency on a real PostgreSQL: 32 concurrent clients issue 10,000 tickets, then
 * 32 concurrent callers on 16 counters drain them. The load is spread over 4 sites
 * (8 callers on 4 counters per site, so callers compete for the same tickets and two
 * callers share each counter) to keep the run short on a 2-core machine. Checked:
 * every ticket called exactly once, numbers unique, the cap exact, the outbox
 * gap-free with one announcement per call, and no serialization or deadlock error
 * reaching a caller (only typed refusals such as counter-busy).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPostgresStore,
  createQueue,
  isAnnouncement,
  isQueueError,
  type Queue,
  type QueueStore,
  type SiteConfig,
} from '../src/index.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';

const SITES = 4;
const COUNTERS_PER_SITE = 4;
const CALLERS = 32;
const TICKETS = 10_000;
const CAP = 400; // per site for service kk

const siteIds = Array.from({ length: SITES }, (_, i) => `mpp-load-${i}`);

const site = (id: string): SiteConfig => ({
  id,
  name: `MPP ${id}`,
  timeZone: 'Asia/Makassar',
  agencies: [{ id: 'dukcapil', name: 'Dukcapil' }],
  services: [
    { id: 'ktp', agencyId: 'dukcapil', name: 'KTP', prefix: 'A', lastNumber: 99_999 },
    { id: 'kk', agencyId: 'dukcapil', name: 'KK', prefix: 'B', lastNumber: 99_999, dailyCap: CAP },
  ],
  counters: Array.from({ length: COUNTERS_PER_SITE }, (_, i) => ({
    id: `loket-${i + 1}`,
    number: i + 1,
    services: i === 0 ? [{ serviceId: 'kk' }] : [{ serviceId: 'ktp' }, { serviceId: 'kk' }],
  })),
  policy: { maxConsecutivePriority: 2 },
});

async function parallel(n: number, worker: (i: number) => Promise<void>): Promise<void> {
  await Promise.all(Array.from({ length: n }, (_, i) => worker(i)));
}

describe('PostgreSQL under concurrency', () => {
  let db: TestDatabase;
  let store: QueueStore;
  let queue: Queue;
  const unexpected: unknown[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(CALLERS + 2);
    store = createPostgresStore({ pool: db.pool });
    queue = createQueue({ store });
    for (const id of siteIds) await queue.configureSite(site(id));
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it(`issues ${TICKETS} tickets from ${CALLERS} clients: unique numbers, exact cap, idempotent retries`, async () => {
    let next = 0;
    let refusedCap = 0;
    // 2,100 kk requests against a cap of 4 × 400: 500 refused, 10,000 tickets issued.
    const attempts = 10_500;
    await parallel(CALLERS, async () => {
      for (let i = next++; i < attempts; i = next++) {
        const siteId = siteIds[i % SITES] ?? '';
        const serviceId = i % 5 === 0 ? 'kk' : 'ktp';
        const priorityClass = i % 7 === 0 ? 'rentan' : null;
        const command = {
          siteId,
          serviceId,
          channel: 'kiosk',
          priorityClass,
          idempotencyKey: `issue-${i}`,
        } as const;
        try {
          const first = await queue.issue(command);
          // A retried tap (e.g. after a timeout) returns the same ticket.
          if (i % 50 === 0) expect((await queue.issue(command)).ticket?.id).toBe(first.ticket?.id);
        } catch (error) {
          if (isQueueError(error, 'cap-reached')) refusedCap++;
          else unexpected.push(error);
        }
      }
    });
    expect(unexpected).toEqual([]);
    let total = 0;
    for (const siteId of siteIds) {
      const tickets = await queue.listTickets(siteId);
      total += tickets.length;
      expect(tickets.filter((t) => t.serviceId === 'kk')).toHaveLength(CAP);
      for (const service of ['ktp', 'kk']) {
        const numbers = tickets.filter((t) => t.serviceId === service).map((t) => t.sequence);
        expect(new Set(numbers).size).toBe(numbers.length);
        expect(Math.max(...numbers)).toBe(numbers.length);
      }
    }
    expect(total).toBe(attempts - refusedCap);
    expect(total).toBeGreaterThanOrEqual(TICKETS);
  });

  it(`${CALLERS} callers on ${SITES * COUNTERS_PER_SITE} counters drain the queue; each ticket called exactly once`, async () => {
    const sessions: { siteId: string; sessionId: string }[] = [];
    for (const siteId of siteIds) {
      for (let c = 1; c <= COUNTERS_PER_SITE; c++) {
        const { session } = await queue.openSession({
          siteId,
          counterId: `loket-${c}`,
          staffId: `s-${c}`,
        });
        sessions.push({ siteId, sessionId: session?.id ?? '' });
      }
    }
    const claims = new Map<string, number>();
    let busy = 0;
    await parallel(CALLERS, async (caller) => {
      const s = sessions[caller % sessions.length];
      if (!s) return;
      let idle = 0;
      while (idle < 3) {
        try {
          const { ticket } = await queue.callNext(s);
          if (!ticket) {
            idle++;
            continue;
          }
          idle = 0;
          claims.set(ticket.id, (claims.get(ticket.id) ?? 0) + 1);
          if (ticket.sequence % 2 === 0) {
            await queue.markNoShow({ ...s, ticketId: ticket.id });
          } else {
            await queue.startServing({ ...s, ticketId: ticket.id });
            await queue.finish({ ...s, ticketId: ticket.id });
          }
        } catch (error) {
          if (isQueueError(error, 'counter-busy')) {
            busy++;
            await new Promise((r) => setTimeout(r, 1));
          } else {
            unexpected.push(error);
            return;
          }
        }
      }
    });
    expect(unexpected).toEqual([]);
    let total = 0;
    for (const siteId of siteIds) {
      const tickets = await queue.listTickets(siteId);
      total += tickets.length;
      expect(tickets.filter((t) => t.status !== 'served' && t.status !== 'no-show')).toEqual([]);
      const events = await queue.events(siteId, 0, 1_000_000);
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      const announced = events.filter(isAnnouncement).map((e) => e.ticket.id);
      expect(announced.length).toBe(tickets.length);
      expect(new Set(announced).size).toBe(tickets.length);
      // Causal order per ticket in the outbox.
      const byTicket = new Map<string, string[]>();
      for (const e of events) {
        if (!('ticket' in e)) continue;
        byTicket.set(e.ticket.id, [...(byTicket.get(e.ticket.id) ?? []), e.type]);
      }
      for (const types of byTicket.values()) {
        expect([
          'ticket.issued,ticket.called,ticket.no-show',
          'ticket.issued,ticket.called,ticket.serving,ticket.served',
        ]).toContain(types.join());
      }
    }
    expect(claims.size).toBe(total);
    expect([...claims.values()].every((n) => n === 1)).toBe(true);
    expect(busy).toBeGreaterThan(0); // two callers per counter really collided
  });
});
