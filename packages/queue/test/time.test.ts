/**
 * Service days in the three Indonesian zones: numbering restarts at local midnight
 * (not UTC midnight), opening hours are local, and a ticket issued before midnight
 * and called after it keeps its service day. Run on both stores.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  createMemoryStore,
  createPostgresStore,
  createQueue,
  type IndonesianTimeZone,
  isQueueError,
  type QueueStore,
  type SiteConfig,
  serviceDayOf,
  serviceDayStart,
} from '../src/index.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';

const zones: [IndonesianTimeZone, string, number][] = [
  ['Asia/Jakarta', 'WIB', 7],
  ['Asia/Makassar', 'WITA', 8],
  ['Asia/Jayapura', 'WIT', 9],
];

const site = (id: string, timeZone: IndonesianTimeZone): SiteConfig => ({
  id,
  name: id,
  timeZone,
  agencies: [{ id: 'ag', name: 'Agency' }],
  services: [
    { id: 'ktp', agencyId: 'ag', name: 'KTP', prefix: 'A' },
    {
      id: 'siang',
      agencyId: 'ag',
      name: 'Day service',
      prefix: 'S',
      openingHours: { open: '07:30', close: '16:00' },
    },
  ],
  counters: [{ id: 'loket-1', number: 1, services: [{ serviceId: 'ktp' }] }],
});

describe('service-day arithmetic', () => {
  it.each(zones)('%s (%s): the day flips at local midnight', (zone, _abbr, offset) => {
    const midnightUtc = Date.parse('2026-11-24T00:00:00Z') - offset * 3600_000;
    expect(serviceDayOf(midnightUtc - 1, zone)).toBe('2026-11-23');
    expect(serviceDayOf(midnightUtc, zone)).toBe('2026-11-24');
    expect(serviceDayStart('2026-11-24', zone)).toBe(midnightUtc);
  });
});

let db: TestDatabase | undefined;
const stores: QueueStore[] = [];
afterAll(async () => {
  for (const s of stores) await s.close();
  await db?.drop();
});

const factories: [string, () => Promise<QueueStore>][] = [
  ['in-memory', async () => createMemoryStore()],
  [
    'PostgreSQL',
    async () => {
      db ??= await createTestDatabase(4);
      return createPostgresStore({ pool: db.pool, siteCacheMs: 0 });
    },
  ],
];

describe.each(factories)('service days on the %s store', (_name, makeStore) => {
  it.each(zones)(
    '%s (%s): numbering restarts at local midnight; a call straddling midnight',
    async (zone, abbr, offset) => {
      const store = await makeStore();
      stores.push(store);
      const midnight = Date.parse('2026-11-24T00:00:00Z') - offset * 3600_000;
      let now = midnight - 3 * 60_000; // 23:57 local
      const queue = createQueue({ store, clock: () => now });
      const siteId = `${_name}-${abbr}`.toLowerCase();
      await queue.configureSite(site(siteId, zone));
      const { session } = await queue.openSession({ siteId, counterId: 'loket-1', staffId: 'x' });
      const sessionId = session?.id ?? '';
      const a1 = (await queue.issue({ siteId, serviceId: 'ktp', channel: 'kiosk' })).ticket;
      now += 60_000;
      const a2 = (await queue.issue({ siteId, serviceId: 'ktp', channel: 'kiosk' })).ticket;
      expect([a1?.label, a2?.label, a2?.serviceDay]).toEqual(['A-001', 'A-002', '2026-11-23']);

      // The first ticket is called at 23:59:30 and served across midnight.
      now = midnight - 30_000;
      const called = await queue.callNext({ siteId, sessionId });
      await queue.startServing({ siteId, sessionId, ticketId: a1?.id ?? '' });
      now = midnight + 60_000; // 00:01 local, the next service day
      const served = await queue.finish({ siteId, sessionId, ticketId: a1?.id ?? '' });
      expect(served.ticket?.serviceDay).toBe('2026-11-23');
      expect(served.ticket?.finishedAt).toBeGreaterThan(
        called.ticket?.calledAt ?? Number.POSITIVE_INFINITY,
      );

      // Numbering restarts for the new local day; yesterday's waiting ticket is still called first.
      const b1 = (await queue.issue({ siteId, serviceId: 'ktp', channel: 'kiosk' })).ticket;
      expect([b1?.label, b1?.serviceDay]).toEqual(['A-001', '2026-11-24']);
      const straddle = await queue.callNext({ siteId, sessionId });
      expect(straddle.ticket?.id).toBe(a2?.id);
      expect(straddle.ticket?.serviceDay).toBe('2026-11-23');
      expect(straddle.events[0]?.at).toBe(now);

      // Indicators are per service day; history of the previous day is kept.
      const yesterday = await queue.indicators(siteId, '2026-11-23');
      expect(yesterday).toMatchObject({ issued: 2, called: 2, served: 1 });
      expect((await queue.indicators(siteId)).issued).toBe(1);

      // Opening hours are local: 07:30–16:00 in the site's zone.
      now = midnight + 16 * 3600_000 - 60_000; // 15:59 local
      await queue.issue({ siteId, serviceId: 'siang', channel: 'kiosk' });
      now += 60_000; // 16:00 local
      await expect(queue.issue({ siteId, serviceId: 'siang', channel: 'kiosk' })).rejects.toSatisfy(
        (e: unknown) => isQueueError(e, 'service-closed') && (e as Error).message.includes('16:00'),
      );
    },
  );
});
