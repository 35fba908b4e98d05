/**
 * A database created and filled by an earlier version (migrations 0001–0002 only, the
 * site saved the old way) upgrades with `migrate`: migration 0003 derives the counter
 * and policy columns from the stored configuration, so call-next works at once.
 */
import pg from 'pg';
import { afterAll, expect, inject, test } from 'vitest';
import {
  createPostgresStore,
  createQueue,
  migrate,
  normalizeSite,
  queueMigrations,
} from '../src/index.js';
import { fakeClock, jakarta } from './fixtures.js';
import { withDatabase } from './support/postgres.js';

const name = `q_upgrade_${process.pid}_${Date.now()}`;
const admin = () => new pg.Client({ connectionString: inject('postgresUrl') });

afterAll(async () => {
  const a = admin();
  await a.connect();
  await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await a.end();
});

test('an existing database upgrades: sites saved before 0003 can call next', async () => {
  const a = admin();
  await a.connect();
  await a.query(`CREATE DATABASE ${name}`);
  await a.end();
  const pool = new pg.Pool({ connectionString: withDatabase(inject('postgresUrl'), name), max: 4 });
  pool.on('error', () => undefined);
  try {
    // The earlier version: its two migrations and its way of saving a site.
    await pool.query(
      'CREATE TABLE mpp_queue_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    for (const m of queueMigrations().slice(0, 2)) {
      await pool.query(m.sql);
      await pool.query('INSERT INTO mpp_queue_migrations (name) VALUES ($1)', [m.name]);
    }
    const site = normalizeSite({
      ...jakarta,
      counters: jakarta.counters.map((c) => (c.id === 'loket-2' ? { ...c, name: 'Loket Dua' } : c)),
    });
    await pool.query('INSERT INTO mpp_queue_sites (id, config) VALUES ($1, $2)', [
      site.id,
      JSON.stringify(site),
    ]);
    await pool.query(
      'INSERT INTO mpp_queue_counters (site_id, counter_id) SELECT $1, unnest($2::text[])',
      [site.id, site.counters.map((c) => c.id)],
    );

    expect(await migrate(pool)).toEqual(
      queueMigrations()
        .slice(2)
        .map((m) => m.name),
    );
    expect(await migrate(pool)).toEqual([]);

    const clock = fakeClock();
    const queue = createQueue({ store: createPostgresStore({ pool }), clock: clock.now });
    const { session } = await queue.openSession({
      siteId: site.id,
      counterId: 'loket-2',
      staffId: 'petugas-2',
    });
    await queue.issue({ siteId: site.id, serviceId: 'npwp', channel: 'kiosk' });
    await queue.issue({ siteId: site.id, serviceId: 'ktp', channel: 'kiosk' });
    clock.advance(1000);
    const called = await queue.callNext({ siteId: site.id, sessionId: session?.id ?? '' });
    // loket-2 serves only KTP: the NPWP ticket issued first is not called there.
    expect(called.ticket?.label).toBe('A-001');
    expect(called.events[0]).toMatchObject({
      type: 'ticket.called',
      announcement: { counterId: 'loket-2', counterNumber: 2, counterName: 'Loket Dua' },
    });
  } finally {
    await pool.end();
  }
});
