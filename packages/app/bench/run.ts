// Benchmarks of the running app (real PostgreSQL, real HTTP, real Chromium), written to
// bench/results.md. Run: pnpm --filter @mpp-kit/app run bench (it builds test/project first).
// Ticket issue and call-next are also measured on the queue engine alone (bench/engine.ts), in
// the same run on the same PostgreSQL, and the HTTP rates given as a ratio to the engine's.

import { spawn, spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import lighthouse from 'lighthouse';
import { Client } from '../test/support/app-process.ts';
import { launchChromium } from '../test/support/browser.ts';
import { startApp } from './app.ts';
import { calledToday, type EngineBench, openEngineBench, percentile, readSite } from './engine.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

// The app under benchmark: the only lines to change when the benchmark moves with the app.
/** The project folder (test/project, built by test/support/build-project.mjs): `mpp-app start` runs there. */
const APP_DIR = path.resolve(here, '../test/project');
/** How the built app starts (a leading `node` is this Node): the package's own CLI. */
const APP_COMMAND = process.env.BENCH_APP_COMMAND ?? 'node ../../dist/cli.js start';
/** The configuration it runs on: the demo config the tests use, daily caps lifted (benchConfig). */
const APP_CONFIG =
  process.env.BENCH_APP_CONFIG ?? path.resolve(here, '../test/fixtures/demo.mpp.config.yaml');
/** HTTP port; 0 picks a free one. */
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 0);
/** The app's site id in the queue engine (one app instance is one site). */
const APP_SITE_ID = process.env.BENCH_APP_SITE_ID ?? 'mpp';
/** Connections of the app's pool (MPP_DB_POOL); the engine-alone run gets as many. */
const DB_POOL = Number(process.env.BENCH_DB_POOL ?? 20);
/** The demo account that calls next. */
const STAFF_LOGIN = process.env.BENCH_STAFF_LOGIN ?? 'manajer';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const BOARDS = Number(process.env.BENCH_BOARDS ?? 500);
const CALLS = Number(process.env.BENCH_CALLS ?? 40);
/** Concurrent issuers (autocannon connections for HTTP, workers for the engine). */
const ISSUERS = 20;
/** The services tickets are issued for, in turn. */
const ISSUE_SERVICES = ['ktp-el', 'skck', 'nib', 'paspor-baru', 'akta-kematian', 'pkb-tahunan'];
/** The counters that call next at once, one command in flight each. */
const COUNTERS = ['loket-01', 'loket-02', 'loket-05', 'loket-14', 'loket-15', 'loket-16'];
/**
 * The engine-alone run uses its own database on the app's PostgreSQL server: same server, same
 * settings (fsync, synchronous_commit), same disk and CPU as the app's commands, but its own
 * tables, so the app's tickets, projection and event stream are not disturbed, the app's later
 * measurements (SSE fan-out) do not run over a ticket table grown by the engine run, and the
 * engine's NOTIFYs (per database) do not wake the app. A separate site id in the app's database
 * would share the app's tables and notification channel.
 */
const ENGINE_DATABASE = 'mpp_engine_bench';

interface Throughput {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function cannon(name: string, options: autocannon.Options): Promise<Throughput> {
  const result = await autocannon({ duration: DURATION, connections: ISSUERS, ...options });
  return {
    name,
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** Opens `count` board streams; returns a function giving each board's arrival time of a ticket number. */
async function openBoards(base: string, count: number) {
  const arrivals = new Map<string, number[]>();
  const controllers: AbortController[] = [];
  let connected = 0;
  await Promise.all(
    Array.from({ length: count }, async () => {
      const controller = new AbortController();
      controllers.push(controller);
      const res = await fetch(`${base}/api/events/board/layar-utara`, {
        signal: controller.signal,
      });
      connected += 1;
      const decoder = new TextDecoder();
      void (async () => {
        let buffer = '';
        try {
          for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
            const now = performance.now();
            buffer += decoder.decode(chunk, { stream: true });
            // calls only: a board also hears what frees a counter
            for (const match of buffer.matchAll(
              /"kind":"(?:called|recalled|resumed)"[^\n]*?"number":"([^"]+)"/g,
            )) {
              const list = arrivals.get(match[1] as string) ?? [];
              list.push(now);
              arrivals.set(match[1] as string, list);
            }
            buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 2);
          }
        } catch {
          // aborted at the end
        }
      })();
    }),
  );
  return {
    arrivals,
    connected: () => connected,
    close: () => {
      for (const c of controllers) c.abort();
    },
  };
}

async function pageBytes(app: {
  base: string;
}): Promise<{ page: string; total: number; js: number; requests: number }[]> {
  const browser = await launchChromium();
  const res = await fetch(`${app.base}/api/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"serviceId":"ktp-el"}',
  });
  const { ticket } = (await res.json()) as { ticket: { code: string } };
  const out = [];
  try {
    for (const [name, pathname] of [
      ['home', '/'],
      ['service page', '/layanan/ktp-el'],
      ['ticket status', `/tiket/${ticket.code}`],
      ['display board', '/board/layar-utara'],
    ] as const) {
      const context = await browser.newContext();
      const page = await context.newPage();
      let total = 0;
      let js = 0;
      let requests = 0;
      const inlineJs = async () =>
        page.evaluate(() =>
          [...document.querySelectorAll('script:not([src])')].reduce(
            (n, s) => n + (s.textContent ?? '').length,
            0,
          ),
        );
      const pending: Promise<void>[] = [];
      page.on('response', (response) => {
        requests += 1;
        // an event stream's body never ends; it carries no page weight at load
        if ((response.headers()['content-type'] ?? '').includes('text/event-stream')) return;
        pending.push(
          response.body().then(
            (body) => {
              total += body.length;
              if ((response.headers()['content-type'] ?? '').includes('javascript'))
                js += body.length;
            },
            () => {},
          ),
        );
      });
      await page.goto(`${app.base}${pathname}`, { waitUntil: 'load' });
      // island scripts load after 'load'; an open event stream never finishes, so no networkidle
      await new Promise((r) => setTimeout(r, 1000));
      await Promise.all(pending);
      js += await inlineJs();
      out.push({ page: name, total, js, requests });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

/**
 * Lighthouse mobile scores (its default: a mid-range phone, simulated slow 4G and 4× CPU) in
 * Debian's Chromium, started here with remote debugging; never a downloaded browser.
 */
async function lighthouseScores(app: {
  base: string;
}): Promise<
  { page: string; accessibility: number; performance: number; lcp: number; tbt: number }[]
> {
  const port = 9300 + Math.floor(Math.random() * 500);
  const chrome = spawn(
    process.env.CHROME_PATH ?? '/usr/bin/chromium',
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-gpu',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--remote-debugging-port=${port}`,
      `--user-data-dir=${path.join(here, '.tmp', `lighthouse-${port}`)}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  try {
    const until = Date.now() + 20_000;
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/json/version`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > until) throw new Error('Chromium did not open its debugging port');
      await new Promise((r) => setTimeout(r, 200));
    }
    const res = await fetch(`${app.base}/api/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"serviceId":"ktp-el"}',
    });
    const { ticket } = (await res.json()) as { ticket: { code: string } };
    const out = [];
    for (const [name, pathname] of [
      ['home', '/'],
      ['service page', '/layanan/ktp-el'],
      ['ticket status', `/tiket/${ticket.code}`],
    ] as const) {
      const result = await lighthouse(`${app.base}${pathname}`, {
        port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['accessibility', 'performance'],
      });
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`Lighthouse gave no result for ${pathname}`);
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      const failing = Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
        .map((a) => a.id);
      if (failing.length > 0) console.log(`${name}: audits not passed: ${failing.join(', ')}`);
      out.push({
        page: name,
        accessibility: score('accessibility'),
        performance: score('performance'),
        lcp: lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
        tbt: lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN,
      });
    }
    return out;
  } finally {
    chrome.kill('SIGKILL');
  }
}

/**
 * The demo config with its daily caps (kuota harian) lifted: a 10-second burst issues more
 * tickets than a real service takes in a day, and a refused ticket is not throughput.
 */
async function benchConfig(): Promise<string> {
  const demo = await readFile(APP_CONFIG, 'utf8');
  const file = path.join(here, '.tmp', 'bench.mpp.config.yaml');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, demo.replace(/([dD]ailyCap): \d+/g, '$1: 900'));
  return file;
}

/** The commit measured, and whether the working tree differed from it. */
function commitMeasured(): string {
  const git = (...args: string[]) =>
    spawnSync('git', args, { cwd: APP_DIR, encoding: 'utf8' }).stdout?.trim() ?? '';
  const head = git('rev-parse', 'HEAD') || 'unknown';
  return git('status', '--porcelain') === ''
    ? `${head} (clean working tree)`
    : `${head} (working tree with uncommitted changes)`;
}

interface EngineComparison {
  command: string;
  httpRps: number;
  engineOps: number;
  httpP99: number;
  engineP99: number;
}

async function main() {
  const loadBefore = loadavg()[0] ?? 0;
  const commit = commitMeasured();
  const app = await startApp({
    cwd: APP_DIR,
    command: APP_COMMAND,
    config: await benchConfig(),
    port: APP_PORT,
    env: {
      LOG_LEVEL: 'warn',
      MPP_DB_POOL: String(DB_POOL),
      MPP_DEMO_HISTORY: 'false',
    },
  });
  let engine: EngineBench | undefined;
  try {
    // The engine alone, on the app's own site configuration (same services, counters, policy),
    // with daily caps and number ranges lifted: it issues far more tickets in the same time than
    // the app, and a refused ticket is not throughput.
    const appSite = await readSite(app.databaseUrl, APP_SITE_ID);
    engine = await openEngineBench({
      serverUrl: app.databaseUrl,
      database: ENGINE_DATABASE,
      poolSize: DB_POOL,
      site: {
        ...appSite,
        services: appSite.services.map((s) => ({ ...s, dailyCap: null, lastNumber: 999_999 })),
      },
    });
    const staff = new Client(app.base);
    const password = app.logins.find((l) => l.username === STAFF_LOGIN)?.password ?? '';
    if ((await staff.login(STAFF_LOGIN, password)) !== 200) throw new Error('login failed');
    const staffHeaders = {
      'content-type': 'application/json',
      cookie: staff.cookieHeader,
      'x-csrf-token': staff.csrf ?? '',
    };

    console.log(`ticket issue: ${DURATION} s, ${ISSUERS} connections`);
    const issue = await cannon('POST /api/tickets (issue a ticket)', {
      url: `${app.base}/api/tickets`,
      requests: ISSUE_SERVICES.map((serviceId) => ({
        method: 'POST' as const,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ serviceId }),
      })),
    });
    console.log(issue);

    // each engine run follows its HTTP run at once, so both meet about the same machine load
    console.log(`engine issue: ${DURATION} s, ${ISSUERS} issuers`);
    const engineIssue = await engine.issue({
      seconds: DURATION,
      issuers: ISSUERS,
      services: ISSUE_SERVICES,
    });
    console.log(engineIssue);

    // one officer per counter: a counter never presses call-next twice at once (the engine
    // refuses the second while the first holds a ticket), so one connection per counter
    console.log(`call next: ${DURATION} s, ${COUNTERS.length} counters, one connection each`);
    const calledBefore = await calledToday(app.databaseUrl, APP_SITE_ID);
    const perCounter = await Promise.all(
      COUNTERS.map((counter) =>
        cannon(counter, {
          url: `${app.base}/api/staff/counters/${counter}/call-next`,
          connections: 1,
          method: 'POST',
          headers: staffHeaders,
          body: '{}',
        }),
      ),
    );
    const callNext: Throughput = {
      name: `POST /api/staff/counters/{id}/call-next (${COUNTERS.length} counters)`,
      requests: perCounter.reduce((n, r) => n + r.requests, 0),
      rps: perCounter.reduce((n, r) => n + r.rps, 0),
      // per-counter runs: the median counter's p50 and the worst counter's p99
      p50: percentile(
        perCounter.map((r) => r.p50),
        50,
      ),
      p99: Math.max(...perCounter.map((r) => r.p99)),
      non2xx: perCounter.reduce((n, r) => n + r.non2xx, 0),
      errors: perCounter.reduce((n, r) => n + r.errors, 0),
    };
    // how many of the calls got a ticket (a counter whose services ran dry answers 200 too)
    const httpCalled = (await calledToday(app.databaseUrl, APP_SITE_ID)) - calledBefore;
    console.log({ ...callNext, called: httpCalled });

    console.log(`engine call next: ${DURATION} s, ${COUNTERS.length} counters, one at a time each`);
    const engineCallNext = await engine.callNext({ seconds: DURATION, counters: COUNTERS });
    console.log(engineCallNext);
    await engine.close();

    const comparison: EngineComparison[] = [
      { command: 'issue a ticket', http: issue, engine: engineIssue },
      { command: 'call next', http: callNext, engine: engineCallNext },
    ].map((c) => ({
      command: c.command,
      httpRps: c.http.rps,
      engineOps: c.engine.opsPerSecond,
      httpP99: c.http.p99,
      engineP99: c.engine.p99,
    }));
    const comparisonTable = `| command | HTTP req/s | engine ops/s | ratio HTTP/engine | HTTP p99 ms | engine p99 ms |
| --- | ---: | ---: | ---: | ---: | ---: |
${comparison.map((c) => `| ${c.command} | ${c.httpRps} | ${c.engineOps} | ${(c.httpRps / c.engineOps).toFixed(3)} | ${c.httpP99} | ${c.engineP99.toFixed(1)} |`).join('\n')}`;
    console.log(comparisonTable);

    console.log(`SSE fan-out: ${BOARDS} boards, ${CALLS} calls`);
    const boards = await openBoards(app.base, BOARDS);
    await new Promise((r) => setTimeout(r, 1000));
    for (let i = 0; i < CALLS; i++) {
      await fetch(`${app.base}/api/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"serviceId":"akta-kelahiran"}',
      });
    }
    const latencies: number[] = [];
    const afterCommit: number[] = [];
    let delivered = 0;
    for (let i = 0; i < CALLS; i++) {
      const sent = performance.now();
      const res = await fetch(`${app.base}/api/staff/counters/loket-04/call-next`, {
        method: 'POST',
        headers: staffHeaders,
        body: '{}',
      });
      const committed = performance.now();
      const { ticket } = (await res.json()) as { ticket: { number: string } | null };
      if (!ticket) throw new Error('queue empty');
      const until = performance.now() + 5000;
      while (
        (boards.arrivals.get(ticket.number)?.length ?? 0) < BOARDS &&
        performance.now() < until
      ) {
        await new Promise((r) => setTimeout(r, 5));
      }
      const times = boards.arrivals.get(ticket.number) ?? [];
      delivered += times.length;
      for (const t of times) {
        latencies.push(t - sent);
        afterCommit.push(Math.max(0, t - committed));
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    boards.close();
    const fanout = {
      boards: boards.connected(),
      calls: CALLS,
      delivered,
      expected: CALLS * BOARDS,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: Math.max(...latencies),
      commitP50: percentile(afterCommit, 50),
      commitP99: percentile(afterCommit, 99),
    };
    console.log(fanout);

    console.log('bytes per page (Chromium, uncompressed)');
    const bytes = await pageBytes(app);
    console.log(bytes);

    console.log('Lighthouse mobile (accessibility, performance)');
    const scores = await lighthouseScores(app);
    console.log(scores);

    const kb = (n: number) => (n / 1024).toFixed(1);
    const ms = (n: number) => n.toFixed(1);
    const md = `# Benchmarks: the MPP app (@mpp-kit/app)

Written by \`pnpm --filter @mpp-kit/app run bench\` on ${new Date().toISOString()}
at commit ${commit}
(${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; app, embedded PostgreSQL 18, load
generator and browser on the same machine, so figures are a floor, not a capacity plan; 1-minute load
average ${loadBefore.toFixed(1)} at the start and ${(loadavg()[0] ?? 0).toFixed(1)} at the end: other work was sharing the 2 cores).

## HTTP throughput (autocannon, ${DURATION} s)

| endpoint | requests | req/s | p50 ms | p99 ms | non-2xx | errors |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${[issue, callNext].map((r) => `| ${r.name} | ${r.requests} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} |`).join('\n')}

Ticket issue: 20 connections over 6 services (daily caps lifted for the run). Call-next: one connection
per counter (an officer never presses twice at once), 6 counters at once; it finishes the counter's current
ticket and calls the next one through the engine (pages and boards hear both from the engine's outbox); p50 is the
median counter's, p99 the worst counter's. ${httpCalled} of the ${callNext.requests} calls got a ticket (the engine's
count of tickets called); the others found nothing to call (in the demo config loket-16 serves none of the
services issued for, and a counter's services can run dry).

## HTTP against the queue engine alone (same run, same PostgreSQL)

${comparisonTable}

- The engine alone: \`@mpp-kit/queue\`'s PostgreSQL store through its public API, in the benchmark's process,
  on a database of its own (\`${ENGINE_DATABASE}\`) on the app's embedded PostgreSQL server, with the app's
  site configuration (daily caps and number ranges lifted) and a pool of ${DB_POOL} connections like the app's.
  Each engine run comes right after its HTTP run and lasts as long (${DURATION} s).
- Issue: ${ISSUERS} concurrent issuers over the same ${ISSUE_SERVICES.length} services (online, no priority, as
  the HTTP requests): ${engineIssue.ops} tickets, ${engineIssue.errors} refused or failed; p50 ${ms(engineIssue.p50)} ms.
- Call next: the same ${COUNTERS.length} counters, one command in flight per counter. One operation is what the
  app's call-next asks of the engine: start serving and finish the ticket the counter holds, then call the next.
  p50 ${ms(engineCallNext.p50)} ms (the median counter's), p99 the worst counter's; ${engineCallNext.called} of
  ${engineCallNext.ops} calls got a ticket, ${engineCallNext.errors} failed. The engine's \`callNext\` alone:
  p50 ${ms(engineCallNext.callOnlyP50 ?? Number.NaN)} ms, p99 ${ms(engineCallNext.callOnlyP99 ?? Number.NaN)} ms.

## SSE fan-out (${fanout.boards} boards connected to one board stream)

From sending a call-next request to each board receiving the call, over ${CALLS} calls
(${fanout.delivered} of ${fanout.expected} deliveries observed):

| measured from | p50 ms | p99 ms | max ms |
| --- | ---: | ---: | --- |
| sending the call-next request | ${ms(fanout.p50)} | ${ms(fanout.p99)} | ${ms(fanout.max)} |
| its response (the call committed) | ${ms(fanout.commitP50)} | ${ms(fanout.commitP99)} | |

Target: p99 < 100 ms.

## Bytes per page (Chromium, uncompressed; no web fonts)

| page | requests | total KB | JavaScript KB |
| --- | ---: | ---: | ---: |
${bytes.map((b) => `| ${b.page} | ${b.requests} | ${kb(b.total)} | ${kb(b.js)} |`).join('\n')}

Targets for citizen pages (home, service page, ticket status): ≤ 100 KB, JavaScript ≤ 15 KB. The display board
is a React island (not a citizen page).

## Lighthouse mobile (Lighthouse's default phone, simulated slow 4G and 4× slower CPU; Debian's Chromium)

| page | accessibility | performance | LCP ms | TBT ms |
| --- | ---: | ---: | ---: | ---: |
${scores.map((s) => `| ${s.page} | ${s.accessibility} | ${s.performance} | ${Math.round(s.lcp)} | ${Math.round(s.tbt)} |`).join('\n')}

Targets: accessibility 100, performance ≥ 95.
`;
    const out = path.join(here, 'results.md');
    await writeFile(out, md);
    // align the tables the way the repository's formatter (biome) wants them
    spawnSync(path.resolve(here, '../../../node_modules/.bin/biome'), ['format', '--write', out], {
      stdio: 'ignore',
    });
    console.log(md);
  } finally {
    await engine?.close().catch(() => {});
    await app.stop();
  }
}

await main();
