import { describe, expect, it } from 'vitest';
import {
  createMemoryStore,
  createQueue,
  isAnnouncement,
  isQueueError,
  type QueueEvent,
} from '../src/index.js';
import { fakeClock, jakarta } from './fixtures.js';

async function setup() {
  const clock = fakeClock();
  const queue = createQueue({ store: createMemoryStore(), clock: clock.now });
  await queue.configureSite(jakarta);
  const { session } = await queue.openSession({
    siteId: 'mpp-jakarta',
    counterId: 'loket-1',
    staffId: 'budi',
  });
  if (!session) throw new Error('no session');
  return { queue, clock, sessionId: session.id };
}

describe('engine on the in-memory store', () => {
  it('issues, calls, serves and numbers per service', async () => {
    const { queue, clock, sessionId } = await setup();
    const a1 = await queue.issue({ siteId: 'mpp-jakarta', serviceId: 'ktp', channel: 'kiosk' });
    const b1 = await queue.issue({ siteId: 'mpp-jakarta', serviceId: 'kk', channel: 'kiosk' });
    const a2 = await queue.issue({ siteId: 'mpp-jakarta', serviceId: 'ktp', channel: 'reception' });
    expect([a1.ticket?.label, b1.ticket?.label, a2.ticket?.label]).toEqual([
      'A-001',
      'B-001',
      'A-002',
    ]);
    clock.advance(1000);
    const called = await queue.callNext({ siteId: 'mpp-jakarta', sessionId });
    expect(called.ticket?.label).toBe('A-001');
    expect(called.events).toHaveLength(1);
    expect(called.events[0] && isAnnouncement(called.events[0])).toBe(true);
    const id = called.ticket?.id ?? '';
    await queue.startServing({ siteId: 'mpp-jakarta', sessionId, ticketId: id });
    clock.advance(60_000);
    const served = await queue.finish({ siteId: 'mpp-jakarta', sessionId, ticketId: id });
    expect(served.ticket?.status).toBe('served');
    const next = await queue.callNext({ siteId: 'mpp-jakarta', sessionId });
    expect(next.ticket?.label).toBe('B-001');
  });

  it('refuses illegal commands with typed bilingual errors and changes nothing', async () => {
    const { queue, sessionId } = await setup();
    const { ticket } = await queue.issue({
      siteId: 'mpp-jakarta',
      serviceId: 'ktp',
      channel: 'kiosk',
    });
    const before = await queue.events('mpp-jakarta');
    const attempt = queue.finish({ siteId: 'mpp-jakarta', sessionId, ticketId: ticket?.id ?? '' });
    await expect(attempt).rejects.toSatisfy((e) => isQueueError(e, 'illegal-transition'));
    await expect(queue.cancel({ siteId: 'mpp-jakarta', ticketId: 'nope' })).rejects.toThrow(
      /tidak dikenal \/ Unknown/,
    );
    expect(await queue.events('mpp-jakarta')).toEqual(before);
  });

  it('delivers every event to a subscriber and replays after a given seq', async () => {
    const { queue, sessionId } = await setup();
    const seen: QueueEvent[] = [];
    const stop = queue.subscribe('mpp-jakarta', (e) => seen.push(e));
    await queue.issue({ siteId: 'mpp-jakarta', serviceId: 'ktp', channel: 'kiosk' });
    await queue.callNext({ siteId: 'mpp-jakarta', sessionId });
    await new Promise((r) => setTimeout(r, 10));
    stop();
    expect(seen.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect((await queue.events('mpp-jakarta', 2)).map((e) => e.type)).toEqual(['ticket.called']);
  });
});
