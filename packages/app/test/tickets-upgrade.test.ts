// An MPP upgrading to the engine-owned tickets (migration 0110) loses nothing: a database built
// by the earlier migrations, holding a ticket from before the engine, a ticket the projection
// copied from the engine and a survey receipt, is migrated and read back through the app's code.

import { fileURLToPath } from 'node:url';
import { createPostgresStore, createQueue } from '@mpp-kit/queue';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue } from '../src/features/catalogue/catalogue.js';
import { loadConfig } from '../src/features/catalogue/load-config.js';
import { QueueService } from '../src/features/queue/queue-service.js';
import { siteConfigOf } from '../src/features/queue/queue-site.js';
import { SurveyService } from '../src/features/survey/survey-service.js';
import { appMigrations, migrate } from '../src/server/database/migrate.js';
import { type AppProcess, demoConfigFile, startApp } from './support/app-process.js';

const migrationsDir = fileURLToPath(new URL('../migrations/', import.meta.url));

const NEW = new Set(['@mpp-kit/queue/0006_queue_read_model', '0110_tickets_from_engine.sql']);

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

describe('upgrade to engine-owned tickets (migration 0110)', () => {
  let app: AppProcess;
  let pool: pg.Pool;
  beforeAll(async () => {
    // the app's embedded PostgreSQL server; the upgrade runs in a database of its own
    app = await startApp({ env: { MPP_DEMO_HISTORY: 'false' } });
    const admin = new pg.Client({ connectionString: app.databaseUrl });
    await admin.connect();
    await admin.query('drop database if exists mpp_upgrade');
    await admin.query('create database mpp_upgrade');
    await admin.end();
    pool = new pg.Pool({ connectionString: withDatabase(app.databaseUrl, 'mpp_upgrade'), max: 4 });
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    await app?.stop();
  });

  it('keeps every earlier ticket, its code, number, status and survey receipt', async () => {
    const catalogue = buildCatalogue(await loadConfig(demoConfigFile));
    const all = await appMigrations(migrationsDir);
    await migrate(
      pool,
      all.filter((m) => !NEW.has(m.name)),
    );
    const service = catalogue.agencies[0]?.services[0];
    if (!service) throw new Error('demo config has no service');
    const agencyId = catalogue.agencies[0]?.id as string;

    // 1. a ticket from before the engine: only in the app's own table
    const legacy = await pool.query<{ id: string }>(
      `insert into ticket (code, number, service_day, seq, service_id, agency_id, priority, channel,
         status, counter_id, issued_at, called_at, started_at, finished_at)
       values ('legacy-code', 'A-007', current_date - 30, 7, $1, $2, 'elderly', 'kiosk', 'done',
         'loket-01', now() - interval '30 days', now() - interval '30 days' + interval '5 minutes',
         now() - interval '30 days' + interval '6 minutes', now() - interval '30 days' + interval '12 minutes')
       returning id`,
      [service.id, agencyId],
    );
    const legacyId = legacy.rows[0]?.id as string;
    await pool.query(
      'insert into survey_receipt (ticket_id, answered_on) values ($1, current_date - 30)',
      [legacyId],
    );

    // 2. a ticket of the engine era: the engine's tables, and the projection's copy with its code
    const store = createPostgresStore({ pool });
    const engine = createQueue({ store });
    await engine.configureSite(siteConfigOf(catalogue));
    const issued = await engine.issue({ siteId: 'mpp', serviceId: service.id, channel: 'online' });
    const t = issued.ticket;
    if (!t) throw new Error('not issued');
    await pool.query(
      `insert into ticket (id, code, number, service_day, seq, service_id, agency_id, priority, channel,
         status, issued_at, queue_ticket_id, phone)
       values ($1, 'engine-code', $2, $3, $4, $5, $6, 'disability', 'online', 'waiting', now(), $1, '081200000000')`,
      [t.id, t.label, t.serviceDay, t.sequence, t.serviceId, t.agencyId],
    );
    await store.close();

    // the new migrations, as a start of the new version runs them
    const applied = await migrate(pool, all);
    expect(applied).toEqual([
      '@mpp-kit/queue/0006_queue_read_model',
      '0110_tickets_from_engine.sql',
    ]);

    const queue = new QueueService(pool, catalogue);
    try {
      const old = await queue.byCode('legacy-code');
      expect(old).toMatchObject({
        id: legacyId,
        number: 'A-007',
        serviceId: service.id,
        agencyId,
        priority: 'lanjut-usia',
        channel: 'kiosk',
        status: 'served',
        counterId: 'loket-01',
      });
      const current = await queue.byCode('engine-code');
      expect(current).toMatchObject({
        id: t.id,
        number: t.label,
        priority: 'disabilitas',
        status: 'waiting',
      });
      // the survey link of the old ticket is still recognised as answered
      expect(await new SurveyService(pool, catalogue).invitation('legacy-code')).toEqual({
        state: 'answered',
      });
      // the engine-era ticket can still be called and served by the new code
      const held = await pool.query<{ phone: string | null }>(
        'select phone from ticket_detail where code = $1',
        ['engine-code'],
      );
      expect(held.rows[0]?.phone).toBe('081200000000');
      const counter = catalogue.config.counters.find((c) =>
        catalogue.counterServices(c.id).includes(service.id),
      );
      if (!counter) throw new Error('no counter for the service');
      const called = await queue.callNext(counter.id);
      expect(called?.code).toBe('engine-code');
      expect((await queue.byCode('engine-code'))?.status).toBe('called');
    } finally {
      await queue.stop();
    }
  }, 120_000);
});
