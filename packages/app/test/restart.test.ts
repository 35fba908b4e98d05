import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCatalogue } from '../src/features/catalogue/catalogue.js';
import { loadConfig } from '../src/features/catalogue/load-config.js';
import { QueueService } from '../src/features/queue/queue-service.js';
import {
  type AppProcess,
  Client,
  demoConfigFile,
  freePort,
  projectDir,
  removeDataDir,
  startApp,
} from './support/app-process.js';
import { SseClient } from './support/sse-client.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('crash and restart', () => {
  let first: AppProcess | undefined;
  let second: AppProcess | undefined;

  afterAll(async () => {
    await second?.stop();
    if (first) await removeDataDir(first.dataDir);
  });

  it('kill -9 of app and database during activity loses no acknowledged ticket; boards replay what they missed', async () => {
    const since = new Date(Date.now() - 60_000);
    first = await startApp({ env: { MPP_DEMO_HISTORY: 'false' } });
    const app = first;
    const manager = new Client(app.base);
    expect(
      await manager.login(
        'manajer',
        app.logins.find((l) => l.username === 'manajer')?.password ?? '',
      ),
    ).toBe(200);
    const board = new SseClient(`${app.base}/api/events/board/layar-utara?since=0`);
    const acknowledged: string[] = [];
    let calls = 0;
    let running = true;
    const issuer = (async () => {
      while (running) {
        const res = await fetch(`${app.base}/api/tickets`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ serviceId: acknowledged.length % 2 ? 'ktp-el' : 'skck' }),
        }).catch(() => undefined);
        if (res?.status === 201)
          acknowledged.push(((await res.json()) as { ticket: { code: string } }).ticket.code);
        else if (res === undefined) return;
      }
    })();
    const caller = (async () => {
      while (running) {
        const counter = calls % 2 ? 'loket-01' : 'loket-05';
        const res = await manager
          .post(`/api/staff/counters/${counter}/call-next`)
          .catch(() => undefined);
        if (res === undefined) return;
        if (res.status === 200) calls += 1;
      }
    })();
    // ten calls seen by the board (it also hears finishes) and more than ten tickets taken
    await board.waitFor(
      (events) =>
        events.filter((e) => e.data.includes('"kind":"called"')).length >= 10 &&
        acknowledged.length > 10,
      20_000,
    );
    const seenBeforeCrash = board.lastId ?? 0;
    board.close();
    // the board is gone; activity goes on, then the power fails (app and PostgreSQL killed)
    await new Promise((r) => setTimeout(r, 500));
    await app.crash({ database: true });
    running = false;
    await Promise.all([issuer, caller]);
    expect(acknowledged.length).toBeGreaterThan(10);

    second = await startApp({
      dataDir: app.dataDir,
      env: { MPP_LOGIN_ATTEMPTS_PER_MINUTE: '5', MPP_DEMO_HISTORY: 'false' },
    });
    for (const code of acknowledged) {
      const res = await fetch(`${second.base}/api/tickets/${code}`);
      expect(res.status, `ticket ${code} acknowledged before the crash`).toBe(200);
      await res.arrayBuffer();
    }
    const db = new pg.Client({ connectionString: second.databaseUrl });
    await db.connect();
    try {
      const duplicates = await db.query(
        'select label, service_day from mpp_queue_visits where issued_at >= $1 group by label, service_day, service_id having count(*) > 1',
        [since],
      );
      expect(duplicates.rowCount).toBe(0);
      const busy = await db.query(
        "select counter_id from mpp_queue_visits where status in ('called', 'serving') and issued_at >= $1 group by counter_id having count(*) > 1",
        [since],
      );
      expect(busy.rowCount).toBe(0);
      // every called ticket has its outbox event: the change and its event commit together
      const orphans = await db.query(
        "select t.id from mpp_queue_visits t where t.issued_at >= $1 and t.called_at is not null and not exists (select 1 from mpp_queue_ticket_events e where e.visit_id = t.id and e.type = 'ticket.called')",
        [since],
      );
      expect(orphans.rowCount).toBe(0);
      const missed = await db.query<{ id: string }>(
        // what a board follows: calls, and what frees a counter
        `select o.id_offset + e.seq as id from mpp_queue_ticket_events e
           join queue_event_id_offset o on o.site_id = e.site_id
         where o.id_offset + e.seq > $1 and e.agency_id = any($2)
           and (e.type in ('ticket.called', 'ticket.recalled', 'ticket.served', 'ticket.no-show', 'ticket.parked')
             or (e.type = 'ticket.issued' and e.parent_id is not null))
         order by e.seq`,
        [seenBeforeCrash, ['dukcapil', 'polres', 'samsat', 'imigrasi']],
      );
      expect(missed.rowCount).toBeGreaterThan(0);
      // the board reconnects with Last-Event-ID and gets exactly what it missed, in order
      const replay = new SseClient(`${second.base}/api/events/board/layar-utara`, seenBeforeCrash);
      await replay.waitFor(
        (events) => events.filter((e) => e.event === 'queue').length >= (missed.rowCount ?? 0),
      );
      replay.close();
      expect(replay.events.filter((e) => e.event === 'queue').map((e) => e.id)).toEqual(
        missed.rows.map((r) => Number(r.id)),
      );
      // reminder phone numbers are deleted once their service day is over
      await db.query("update ticket_detail set phone = '081234567890' where code = $1", [
        acknowledged[0],
      ]);
      // the engine's ticket of a past service day (no command moves a ticket to another day)
      await db.query(
        'update mpp_queue_tickets set service_day = service_day - 1 where id = (select id from ticket_detail where code = $1)',
        [acknowledged[0]],
      );
      await db.query("update ticket_detail set phone = '081298765432' where code = $1", [
        acknowledged[1],
      ]);
      const pool = new pg.Pool({ connectionString: second.databaseUrl, max: 1 });
      const queue = new QueueService(pool, buildCatalogue(await loadConfig(demoConfigFile)));
      expect(await queue.purgePhoneNumbers()).toBe(1);
      await pool.end();
      const phones = await db.query<{ phone: string | null }>(
        `select d.phone from ticket_detail d join mpp_queue_visits v on v.id = d.id
         where d.code = any($1) order by v.service_day`,
        [[acknowledged[0], acknowledged[1]]],
      );
      expect(phones.rows.map((r) => r.phone)).toEqual([null, '081298765432']);
    } finally {
      await db.end();
    }
    // and work goes on
    const after = new Client(second.base);
    expect(
      await after.login(
        'manajer',
        second.logins.find((l) => l.username === 'manajer')?.password ?? '',
      ),
    ).toBe(200);
    const issued = await after.post('/api/tickets', { serviceId: 'ktp-el' });
    expect(issued.status).toBe(201);
  }, 120_000);

  it('limits sign-in attempts per address (429)', async () => {
    if (!second) throw new Error('needs the restarted app');
    const client = new Client(second.base);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push(await client.login(`nobody-${i}`, 'x'));
    expect(statuses.slice(0, 4).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('drains event streams on SIGTERM and exits cleanly; migrate runs as a command', async () => {
    if (!second) throw new Error('needs the restarted app');
    const stream = new SseClient(`${second.base}/api/events/board/layar-selatan`);
    await new Promise((r) => setTimeout(r, 300));
    expect(stream.status).toBe(200);
    expect(await second.stop()).toBe(0);
    await stream.done;
    expect(stream.events.at(-1)?.event).toBe('shutdown');
    const migrate = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'migrate'], {
      cwd: projectDir,
      env: {
        ...process.env,
        MPP_CONFIG: demoConfigFile,
        MPP_DATA_DIR: second.dataDir,
        MPP_PG_PORT: String(await freePort()),
        DATABASE_URL: '',
        LOG_LEVEL: 'warn',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(migrate.status, migrate.stderr).toBe(0);
  }, 90_000);
});
