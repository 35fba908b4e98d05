/**
 * Benchmark (not a test): `pnpm bench`. Starts a durable local PostgreSQL (fsync on;
 * or uses DATABASE_URL) and measures, with 32 clients, the queue's
 * issue throughput, call-next throughput with p50/p99 latency against `pgbench -N` with the
 * same client count on the same server, full-lifecycle throughput; then one million tickets through the in-memory store in a simulated day.
 * Prints the figures and writes them to bench/results.md.
 *
 * Call-next and `pgbench -N` take turns in short slices (BENCH_SLICES × BENCH_SLICE_SECONDS each),
 * so the ratio compares two measurements made under the same load.
 *
 * Options (env): BENCH_CLIENTS (32), BENCH_SITES (8,32), BENCH_COUNTERS_PER_CLIENT (8), BENCH_TICKETS (60000),
 * BENCH_SLICES (3), BENCH_SLICE_SECONDS (3), BENCH_SECONDS (8: full lifecycle), BENCH_MEMORY_TICKETS (1000000).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import type { Queue, SiteConfig } from '../src/index.js';
import { startPostgres, withDatabase } from '../test/support/postgres.ts';

// Benchmarks the built package (`bench` depends on `build`); typed from the source.
const dist = new URL('../dist/index.js', import.meta.url).href;
const { createMemoryStore, createPostgresStore, createQueue, migrate } = (await import(
  dist
)) as typeof import('../src/index.js');

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const SITE_COUNTS = (process.env.BENCH_SITES ?? '8,32').split(',').map(Number);
const TICKETS = Number(process.env.BENCH_TICKETS ?? 60_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const SLICES = Number(process.env.BENCH_SLICES ?? 3);
const SLICE_SECONDS = Number(process.env.BENCH_SLICE_SECONDS ?? 3);
const MEMORY_TICKETS = Number(process.env.BENCH_MEMORY_TICKETS ?? 1_000_000);
const COUNTERS_PER_CLIENT = Number(process.env.BENCH_COUNTERS_PER_CLIENT ?? 8);

const lines: string[] = [];
const say = (line: string) => {
  console.log(line);
  lines.push(line);
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function siteConfig(i: number, countersPerSite: number): SiteConfig {
  return {
    id: `site-${i}`,
    name: `MPP ${i}`,
    timeZone:
      (['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const)[i % 3] ?? 'Asia/Jakarta',
    agencies: [
      { id: 'dukcapil', name: 'Dukcapil' },
      { id: 'pajak', name: 'Pajak' },
    ],
    services: [
      { id: 'ktp', agencyId: 'dukcapil', name: 'KTP', prefix: 'A', lastNumber: 999_999 },
      { id: 'kk', agencyId: 'dukcapil', name: 'KK', prefix: 'B', lastNumber: 999_999 },
      { id: 'npwp', agencyId: 'pajak', name: 'NPWP', prefix: 'C', lastNumber: 999_999 },
    ],
    counters: Array.from({ length: countersPerSite }, (_, c) => ({
      id: `loket-${c + 1}`,
      number: c + 1,
      services: [{ serviceId: 'ktp' }, { serviceId: 'kk' }, { serviceId: 'npwp' }],
    })),
  };
}

const SERVICES = ['ktp', 'kk', 'npwp'];

async function parallel(n: number, worker: (i: number) => Promise<void>): Promise<void> {
  await Promise.all(Array.from({ length: n }, (_, i) => worker(i)));
}

interface Server {
  readonly url: string;
  readonly binDir: string;
}

function pgbenchRun(server: Server, args: string[]): string {
  const u = new URL(server.url);
  const bin = `${server.binDir}/pgbench`;
  const full = [
    '-h',
    u.hostname,
    '-p',
    u.port || '5432',
    '-U',
    decodeURIComponent(u.username),
    ...args,
  ];
  return process.getuid?.() === 0
    ? execFileSync('runuser', ['-u', 'postgres', '--', bin, ...full], {
        encoding: 'utf8',
        stdio: 'pipe',
      })
    : execFileSync(bin, full, { encoding: 'utf8', stdio: 'pipe' });
}

/** `pgbench -N` TPS with the same client count, for `seconds` (whole seconds). */
function pgbench(server: Server, seconds: number): number {
  const out = pgbenchRun(server, [
    '-N',
    '-c',
    String(CLIENTS),
    '-j',
    '2',
    '-T',
    String(seconds),
    'mpp_pgbench',
  ]);
  const tps = /tps = ([\d.]+)/.exec(out)?.[1];
  if (!tps) throw new Error(`pgbench printed no tps:\n${out}`);
  return Number(tps);
}

interface QueueFigures {
  /** pgbench -N TPS of each slice run between the call-next slices. */
  tps: number[];
  /** call-next/s of each slice. */
  sliceRates: number[];
  sites: number;
  countersPerSite: number;
  issueRate: number;
  callRate: number;
  p50: number;
  p99: number;
  calls: number;
  lifeRate: number;
}

async function queuePart(server: Server, SITES: number): Promise<QueueFigures> {
  const serverUrl = server.url;
  const COUNTERS_PER_SITE = Math.ceil(CLIENTS / SITES) * COUNTERS_PER_CLIENT;
  const dbName = `mpp_queue_bench_${SITES}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  {
    const pool = new pg.Pool({
      connectionString: withDatabase(serverUrl, dbName),
      max: CLIENTS + 2,
    });
    await migrate(pool);
    const store = createPostgresStore({ pool });
    const queue = createQueue({ store });
    for (let i = 0; i < SITES; i++) await queue.configureSite(siteConfig(i, COUNTERS_PER_SITE));

    // 1. Issue throughput.
    let next = 0;
    let t0 = performance.now();
    await parallel(CLIENTS, async (c) => {
      const siteId = `site-${c % SITES}`;
      for (let i = next++; i < TICKETS; i = next++) {
        await queue.issue({
          siteId,
          serviceId: SERVICES[i % 3] ?? 'ktp',
          channel: 'kiosk',
          priorityClass: i % 9 === 0 ? 'rentan' : null,
        });
      }
    });
    const issueRate = TICKETS / ((performance.now() - t0) / 1000);

    // 2. Call-next: each client owns COUNTERS_PER_CLIENT counters (spread over the sites)
    //    and calls next on each in turn; between rounds the counters are freed with a
    //    no-show outside the timed part, so only call-next is measured.
    const sessions: { siteId: string; sessionId: string }[][] = [];
    for (let c = 0; c < CLIENTS; c++) {
      const own: { siteId: string; sessionId: string }[] = [];
      for (let k = 0; k < COUNTERS_PER_CLIENT; k++) {
        const siteId = `site-${c % SITES}`;
        const counterId = `loket-${Math.floor(c / SITES) * COUNTERS_PER_CLIENT + k + 1}`;
        const { session } = await queue.openSession({
          siteId,
          counterId,
          staffId: `staff-${c}-${k}`,
        });
        own.push({ siteId, sessionId: session?.id ?? '' });
      }
      sessions.push(own);
    }
    // Call-next and pgbench -N take turns in short slices, so both see the same load on
    // this shared machine and the ratio compares like with like.
    const latencies: number[] = [];
    const tps: number[] = [];
    const sliceRates: number[] = [];
    let calls = 0;
    let callTime = 0;
    let exhausted = false;
    for (let slice = 0; slice < SLICES && !exhausted; slice++) {
      tps.push(pgbench(server, SLICE_SECONDS));
      let sliceCalls = 0;
      let sliceTime = 0;
      while (sliceTime < SLICE_SECONDS * 1000) {
        const held: { siteId: string; sessionId: string; ticketId: string }[] = [];
        const start = performance.now();
        await parallel(CLIENTS, async (c) => {
          for (const s of sessions[c] ?? []) {
            const t = performance.now();
            const { ticket } = await queue.callNext(s);
            latencies.push(performance.now() - t);
            if (ticket) {
              sliceCalls++;
              held.push({ ...s, ticketId: ticket.id });
            }
          }
        });
        sliceTime += performance.now() - start;
        if (held.length === 0) {
          exhausted = true;
          break;
        }
        await parallel(CLIENTS, async (c) => {
          for (let i = c; i < held.length; i += CLIENTS) {
            const h = held[i];
            if (h) await queue.markNoShow(h);
          }
        });
      }
      sliceRates.push(sliceCalls / (sliceTime / 1000));
      calls += sliceCalls;
      callTime += sliceTime;
    }
    if (exhausted) console.warn('  (tickets ran out during call-next: raise BENCH_TICKETS)');
    latencies.sort((a, b) => a - b);
    const callRate = calls / (callTime / 1000);

    // 3. Full lifecycle: issue → call → start → finish, per client, on its own counter.
    let done = 0;
    const lifeDeadline = performance.now() + SECONDS * 1000;
    t0 = performance.now();
    await parallel(CLIENTS, async (c) => {
      const s = sessions[c]?.[0];
      if (!s) return;
      while (performance.now() < lifeDeadline) {
        await queue.issue({ siteId: s.siteId, serviceId: 'ktp', channel: 'kiosk' });
        const { ticket } = await queue.callNext(s);
        if (!ticket) continue;
        await queue.startServing({ ...s, ticketId: ticket.id });
        await queue.finish({ ...s, ticketId: ticket.id });
        done++;
      }
    });
    const lifeRate = done / ((performance.now() - t0) / 1000);
    await store.close();
    await pool.end();

    return {
      tps,
      sliceRates,
      sites: SITES,
      countersPerSite: COUNTERS_PER_SITE,
      issueRate,
      callRate,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      calls,
      lifeRate,
    };
  }
}

async function postgresPart(): Promise<void> {
  const server = await startPostgres({ durable: true });
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS mpp_pgbench');
    await admin.query('CREATE DATABASE mpp_pgbench');
    const settings = await admin.query(
      "SELECT name, setting FROM pg_settings WHERE name IN ('fsync','synchronous_commit','server_version','shared_buffers') ORDER BY name",
    );
    await admin.end();
    say(
      `PostgreSQL: ${settings.rows.map((r: { name: string; setting: string }) => `${r.name}=${r.setting}`).join(', ')}`,
    );
    pgbenchRun(server, ['-i', '-s', '10', '-q', 'mpp_pgbench']);
    // Write the freshly loaded pgbench tables out now, not during the measurements.
    const c = new pg.Client({ connectionString: server.url });
    await c.connect();
    await c.query('CHECKPOINT');
    await c.end();
    for (const sites of SITE_COUNTS) {
      const f = await queuePart(server, sites);
      const tps = f.tps.reduce((a, b) => a + b, 0) / f.tps.length;
      const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
      say(`${CLIENTS} clients on ${f.sites} sites (${f.countersPerSite} counters per site):`);
      say(`  issue: ${f.issueRate.toFixed(0)} tickets/s (${TICKETS} tickets)`);
      say(
        `  call-next: ${f.callRate.toFixed(0)} calls/s, p50 ${f.p50.toFixed(2)} ms, p99 ${f.p99.toFixed(2)} ms (${f.calls} calls; each client calls its ${COUNTERS_PER_CLIENT} counters in turn; counters freed between rounds, untimed); per slice: ${list(f.sliceRates)}`,
      );
      say(
        `  pgbench -N, ${CLIENTS} clients, in ${f.tps.length} slices of ${SLICE_SECONDS} s taking turns with call-next: ${tps.toFixed(0)} tps (${list(f.tps)})`,
      );
      say(`  full lifecycle (issue, call, start, finish): ${f.lifeRate.toFixed(0)} tickets/s`);
      say(
        `  ratio call-next/s ÷ pgbench tps: ${(f.callRate / tps).toFixed(2)} (target ≥ 0.5); p99 target < 25 ms`,
      );
    }
  } finally {
    server.stop();
  }
}

async function memoryPart(): Promise<void> {
  let now = Date.parse('2026-11-23T00:30:00Z'); // 07:30 WIB
  const store = createMemoryStore({ retainEvents: 10_000 });
  const queue: Queue = createQueue({ store, clock: () => now });
  const counters = 100;
  await queue.configureSite({
    ...siteConfig(0, 1),
    id: 'big',
    services: Array.from({ length: 26 }, (_, i) => ({
      id: `s${i}`,
      agencyId: 'dukcapil',
      name: `S${i}`,
      prefix: String.fromCharCode(65 + i),
      lastNumber: 999_999,
    })),
    counters: Array.from({ length: counters }, (_, c) => ({
      id: `loket-${c + 1}`,
      number: c + 1,
      services: [{ serviceId: `s${c % 26}` }, { serviceId: `s${(c + 1) % 26}` }],
    })),
  });
  const sessions: string[] = [];
  for (let c = 0; c < counters; c++) {
    const { session } = await queue.openSession({
      siteId: 'big',
      counterId: `loket-${c + 1}`,
      staffId: `s${c}`,
    });
    sessions.push(session?.id ?? '');
  }
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  // A simulated day: 8.5 hours; tickets arrive evenly; every 10th step each counter serves one.
  const step = (8.5 * 3600_000) / MEMORY_TICKETS;
  let served = 0;
  for (let i = 0; i < MEMORY_TICKETS; i++) {
    now += step;
    await queue.issue({
      siteId: 'big',
      serviceId: `s${i % 26}`,
      channel: 'kiosk',
      priorityClass: i % 11 === 0 ? 'rentan' : null,
    });
    if (i % 2 === 1) {
      const sessionId = sessions[(i >> 1) % counters] ?? '';
      const { ticket } = await queue.callNext({ siteId: 'big', sessionId });
      if (ticket) {
        await queue.startServing({ siteId: 'big', sessionId, ticketId: ticket.id });
        await queue.finish({ siteId: 'big', sessionId, ticketId: ticket.id });
        served++;
      }
    }
  }
  const elapsed = (performance.now() - t0) / 1000;
  global.gc?.();
  const heap = process.memoryUsage().heapUsed - before;
  // Keep the store reachable until after the measurement (else it is collected).
  const kept = (await store.listTickets('big', { status: 'waiting' })).length;
  say(
    `in-memory simulated day: ${MEMORY_TICKETS} tickets issued, ${served} served, in ${elapsed.toFixed(1)} s (${((MEMORY_TICKETS + served * 3) / elapsed).toFixed(0)} commands/s); heap growth ${(heap / 1024 / 1024).toFixed(0)} MiB (${(heap / MEMORY_TICKETS).toFixed(0)} bytes/ticket, events retained: 10,000; ${kept} still waiting)`,
  );
}

say(`# @mpp-kit/queue benchmark — ${new Date().toISOString()}`);
say(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, node ${process.version}`,
);
await postgresPart();
await memoryPart();
say(
  `load average at the end: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
writeFileSync(
  new URL('./results.md', import.meta.url),
  `${lines.map((l, i) => (i === 0 ? l : `- ${l}`)).join('\n')}\n\nRun with \`pnpm bench\` (packages/queue). Figures depend on the machine and its load at the time.\n`,
);
