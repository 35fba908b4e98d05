/**
 * Two processes on one database (two stores on their own pools here): a subscriber of one
 * hears the commits of the other through LISTEN/NOTIFY, for every site changed, without
 * waiting for the fallback poll.
 */
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createPostgresStore, createQueue, type QueueEvent } from '../src/index.js';
import { jakarta } from './fixtures.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';

let db: TestDatabase;
let other: pg.Pool;
beforeAll(async () => {
  db = await createTestDatabase(4);
  other = new pg.Pool({ connectionString: db.url, max: 2 });
});
afterAll(async () => {
  await other?.end();
  await db?.drop();
});

test('commits in one process wake subscribers in another, for each site', async () => {
  const writerStore = createPostgresStore({ pool: db.pool });
  const readerStore = createPostgresStore({ pool: other, pollMs: 600_000 });
  const writer = createQueue({ store: writerStore });
  const reader = createQueue({ store: readerStore });
  const sites = ['mpp-a', 'mpp-b', 'mpp-c'];
  for (const id of sites) await writer.configureSite({ ...jakarta, id });
  const heard = new Map<string, QueueEvent[]>(sites.map((id) => [id, []]));
  const stops = sites.map((id) => reader.subscribe(id, (e) => heard.get(id)?.push(e)));
  try {
    // Let the subscriptions read what exists and start listening.
    await new Promise((r) => setTimeout(r, 300));
    const before = sites.map((id) => heard.get(id)?.length ?? 0);
    for (const id of sites) await writer.issue({ siteId: id, serviceId: 'ktp', channel: 'kiosk' });
    for (
      let i = 0;
      i < 250 && sites.some((id, k) => (heard.get(id)?.length ?? 0) <= (before[k] ?? 0));
      i++
    )
      await new Promise((r) => setTimeout(r, 20));
    for (const [k, id] of sites.entries()) {
      const fresh = heard.get(id)?.slice(before[k]) ?? [];
      expect(fresh.map((e) => e.type)).toContain('ticket.issued');
    }
  } finally {
    for (const stop of stops) stop();
    await writerStore.close();
    await readerStore.close();
  }
});
