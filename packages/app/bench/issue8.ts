// Issue 8 benchmark: with 1,000,000 tickets and 1,000,000 survey responses in the database,
// the server time to build the results page and the analytics page (target p99 < 1 s), and
// the open-data CSV export rate. Writes bench/results-issue8.md.
// Run: pnpm --filter @mpp-kit/app run bench:issue8 (after build).

import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { parse } from 'yaml';
import {
  type AppProcess,
  Client,
  demoConfigFile,
  freePort,
  removeDataDir,
  startApp,
} from '../test/support/app-process.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const DAYS = 365;
/** The app's site in the queue engine (one app instance is one site). */
const SITE_ID = 'mpp';

/** The parts of the demo config (the @mpp-kit/config format) the load needs. */
interface Config {
  timezone: string;
  tenants: { code: string; services: { standard: string }[] }[];
  loket: { number: number; tenant: string }[];
}

/** Agencies, services (ids as the app derives them, see config-mapping.ts) and counters. */
function catalogueOf(config: Config) {
  const codes = config.tenants.flatMap((t) =>
    t.services.map((s) => s.standard.split('@')[0] ?? ''),
  );
  const local = (code: string) => code.slice(code.indexOf('.') + 1);
  const shared = (code: string) => codes.filter((c) => local(c) === local(code)).length > 1;
  const serviceId = (code: string) => (shared(code) ? code.replaceAll('.', '_') : local(code));
  return {
    timezone: config.timezone,
    services: config.tenants.flatMap((t) =>
      t.services.map((s) => {
        const loket = config.loket.find((l) => l.tenant === t.code);
        return {
          service: serviceId(s.standard.split('@')[0] ?? ''),
          agency: t.code,
          counter: loket ? `loket-${String(loket.number).padStart(2, '0')}` : null,
        };
      }),
    ),
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}

async function load(url: string, config: Config): Promise<{ seconds: number }> {
  const started = performance.now();
  const client = new pg.Client(url);
  // the app stops its database at the end; a dropped connection then is expected
  client.on('error', () => {});
  await client.connect();
  const { services, timezone } = catalogueOf(config);
  await client.query('create temp table svc (i int, service text, agency text, counter text)');
  await client.query(
    `insert into svc select i - 1, s, a, c from unnest($1::text[], $2::text[], $3::text[]) with ordinality as x(s, a, c, i)`,
    [services.map((s) => s.service), services.map((s) => s.agency), services.map((s) => s.counter)],
  );
  const n = services.length;
  const tz = timezone;
  // Tickets spread over the last 365 days in arrival order (as a real MPP writes them, so a
  // day's rows sit together), 08:00–15:00 local time, waits 0–60 and services 3–20 minutes,
  // about 6 % no-shows. They go where the app keeps tickets since decision 0110: the queue
  // engine's table (state, times in epoch ms) and `ticket_detail` (public code, declared
  // group), sharing the id. Batches keep each transaction moderate.
  const batch = 200_000;
  for (let start = 0; start < TICKETS; start += batch) {
    await client.query(
      `with x as materialized (
         select gen_random_uuid() as id, g, day, s.service, s.agency, s.counter,
                (extract(epoch from issued) * 1000)::bigint as issued,
                (extract(epoch from issued + wait) * 1000)::bigint as called,
                (extract(epoch from issued + wait + interval '1 minute') * 1000)::bigint as started,
                (extract(epoch from issued + wait + svc) * 1000)::bigint as finished
         from generate_series($1::bigint, $2::bigint) as g
         join svc s on s.i = g % $3
         cross join lateral (select (current_date - $4::int + ((g - 1) * $4::int / $6::bigint)::int)::date as day) d
         cross join lateral (select ((day + time '08:00' + make_interval(mins => ((g * 7919) % 420)::int)) at time zone $5) as issued,
                                    make_interval(secs => ((g * 104729) % 3600)::int) as wait,
                                    make_interval(secs => (180 + (g * 31) % 1020)::int) as svc) t
       ), detail as (
         insert into ticket_detail (id, code, priority) select id, 'b' || g, 'regular' from x
       )
       insert into mpp_queue_tickets (
         id, site_id, service_id, agency_id, service_day, number_service_id, sequence, label, channel,
         priority_class, class_rank, band, status, issued_at, arrival_at, order_at, callable_at,
         called_at, last_called_at, serving_at, finished_at, call_count, counter_id, root_id,
         issue_order, updated_at)
       select id, $7, service, agency, day, service, g::int, 'B-' || g, 'kiosk',
              null, 1, 'walk-in', case when g % 17 = 0 then 'no-show' else 'served' end,
              issued, issued, issued, issued, called, called,
              case when g % 17 = 0 then null else started end,
              case when g % 17 = 0 then called else finished end, 1, counter, id,
              nextval('mpp_queue_issue_order'), greatest(called, finished)
       from x`,
      [start + 1, Math.min(start + batch, TICKETS), n, DAYS, tz, TICKETS, SITE_ID],
    );
  }
  for (let start = 0; start < RESPONSES; start += batch) {
    await client.query(
      `insert into survey_response (questionnaire, service_day, service_id, agency_id, answers, profile)
       select 'permenpanrb-14-2017', current_date - 1 - (g % $4)::int, s.service, s.agency,
              array[1 + (g * 3) % 4, 1 + (g * 5) % 4, 1 + (g * 7) % 4, 2 + g % 3, 1 + (g * 11) % 4,
                    1 + (g * 13) % 4, 2 + (g * 17) % 3, 1 + (g * 19) % 4, 1 + (g * 23) % 4]::smallint[],
              array[1 + g % 2, 1 + g % 6, 1 + (g * 3) % 6, g % 7]::smallint[]
       from generate_series($1::bigint, $2::bigint) as g join svc s on s.i = (g * 7) % $3`,
      [start + 1, Math.min(start + batch, RESPONSES), n, DAYS],
    );
  }
  // A bulk load asks the app to rebuild its SKM roll-up before the next read (migration 0120).
  await client.query('insert into survey_rollup_stale default values on conflict do nothing');
  await client.query('vacuum analyze mpp_queue_tickets');
  await client.query('vacuum analyze ticket_detail');
  await client.query('vacuum analyze survey_response');
  await client.end();
  return { seconds: (performance.now() - started) / 1000 };
}

async function time(
  c: Client,
  pathname: string,
): Promise<{ p50: number; p99: number; max: number; bytes: number }> {
  const ms: number[] = [];
  let bytes = 0;
  await (await c.fetch(pathname)).arrayBuffer(); // warm-up
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const res = await c.fetch(pathname);
    const body = await res.arrayBuffer();
    ms.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`${pathname} answered ${res.status}`);
    bytes = body.byteLength;
  }
  return { p50: percentile(ms, 50), p99: percentile(ms, 99), max: Math.max(...ms), bytes };
}

async function exportRate(c: Client, pathname: string) {
  const t0 = performance.now();
  const res = await c.fetch(pathname);
  const text = await res.text();
  const seconds = (performance.now() - t0) / 1000;
  const rows = text.trim().split('\n').length - 1;
  return {
    rows,
    bytes: text.length,
    seconds,
    rowsPerSecond: rows / seconds,
    mbPerSecond: text.length / 1e6 / seconds,
  };
}

async function main() {
  const config = parse(
    await import('node:fs').then((fs) => fs.readFileSync(demoConfigFile, 'utf8')),
  ) as Config;
  const pgPort = await freePort();
  let app: AppProcess | undefined;
  try {
    app = await startApp({ env: { MPP_PG_PORT: String(pgPort), MPP_DEMO_HISTORY: 'false' } });
    const url = `postgres://mpp:mpp-embedded@127.0.0.1:${pgPort}/mpp`;
    process.stdout.write(`loading ${TICKETS} tickets and ${RESPONSES} responses…\n`);
    const loaded = await load(url, config);
    process.stdout.write(`loaded in ${loaded.seconds.toFixed(1)} s\n`);
    const manager = new Client(app.base);
    const password = app.logins.find((l) => l.username === 'manajer')?.password ?? '';
    if ((await manager.login('manajer', password)) !== 200) throw new Error('login failed');
    const today = new Date().toISOString().slice(0, 10);
    const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
    const pages: [string, string][] = [
      ['results page, this month (/hasil)', '/hasil'],
      ['results page, year with 6-year trend (/hasil?periode=year)', '/hasil?periode=year'],
      ['results page, one agency, quarter', '/hasil?periode=quarter&instansi=dukcapil'],
      ['analytics page, last 28 days, all agencies (/loket/analitik)', '/loket/analitik'],
      ['analytics page, last 28 days, one agency', '/loket/analitik?instansi=dukcapil'],
      ['analytics page, 365 days, all agencies', `/loket/analitik?dari=${yearAgo}&sampai=${today}`],
    ];
    // The first analytics view after the bulk load rolls up every closed day of the year once
    // (decision 0063); later views read the roll-up. Timed separately, it is not a page view.
    const t0 = performance.now();
    const cold = await manager.fetch(`/loket/analitik?dari=${yearAgo}&sampai=${today}`);
    await cold.arrayBuffer();
    const rollupSeconds = (performance.now() - t0) / 1000;
    if (cold.status !== 200) throw new Error(`cold analytics answered ${cold.status}`);
    process.stdout.write(
      `first 365-day analytics view (builds the roll-up): ${rollupSeconds.toFixed(1)} s\n`,
    );
    // Likewise the first results view after the bulk load rebuilds the SKM roll-up from the
    // responses with @mpp-kit/skm (decision 0068), once.
    const s0 = performance.now();
    const coldResults = await manager.fetch('/hasil');
    await coldResults.arrayBuffer();
    const surveyRebuildSeconds = (performance.now() - s0) / 1000;
    if (coldResults.status !== 200) throw new Error(`cold results answered ${coldResults.status}`);
    process.stdout.write(
      `first results view (rebuilds the SKM roll-up): ${surveyRebuildSeconds.toFixed(1)} s\n`,
    );
    const timings = [];
    for (const [name, pathname] of pages) {
      const t = await time(manager, pathname);
      timings.push({ name, ...t });
      process.stdout.write(`${name}: p50 ${t.p50.toFixed(0)} ms, p99 ${t.p99.toFixed(0)} ms\n`);
    }
    const anon = new Client(app.base);
    const csvYear = await exportRate(
      anon,
      `/api/open-data/antrean.csv?dari=${yearAgo}&sampai=${today}`,
    );
    const ikmCsv = await exportRate(anon, '/api/open-data/ikm.csv?periode=year');
    process.stdout.write(
      `open-data queue CSV (365 days): ${csvYear.rows} rows in ${csvYear.seconds.toFixed(2)} s\n`,
    );

    const lines = [
      '# @mpp-kit/app — issue 8 benchmark (survey results, analytics, open data)',
      '',
      `Run ${new Date().toISOString()} on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} (load ${loadavg()[0]?.toFixed(2)}), Node ${process.version}, embedded PostgreSQL 18, ${RUNS} sequential requests per page after one warm-up.`,
      `Data: ${TICKETS.toLocaleString('en')} tickets and ${RESPONSES.toLocaleString('en')} survey responses over ${DAYS} days (loaded with SQL in ${loaded.seconds.toFixed(1)} s, then vacuum analyze).`,
      '',
      'Server time to build a page (request to last byte over loopback). Target: p99 < 1 s.',
      `The first 365-day analytics view after the bulk load rolled up all closed days once: ${rollupSeconds.toFixed(1)} s (not in the table).`,
      `The first results view after the bulk load rebuilt the SKM roll-up from all responses once: ${surveyRebuildSeconds.toFixed(1)} s (not in the table).`,
      '',
      '| page | p50 ms | p99 ms | max ms | bytes | p99 < 1 s |',
      '| --- | ---: | ---: | ---: | ---: | --- |',
      ...timings.map(
        (t) =>
          `| ${t.name} | ${t.p50.toFixed(0)} | ${t.p99.toFixed(0)} | ${t.max.toFixed(0)} | ${t.bytes} | ${t.p99 < 1000 ? 'yes' : 'no'} |`,
      ),
      '',
      'Open-data CSV export (one request, streamed week by week):',
      '',
      '| export | rows | bytes | seconds | rows/s | MB/s |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      ...[
        ['queue per service and day, 365 days', csvYear],
        ['IKM per MPP/agency/service, year', ikmCsv],
      ].map(([name, r]) => {
        const x = r as typeof csvYear;
        return `| ${name} | ${x.rows} | ${x.bytes} | ${x.seconds.toFixed(2)} | ${Math.round(x.rowsPerSecond)} | ${x.mbPerSecond.toFixed(2)} |`;
      }),
      '',
      'How the results page stays fast: each response is also folded into a per-month, per-service',
      'roll-up (`survey_rollup`: the @mpp-kit/skm accumulator state as its `toJSON` gives it) in the',
      'same transaction, so a page merges a few hundred states instead of scanning responses (decision',
      '0068). Analytics read the ticket',
      'roll-up (`ticket_rollup`, decision 0063): closed months and days are stored, today is read live',
      "from the queue engine's visits (`mpp_queue_visits`, decision 0110) through the same SQL function.",
      '',
    ];
    const out = path.join(here, 'results-issue8.md');
    await writeFile(out, lines.join('\n'));
    spawnSync(path.resolve(here, '../../../node_modules/.bin/biome'), ['format', '--write', out], {
      stdio: 'ignore',
    });
    process.stdout.write(`${lines.join('\n')}\n`);
  } catch (error) {
    process.stderr.write(`app output (tail):\n${app?.output().slice(-4000) ?? ''}\n`);
    throw error;
  } finally {
    await app?.stop();
    if (app) await removeDataDir(app.dataDir);
  }
}

await main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
