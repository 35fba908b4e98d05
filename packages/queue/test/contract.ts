/**
 * The store contract: every behaviour the engine promises, run against each store
 * (`memory.contract.test.ts`, `postgres.contract.test.ts`) with the same expectations,
 * so both stores give the same results and the same order.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createQueue,
  isAnnouncement,
  isQueueError,
  type Queue,
  type QueueErrorCode,
  type QueueEvent,
  type QueueStore,
  type SiteConfig,
} from '../src/index.js';
import { fakeClock, jakarta } from './fixtures.js';

export interface StoreFactory {
  /** A fresh, empty store. */
  create(): Promise<QueueStore>;
  /** Called once after all tests. */
  dispose(): Promise<void>;
}

const SITE = 'mpp-jakarta';
const MIN = 60_000;

async function refused(p: Promise<unknown>, code: QueueErrorCode): Promise<void> {
  await expect(p).rejects.toSatisfy(
    (e: unknown) => isQueueError(e, code) && /\/ /.test(String((e as Error).message)),
  );
}

export function storeContract(name: string, factory: StoreFactory): void {
  describe(`store contract: ${name}`, () => {
    let queue: Queue;
    let clock: ReturnType<typeof fakeClock>;
    let store: QueueStore;
    const stores: QueueStore[] = [];

    const configure = async (config: SiteConfig = jakarta) => {
      await queue.configureSite(config);
    };
    const open = async (counterId: string, serviceWeights?: Record<string, number>) => {
      const { session } = await queue.openSession({
        siteId: SITE,
        counterId,
        staffId: `staff-${counterId}`,
        serviceWeights,
      });
      return session?.id ?? '';
    };
    const issue = async (serviceId: string, priorityClass: string | null = null) =>
      (await queue.issue({ siteId: SITE, serviceId, channel: 'kiosk', priorityClass })).ticket
        ?.id ?? '';
    /** Calls and immediately serves, returning the label called (or null). */
    const callServe = async (sessionId: string): Promise<string | null> => {
      const { ticket } = await queue.callNext({ siteId: SITE, sessionId });
      if (!ticket) return null;
      await queue.startServing({ siteId: SITE, sessionId, ticketId: ticket.id });
      await queue.finish({ siteId: SITE, sessionId, ticketId: ticket.id });
      return ticket.label;
    };
    const allEvents = () => queue.events(SITE, 0, 100_000);

    beforeEach(async () => {
      clock = fakeClock();
      store = await factory.create();
      stores.push(store);
      queue = createQueue({ store, clock: clock.now });
    });
    afterAll(async () => {
      for (const s of stores) await s.close();
      await factory.dispose();
    });

    it('numbers per service per service day and refuses past the daily cap atomically', async () => {
      await configure({
        ...jakarta,
        services: jakarta.services.map((s) => (s.id === 'kk' ? { ...s, dailyCap: 2 } : s)),
      });
      const labels: string[] = [];
      for (const s of ['ktp', 'kk', 'ktp', 'kk', 'npwp']) {
        labels.push(
          (await queue.issue({ siteId: SITE, serviceId: s, channel: 'kiosk' })).ticket?.label ?? '',
        );
      }
      expect(labels).toEqual(['A-001', 'B-001', 'A-002', 'B-002', 'C-001']);
      const before = await allEvents();
      await refused(
        queue.issue({ siteId: SITE, serviceId: 'kk', channel: 'kiosk' }),
        'cap-reached',
      );
      expect(await allEvents()).toEqual(before);
    });

    it('calls FIFO within a class, priority classes first, and interleaves normal tickets', async () => {
      await configure({ ...jakarta, policy: { maxConsecutivePriority: 2, maxWaitSeconds: null } });
      const s = await open('loket-2');
      for (const p of [null, 'rentan', 'rentan', null, 'rentan', 'rentan', 'rentan']) {
        await issue('ktp', p);
        clock.advance(1000);
      }
      const order: string[] = [];
      for (let i = 0; i < 7; i++) order.push((await callServe(s)) ?? '-');
      // Priority; then the oldest normal A-001; normal A-004; A-007.
      expect(order).toEqual(['A-002', 'A-003', 'A-001', 'A-005', 'A-006', 'A-004', 'A-007']);
      expect(await callServe(s)).toBeNull();
    });

    it('max-wait override calls an overdue normal ticket before newer priority ones', async () => {
      await configure({
        ...jakarta,
        policy: { maxConsecutivePriority: null, maxWaitSeconds: 600 },
      });
      const s = await open('loket-2');
      await issue('ktp');
      clock.advance(5 * MIN);
      await issue('ktp', 'rentan');
      await issue('ktp', 'rentan');
      expect(await callServe(s)).toBe('A-002');
      clock.advance(6 * MIN);
      expect(await callServe(s)).toBe('A-001');
      expect(await callServe(s)).toBe('A-003');
    });

    it('aging raises a long-waiting normal ticket to the priority class (then FIFO)', async () => {
      await configure({
        ...jakarta,
        policy: { maxConsecutivePriority: null, maxWaitSeconds: null, agingStepSeconds: 300 },
      });
      const s = await open('loket-2');
      await issue('ktp');
      clock.advance(2 * MIN);
      await issue('ktp', 'rentan');
      expect(await callServe(s)).toBe('A-002');
      await issue('ktp', 'rentan');
      clock.advance(4 * MIN);
      expect(await callServe(s)).toBe('A-001');
    });

    it('routes by counter and staff weights, then service weight', async () => {
      await configure({
        ...jakarta,
        services: jakarta.services.map((s) => (s.id === 'kk' ? { ...s, weight: 5 } : s)),
        counters: [
          { id: 'loket-1', number: 1, services: [{ serviceId: 'ktp' }, { serviceId: 'kk' }] },
          {
            id: 'loket-2',
            number: 2,
            services: [{ serviceId: 'ktp', weight: 1 }, { serviceId: 'kk' }],
          },
          { id: 'loket-3', number: 3, services: [{ serviceId: 'npwp' }] },
        ],
      });
      await issue('ktp');
      await issue('kk');
      await issue('ktp');
      await issue('kk');
      const s1 = await open('loket-1');
      const s2 = await open('loket-2');
      expect(await callServe(s1)).toBe('B-001'); // service weight 5
      expect(await callServe(s2)).toBe('A-001'); // counter weight for ktp
      await queue.closeSession({ siteId: SITE, sessionId: s2 });
      const s2b = await open('loket-2', { kk: 3 }); // staff weight replaces the counter's
      expect(await callServe(s2b)).toBe('B-002');
      expect(await callServe(s1)).toBe('A-002');
    });

    it('blends appointments: never before slot − call-ahead, then ahead of walk-ins; late ones demoted', async () => {
      await configure();
      const s = await open('loket-2');
      const slot = clock.now() + 30 * MIN;
      const appt = await queue.issue({
        siteId: SITE,
        serviceId: 'ktp',
        channel: 'online',
        appointment: { bookingId: 'bk-1', slotAt: slot },
      });
      expect(appt.ticket?.band).toBe('appointment');
      await issue('ktp');
      expect(await callServe(s)).toBe('A-002');
      expect(await callServe(s)).toBeNull();
      clock.set(slot - 2 * MIN);
      await issue('ktp');
      expect(await callServe(s)).toBe('A-001');
      await refused(
        queue.issue({
          siteId: SITE,
          serviceId: 'ktp',
          channel: 'online',
          appointment: { bookingId: 'bk-2', slotAt: slot + 3 * 3600_000 },
        }),
        'check-in-too-early',
      );
      const late = await queue.issue({
        siteId: SITE,
        serviceId: 'ktp',
        channel: 'online',
        appointment: { bookingId: 'bk-3', slotAt: clock.now() - 20 * MIN },
      });
      expect(late.ticket?.band).toBe('walk-in');
      expect(await callServe(s)).toBe('A-003');
      expect(await callServe(s)).toBe('A-004');
    });

    it('recall, no-show, reactivation with cooldown and max calls', async () => {
      await configure({ ...jakarta, policy: { maxCalls: 3, recallCooldownSeconds: 300 } });
      const s = await open('loket-2');
      const id = await issue('ktp');
      await issue('ktp');
      const first = await queue.callNext({ siteId: SITE, sessionId: s });
      expect(first.ticket?.id).toBe(id);
      clock.advance(MIN);
      const again = await queue.recall({ siteId: SITE, sessionId: s, ticketId: id });
      expect(again.events).toHaveLength(1);
      expect(
        again.events[0] &&
          isAnnouncement(again.events[0]) &&
          again.events[0].announcement.callCount,
      ).toBe(2);
      await queue.markNoShow({ siteId: SITE, sessionId: s, ticketId: id });
      const re = await queue.reactivate({ siteId: SITE, ticketId: id });
      expect(re.ticket?.status).toBe('waiting');
      // Cooldown: the other ticket is called first, then nothing until 5 minutes after the last call.
      expect(await callServe(s)).toBe('A-002');
      expect(await callServe(s)).toBeNull();
      clock.advance(5 * MIN);
      const third = await queue.callNext({ siteId: SITE, sessionId: s });
      expect(third.ticket?.callCount).toBe(3);
      await refused(
        queue.recall({ siteId: SITE, sessionId: s, ticketId: id }),
        'max-calls-reached',
      );
      await queue.markNoShow({ siteId: SITE, sessionId: s, ticketId: id });
      await refused(queue.reactivate({ siteId: SITE, ticketId: id }), 'max-calls-reached');
    });

    it('park and resume keep the place; cancel only while waiting', async () => {
      await configure();
      const s = await open('loket-2');
      const a = await issue('ktp');
      clock.advance(1000);
      const b = await issue('ktp');
      await queue.callNext({ siteId: SITE, sessionId: s });
      await queue.park({ siteId: SITE, sessionId: s, ticketId: a });
      await queue.resume({ siteId: SITE, ticketId: a });
      expect(await callServe(s)).toBe('A-001');
      await refused(queue.cancel({ siteId: SITE, ticketId: a }), 'illegal-transition');
      const c = await queue.cancel({ siteId: SITE, ticketId: b });
      expect(c.ticket?.status).toBe('cancelled');
      expect(await callServe(s)).toBeNull();
    });

    it('transfers keep the label and lineage; arrival kept or reset by policy', async () => {
      await configure({ ...jakarta, policy: { transferArrival: 'keep' } });
      const s1 = await open('loket-1');
      const s3 = await open('loket-3');
      const a = await issue('ktp');
      clock.advance(10 * MIN);
      await issue('npwp');
      await queue.callNext({ siteId: SITE, sessionId: s1 });
      await queue.startServing({ siteId: SITE, sessionId: s1, ticketId: a });
      clock.advance(MIN);
      const t = await queue.transfer({
        siteId: SITE,
        sessionId: s1,
        ticketId: a,
        toServiceId: 'npwp',
      });
      expect(t.events.map((e) => e.type)).toEqual(['ticket.transferred', 'ticket.issued']);
      const child = t.ticket;
      expect(child).toMatchObject({
        label: 'A-001',
        parentId: a,
        rootId: a,
        serviceId: 'npwp',
        agencyId: 'pajak',
      });
      expect(child?.arrivalAt).toBe((await queue.getTicket(SITE, a)).arrivalAt);
      expect((await queue.getTicket(SITE, a)).status).toBe('transferred');
      expect(await callServe(s3)).toBe('A-001'); // kept its arrival: ahead of C-001
      const b = await issue('ktp');
      await queue.callNext({ siteId: SITE, sessionId: s1 });
      await queue.startServing({ siteId: SITE, sessionId: s1, ticketId: b });
      const r = await queue.transfer({
        siteId: SITE,
        sessionId: s1,
        ticketId: b,
        toServiceId: 'npwp',
        arrival: 'reset',
      });
      expect(r.ticket?.arrivalAt).toBe(clock.now());
      expect(await callServe(s3)).toBe('C-001');
    });

    it('refuses illegal commands with typed errors and writes nothing', async () => {
      await configure();
      const s1 = await open('loket-1');
      const s3 = await open('loket-3');
      const a = await issue('ktp');
      const before = await allEvents();
      await refused(
        queue.startServing({ siteId: SITE, sessionId: s1, ticketId: a }),
        'illegal-transition',
      );
      await refused(
        queue.finish({ siteId: SITE, sessionId: s1, ticketId: a }),
        'illegal-transition',
      );
      await refused(
        queue.cancel({ siteId: SITE, ticketId: '7d4f0c9e-1111-4222-8333-944455556666' }),
        'unknown-ticket',
      );
      await refused(queue.cancel({ siteId: SITE, ticketId: 'not-a-uuid' }), 'unknown-ticket');
      await refused(
        queue.issue({ siteId: SITE, serviceId: 'nope', channel: 'kiosk' }),
        'unknown-service',
      );
      await refused(
        queue.issue({ siteId: 'nowhere', serviceId: 'ktp', channel: 'kiosk' }),
        'unknown-site',
      );
      await refused(
        queue.issue({ siteId: SITE, serviceId: 'ktp', channel: 'kiosk', priorityClass: 'vip' }),
        'unknown-priority-class',
      );
      await refused(
        queue.openSession({ siteId: SITE, counterId: 'loket-1', staffId: 'x' }),
        'counter-occupied',
      );
      await refused(
        queue.openSession({
          siteId: SITE,
          counterId: 'loket-2',
          staffId: 'x',
          serviceWeights: { npwp: 1 },
        }),
        'counter-not-serving-service',
      );
      expect((await queue.callNext({ siteId: SITE, sessionId: s3 })).ticket).toBeNull(); // loket-3 serves npwp only
      await queue.callNext({ siteId: SITE, sessionId: s1 });
      const mid = await allEvents();
      await refused(queue.callNext({ siteId: SITE, sessionId: s1 }), 'counter-busy');
      await refused(
        queue.startServing({ siteId: SITE, sessionId: s3, ticketId: a }),
        'ticket-not-at-counter',
      );
      await refused(queue.closeSession({ siteId: SITE, sessionId: s1 }), 'counter-busy');
      expect(await allEvents()).toEqual(mid);
      expect(mid.length).toBe(before.length + 1);
      await queue.closeSession({ siteId: SITE, sessionId: s3 });
      await refused(queue.callNext({ siteId: SITE, sessionId: s3 }), 'session-closed');
    });

    it('call-nexts sent at the same moment get what separate calls would', async () => {
      // The PostgreSQL store sends these as one batch (decision 0036); the memory store
      // runs them one after another. Each caller gets its own result or refusal.
      await configure();
      const s1 = await open('loket-1');
      const s2 = await open('loket-2');
      const s3 = await open('loket-3');
      await queue.closeSession({ siteId: SITE, sessionId: s3 });
      const issued = [await issue('ktp'), await issue('ktp'), await issue('kk')];
      const before = await allEvents();
      clock.advance(MIN);
      const [a, b, c, d, e, f] = await Promise.allSettled([
        queue.callNext({ siteId: SITE, sessionId: s1 }),
        queue.callNext({ siteId: SITE, sessionId: s1 }),
        queue.callNext({ siteId: SITE, sessionId: s2, idempotencyKey: 'k-1' }),
        queue.callNext({ siteId: SITE, sessionId: s2, idempotencyKey: 'k-1' }),
        queue.callNext({ siteId: SITE, sessionId: s3 }),
        // Same counter as the keyed call above, likely in the same batch: busy.
        queue.callNext({ siteId: SITE, sessionId: s2 }),
      ]);
      const atOne = [a, b].filter((r) => r.status === 'fulfilled');
      expect(atOne).toHaveLength(1);
      const busy = [a, b].find((r) => r.status === 'rejected');
      expect(isQueueError(busy?.reason, 'counter-busy')).toBe(true);
      expect(c.status === 'fulfilled' && d.status === 'fulfilled').toBe(true);
      const atTwo = c.status === 'fulfilled' ? c.value.ticket : null;
      expect(d.status === 'fulfilled' ? d.value.ticket?.id : null).toBe(atTwo?.id);
      expect(e.status === 'rejected' && isQueueError(e.reason, 'session-closed')).toBe(true);
      expect(f.status === 'rejected' && isQueueError(f.reason, 'counter-busy')).toBe(true);
      expect(f.status === 'rejected' && f.reason.details).toMatchObject({
        counterId: 'loket-2',
        ticketId: c.status === 'fulfilled' ? c.value.ticket?.id : '',
      });
      const first = atOne[0]?.status === 'fulfilled' ? atOne[0].value.ticket : null;
      expect(first?.counterId).toBe('loket-1');
      expect(atTwo?.counterId).toBe('loket-2');
      expect(new Set([first?.id, atTwo?.id]).size).toBe(2);
      for (const id of [first?.id, atTwo?.id]) expect(issued).toContain(id);
      const after = (await allEvents()).slice(before.length);
      expect(after.map((x) => x.type)).toEqual(['ticket.called', 'ticket.called']);
      expect(after.map((x) => x.seq)).toEqual([before.length + 1, before.length + 2]);
    });

    it('calls a specific ticket (queue jump) only at a counter serving its service', async () => {
      await configure();
      const s1 = await open('loket-1');
      const s3 = await open('loket-3');
      await issue('ktp');
      const b = await issue('kk');
      const before = await allEvents();
      await refused(
        queue.callTicket({ siteId: SITE, sessionId: s3, ticketId: b }),
        'counter-not-serving-service',
      );
      expect(await allEvents()).toEqual(before);
      const jumped = await queue.callTicket({ siteId: SITE, sessionId: s1, ticketId: b });
      expect(jumped.ticket?.label).toBe('B-001');
      expect(jumped.events[0] && isAnnouncement(jumped.events[0])).toBe(true);
      await refused(queue.callTicket({ siteId: SITE, sessionId: s1, ticketId: b }), 'counter-busy');
      await queue.markNoShow({ siteId: SITE, sessionId: s1, ticketId: b });
      await refused(
        queue.callTicket({ siteId: SITE, sessionId: s1, ticketId: b }),
        'illegal-transition',
      );
      expect(await callServe(s1)).toBe('A-001');
    });

    it('idempotency keys: retries return the first result and write nothing', async () => {
      await configure();
      const s = await open('loket-2');
      const cmd = {
        siteId: SITE,
        serviceId: 'ktp',
        channel: 'kiosk',
        idempotencyKey: 'tap-1',
      } as const;
      const one = await queue.issue(cmd);
      const two = await queue.issue(cmd);
      expect(two).toEqual(one);
      await issue('ktp');
      const c1 = await queue.callNext({ siteId: SITE, sessionId: s, idempotencyKey: 'call-1' });
      const c2 = await queue.callNext({ siteId: SITE, sessionId: s, idempotencyKey: 'call-1' });
      expect(c2).toEqual(c1);
      const f = {
        siteId: SITE,
        sessionId: s,
        ticketId: c1.ticket?.id ?? '',
        idempotencyKey: 'start-1',
      };
      expect(await queue.startServing(f)).toEqual(await queue.startServing(f));
      await refused(queue.issue({ ...cmd, serviceId: 'kk' }), 'idempotency-key-reused');
      // Nested fields count too: another appointment under the same key is another command.
      const slotAt = clock.now() + 10 * MIN;
      const booking = {
        siteId: SITE,
        serviceId: 'ktp',
        channel: 'online',
        idempotencyKey: 'bk',
      } as const;
      await queue.issue({ ...booking, appointment: { bookingId: 'b-1', slotAt } });
      await refused(
        queue.issue({ ...booking, appointment: { bookingId: 'b-2', slotAt } }),
        'idempotency-key-reused',
      );
      const events = await allEvents();
      expect(events.filter((e) => e.type === 'ticket.issued')).toHaveLength(3);
      expect(events.filter(isAnnouncement)).toHaveLength(1);
    });

    it('outbox: gap-free sequence, replay after a given seq, live subscription in order', async () => {
      await configure();
      const s = await open('loket-2');
      const live: QueueEvent[] = [];
      const stop = queue.subscribe(SITE, (e) => live.push(e), { afterSeq: 1 });
      for (let i = 0; i < 5; i++) await issue('ktp');
      for (let i = 0; i < 5; i++) await callServe(s);
      const all = await allEvents();
      expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
      expect(all.filter(isAnnouncement).map((e) => e.announcement.label)).toEqual([
        'A-001',
        'A-002',
        'A-003',
        'A-004',
        'A-005',
      ]);
      expect((await queue.events(SITE, 10, 3)).map((e) => e.seq)).toEqual([11, 12, 13]);
      // Delivery is asynchronous; a busy CI machine can take seconds, so wait up to 15 s.
      for (let i = 0; i < 750 && live.length < all.length - 1; i++)
        await new Promise((r) => setTimeout(r, 20));
      stop();
      expect(live).toEqual(all.slice(1));
    });

    it('estimates a waiting range and computes indicators', async () => {
      await configure();
      const s = await open('loket-2');
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) ids.push(await issue('ktp'));
      const first = await queue.estimateWait(SITE, ids[3] ?? '');
      expect(first.position).toBe(3);
      expect(first.minSeconds).toBeLessThanOrEqual(first.maxSeconds);
      expect(first.minSeconds).toBeGreaterThanOrEqual(0);
      const { ticket } = await queue.callNext({ siteId: SITE, sessionId: s });
      await queue.startServing({ siteId: SITE, sessionId: s, ticketId: ticket?.id ?? '' });
      clock.advance(4 * MIN);
      await queue.finish({ siteId: SITE, sessionId: s, ticketId: ticket?.id ?? '' });
      const later = await queue.estimateWait(SITE, ids[3] ?? '');
      expect(later.position).toBe(2);
      expect(later.serviceSeconds).toBe(240);
      expect(later.maxSeconds).toBeLessThanOrEqual(first.maxSeconds);
      await queue.cancel({ siteId: SITE, ticketId: ids[3] ?? '' });
      const called = await queue.callNext({ siteId: SITE, sessionId: s });
      await queue.markNoShow({ siteId: SITE, sessionId: s, ticketId: called.ticket?.id ?? '' });
      const ind = await queue.indicators(SITE);
      expect(ind).toMatchObject({
        issued: 4,
        called: 2,
        served: 1,
        noShows: 1,
        cancelled: 1,
        waiting: 1,
      });
      expect(ind.noShowRate).toBe(0.5);
      expect(ind.abandonmentRate).toBe(0.25);
      expect(ind.serviceLevel).toBe(1);
    });
  });
}
