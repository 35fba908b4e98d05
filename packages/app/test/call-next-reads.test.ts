// One call-next must cost the same few statements and index reads however many tickets the
// engine's table holds and however stale its statistics are. The demo seeds ~19,000 closed
// tickets into the engine (migration 0110 and the demo history import them); a morning queue
// then waits on top of statistics taken while nothing waited. Under those conditions the
// claim's generic plan once read every waiting ticket for every group head (1.3 s per call at
// 300 waiting on a fresh table): asserted here on the plans PostgreSQL ran (auto_explain with
// actual row counts) and on the statements sent, never on wall-clock time.

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue } from '../src/features/catalogue/catalogue.js';
import { loadConfig } from '../src/features/catalogue/load-config.js';
import { QueueService } from '../src/features/queue/queue-service.js';
import { type AppProcess, demoConfigFile, startApp } from './support/app-process.js';

/** Closed tickets imported beside the demo history, so the table holds tens of thousands. */
const EXTRA_HISTORY = 20_000;
/** Tickets waiting when the counter calls (a morning queue, as in the bench). */
const WAITING = 300;
/**
 * Statements one call-next that finishes the held ticket sends: the app's read of what the
 * counter holds; the engine's start and finish of it (a lock and a flush each); the engine's
 * call-next; the app's read of the called ticket's detail.
 */
const CALL_STATEMENTS = 7;
/**
 * What follows the three commits in the background: the engine subscription that feeds the
 * event hub reads the outbox after each commit and after each cross-process NOTIFY (its own
 * come back to it), and the store sends those NOTIFYs (debounced). Timing decides how many
 * reads coalesce, so this is a ceiling: a read per event or per subscriber would exceed it.
 */
const MAX_FOLLOW_STATEMENTS = 12;
/** Ticket-table rows all plans of one call-next may read: bounded by groups, not by tickets. */
const MAX_TICKET_ROWS = 100;

/** What PostgreSQL told the connections while recording: statements sent and plans run. */
const recorded: { statements: string[]; plans: string[] } = { statements: [], plans: [] };
let recording = false;

/**
 * A client that keeps what the server logs to it. The engine's own pool copies the app pool's
 * options, so this class reaches its connections too.
 */
class RecordingClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // connections cut when the app's database stops at the end are no failure of this test
    this.on('error', () => {});
    this.on('notice', (notice) => {
      if (!recording) return;
      const text = notice.message ?? '';
      if (/^duration: [\d.]+ ms {2}plan:/.test(text)) recorded.plans.push(text);
      else if (/^(statement|execute [^:]*): /.test(text)) recorded.statements.push(text);
    });
  }
}

/** Rows a plan read from `mpp_queue_tickets`: returned plus filtered out, times loops. */
function ticketRowsRead(plan: string): number {
  const lines = plan.split('\n');
  let total = 0;
  for (const [i, line] of lines.entries()) {
    if (!/ on mpp_queue_tickets\b/.test(line) || !/Scan/.test(line)) continue;
    const actual = /actual time=[\d.]+\.\.[\d.]+ rows=([\d.]+) loops=(\d+)/.exec(line);
    if (!actual) continue;
    const loops = Number(actual[2]);
    let removed = 0;
    // the node's own detail lines are indented deeper than the node, up to its first child
    const indent = line.search(/\S/);
    for (const next of lines.slice(i + 1)) {
      if (next.search(/\S/) <= indent || /->/.test(next)) break;
      const r = /Rows Removed by (?:Filter|Index Recheck): (\d+)/.exec(next);
      if (r) removed += Number(r[1]);
    }
    total += (Number(actual[1]) + removed) * loops;
  }
  return total;
}

describe('call-next on tens of thousands of tickets', () => {
  let app: AppProcess;
  let pool: pg.Pool;
  let queue: QueueService;

  beforeAll(async () => {
    // the demo history (~19,000 closed tickets) is seeded at start
    app = await startApp();
    const admin = new pg.Client({ connectionString: app.databaseUrl });
    await admin.connect();
    try {
      await admin.query(
        `select mpp_queue_import_tickets('mpp', (
           select jsonb_agg(jsonb_build_object(
             'id', gen_random_uuid(), 'serviceId', 'ktp-el', 'agencyId', 'dukcapil',
             'serviceDay', current_date - 400 + g / 100, 'sequence', g, 'label', 'X-' || g,
             'channel', 'kiosk', 'status', 'served',
             'issuedAt', (extract(epoch from now()) * 1000)::bigint - 86400000::bigint * 400,
             'calledAt', (extract(epoch from now()) * 1000)::bigint - 86400000::bigint * 400,
             'finishedAt', (extract(epoch from now()) * 1000)::bigint - 86400000::bigint * 400))
           from generate_series(1, $1) as g))`,
        [EXTRA_HISTORY],
      );
      // statistics of a closed history: nothing waits when they are taken
      await admin.query('analyze mpp_queue_tickets');
    } finally {
      await admin.end();
    }
    pool = new pg.Pool({
      connectionString: app.databaseUrl,
      max: 4,
      Client: RecordingClient,
      // the server reports every statement and the plan of every statement (functions' too)
      options: [
        '-c session_preload_libraries=auto_explain',
        '-c auto_explain.log_min_duration=0',
        '-c auto_explain.log_analyze=on',
        '-c auto_explain.log_nested_statements=on',
        '-c log_statement=all',
        '-c client_min_messages=log',
      ].join(' '),
    });
    pool.on('error', () => {});
    queue = new QueueService(pool, buildCatalogue(await loadConfig(demoConfigFile)), undefined, {
      openingHours: false,
    });
    await queue.start();
    for (let i = 0; i < WAITING; i += 20) {
      // the two services loket-01 calls (each within its daily cap)
      await Promise.all(
        Array.from({ length: 20 }, (_, j) =>
          queue.issue({
            serviceId: j % 2 ? 'kia' : 'ktp-el',
            priority: 'regular',
            channel: 'kiosk',
          }),
        ),
      );
    }
    // the counter holds a ticket, so the measured call also finishes it (the full path)
    await queue.callNext('loket-01');
  }, 180_000);

  afterAll(async () => {
    await queue?.stop();
    await pool?.end();
    await app?.stop();
  });

  it('finishes the held ticket and calls the next in a few statements that read a few rows', async () => {
    const { rows } = await pool.query<{ n: string }>('select count(*) as n from mpp_queue_tickets');
    expect(Number(rows[0]?.n)).toBeGreaterThan(35_000);

    recorded.statements.length = 0;
    recorded.plans.length = 0;
    recording = true;
    const called = await queue.callNext('loket-01');
    recording = false;
    expect(called?.status).toBe('called');
    expect(called?.counterId).toBe('loket-01');

    const plans = recorded.plans.join('\n\n');
    expect(plans).not.toMatch(/Seq Scan on mpp_queue_tickets/);
    const read = recorded.plans.reduce((n, plan) => n + ticketRowsRead(plan), 0);
    expect(read).toBeGreaterThan(0);
    expect(
      read,
      'rows of mpp_queue_tickets read by the plans of one call-next',
    ).toBeLessThanOrEqual(MAX_TICKET_ROWS);
    const all = recorded.statements.join('\n');
    const follow = recorded.statements.filter((s) =>
      /FROM mpp_queue_events WHERE|pg_notify\(/.test(s),
    );
    // the store re-reads the site's configuration when its one-second cache has expired, which
    // may fall inside the call on a slow machine: at most one such read, not part of the count
    const siteRefresh = recorded.statements.filter((s) =>
      /SELECT config FROM mpp_queue_sites WHERE/.test(s),
    );
    expect(siteRefresh.length, all).toBeLessThanOrEqual(1);
    expect(recorded.statements.length - follow.length - siteRefresh.length, all).toBe(
      CALL_STATEMENTS,
    );
    expect(follow.length, all).toBeLessThanOrEqual(MAX_FOLLOW_STATEMENTS);
  });
});
