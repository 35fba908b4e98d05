// Benchmarks of the running app (real PostgreSQL, real HTTP, real Chromium), written to
// bench/results.md. Run: pnpm --filter @mpp-kit/template-mpp run bench (after build).

import { spawn, spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import lighthouse from 'lighthouse';
import { type AppProcess, Client, removeDataDir, startApp } from '../test/support/app-process.ts';
import { launchChromium } from '../test/support/browser.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const BOARDS = Number(process.env.BENCH_BOARDS ?? 500);
const CALLS = Number(process.env.BENCH_CALLS ?? 40);

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
  const result = await autocannon({ duration: DURATION, connections: 20, ...options });
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

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
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

async function pageBytes(
  app: AppProcess,
): Promise<{ page: string; total: number; js: number; requests: number }[]> {
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
async function lighthouseScores(
  app: AppProcess,
): Promise<
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
  const demo = await readFile(path.join(here, '../test/fixtures/demo.mpp.config.yaml'), 'utf8');
  const file = path.join(here, '.tmp', 'bench.mpp.config.yaml');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, demo.replace(/([dD]ailyCap): \d+/g, '$1: 900'));
  return file;
}

async function main() {
  const loadBefore = loadavg()[0] ?? 0;
  const app = await startApp({
    env: {
      LOG_LEVEL: 'warn',
      MPP_DB_POOL: '20',
      MPP_DEMO_HISTORY: 'false',
      MPP_CONFIG: await benchConfig(),
    },
  });
  try {
    const staff = new Client(app.base);
    const password = app.logins.find((l) => l.username === 'manajer')?.password ?? '';
    if ((await staff.login('manajer', password)) !== 200) throw new Error('login failed');
    const staffHeaders = {
      'content-type': 'application/json',
      cookie: staff.cookieHeader,
      'x-csrf-token': staff.csrf ?? '',
    };

    console.log(`ticket issue: ${DURATION} s, 20 connections`);
    const issue = await cannon('POST /api/tickets (issue a ticket)', {
      url: `${app.base}/api/tickets`,
      requests: ['ktp-el', 'skck', 'nib', 'paspor-baru', 'akta-kematian', 'pkb-tahunan'].map(
        (serviceId) => ({
          method: 'POST' as const,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ serviceId }),
        }),
      ),
    });
    console.log(issue);

    // one officer per counter: a counter never presses call-next twice at once (the engine
    // refuses the second while the first holds a ticket), so one connection per counter
    const COUNTERS = ['loket-01', 'loket-02', 'loket-05', 'loket-14', 'loket-15', 'loket-16'];
    console.log(`call next: ${DURATION} s, ${COUNTERS.length} counters, one connection each`);
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
    console.log(callNext);

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
    const md = `# Benchmarks: template MPP app

Written by \`pnpm --filter @mpp-kit/template-mpp run bench\` on ${new Date().toISOString()}
(${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; app, embedded PostgreSQL 18, load
generator and browser on the same machine, so figures are a floor, not a capacity plan; 1-minute load
average ${loadBefore.toFixed(1)} at the start and ${(loadavg()[0] ?? 0).toFixed(1)} at the end: other work was sharing the 2 cores).

## HTTP throughput (autocannon, ${DURATION} s)

| endpoint | requests | req/s | p50 ms | p99 ms | non-2xx | errors |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${[issue, callNext].map((r) => `| ${r.name} | ${r.requests} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} |`).join('\n')}

Ticket issue: 20 connections over 6 services (daily caps lifted for the run). Call-next: one connection
per counter (an officer never presses twice at once), 6 counters at once; it finishes the counter's current
ticket and calls the next one through the engine, then projects both events for pages and boards; p50 is the
median counter's, p99 the worst counter's.

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
    await app.stop();
    await removeDataDir(app.dataDir);
  }
}

await main();
