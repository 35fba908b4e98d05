// Benchmarks of the running app (real PostgreSQL, real HTTP, real Chromium), written to
// bench/results.md. Run: pnpm --filter @mpp-kit/template-mpp run bench (after build).

import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
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
            for (const match of buffer.matchAll(/"number":"([^"]+)"/g)) {
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

async function main() {
  const loadBefore = loadavg()[0] ?? 0;
  const app = await startApp({
    env: { LOG_LEVEL: 'warn', MPP_DB_POOL: '20', MPP_DEMO_HISTORY: 'false' },
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
      requests: ['ktp-el', 'skck', 'nib', 'paspor-baru'].map((serviceId) => ({
        method: 'POST' as const,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ serviceId }),
      })),
    });
    console.log(issue);

    console.log(`call next: ${DURATION} s, 20 connections over 8 counters`);
    const callNext = await cannon('POST /api/staff/counters/{id}/call-next', {
      url: app.base,
      requests: [
        'loket-01',
        'loket-02',
        'loket-05',
        'loket-14',
        'loket-15',
        'loket-16',
        'loket-17',
        'loket-18',
      ].map((counter) => ({
        method: 'POST' as const,
        path: `/api/staff/counters/${counter}/call-next`,
        headers: staffHeaders,
        body: '{}',
      })),
    });
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

    const kb = (n: number) => (n / 1024).toFixed(1);
    const ms = (n: number) => n.toFixed(1);
    const md = `# Benchmarks: template MPP app

Written by \`pnpm --filter @mpp-kit/template-mpp run bench\` on ${new Date().toISOString()}
(${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; app, embedded PostgreSQL 18, load
generator and browser on the same machine, so figures are a floor, not a capacity plan; 1-minute load
average ${loadBefore.toFixed(1)} at the start and ${(loadavg()[0] ?? 0).toFixed(1)} at the end: other work was sharing the 2 cores).

## HTTP throughput (autocannon, ${DURATION} s, 20 connections)

| endpoint | requests | req/s | p50 ms | p99 ms | non-2xx | errors |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${[issue, callNext].map((r) => `| ${r.name} | ${r.requests} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} |`).join('\n')}

Call-next finishes the counter's current ticket and calls the next one (two UPDATEs, two outbox rows,
NOTIFY) in one transaction; 8 counters are called round-robin.

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
is a React island (not a citizen page). Lighthouse scores are not measured: Lighthouse is not installed here.
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
