// The queue engine alone (@mpp-kit/queue's PostgreSQL store, through its public API), measured
// with the same concurrency shape as the app's HTTP benchmark, so the HTTP figures can be given as
// a ratio to the engine's on the same PostgreSQL in the same run. Nothing here knows the app: it
// gets a database server, a site configuration and the services and counters to load.

import {
  createPostgresStore,
  createQueue,
  migrate,
  type Queue,
  type QueueStore,
  type SiteConfig,
} from '@mpp-kit/queue';
import pg from 'pg';

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** One engine command under load: completed operations, their rate and latency (ms). */
export interface EngineFigures {
  ops: number;
  opsPerSecond: number;
  p50: number;
  p99: number;
  /** Operations that threw (a refusal is not throughput). */
  errors: number;
  /** Call-next only: calls that got a ticket and calls that found nothing to call. */
  called?: number;
  empty?: number;
  /** Call-next only: the engine's `callNext` alone, without finishing the held ticket. */
  callOnlyP50?: number;
  callOnlyP99?: number;
}

/** The same database server with another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The engine's stored configuration of a site in an existing database (read only). */
export async function readSite(databaseUrl: string, siteId: string): Promise<SiteConfig> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const store = createPostgresStore({ pool });
  try {
    return await createQueue({ store }).getSite(siteId);
  } finally {
    await store.close();
    await pool.end();
  }
}

/** Tickets of a site called at least once today, by the engine's own count (read only). */
export async function calledToday(databaseUrl: string, siteId: string): Promise<number> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const store = createPostgresStore({ pool });
  try {
    return (await createQueue({ store }).indicators(siteId)).called;
  } finally {
    await store.close();
    await pool.end();
  }
}

export interface EngineBench {
  /** `issuers` workers issue tickets without pause for `seconds`, each cycling through the services. */
  issue(options: { seconds: number; issuers: number; services: string[] }): Promise<EngineFigures>;
  /**
   * One worker per counter (one command in flight per counter) for `seconds`: each finishes what
   * its counter holds (start serving, then finish: the engine serves before it finishes) and calls
   * the next ticket, timed as one operation: the engine's work behind the app's call-next.
   */
  callNext(options: { seconds: number; counters: string[] }): Promise<EngineFigures>;
  close(): Promise<void>;
}

/**
 * Creates the database `database` on the server of `serverUrl` (dropped first if left by an
 * earlier run), applies the engine's migrations and saves `site` there.
 */
export async function openEngineBench(options: {
  serverUrl: string;
  database: string;
  site: SiteConfig;
  poolSize: number;
}): Promise<EngineBench> {
  const admin = new pg.Client({ connectionString: options.serverUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${pg.escapeIdentifier(options.database)}`);
    await admin.query(`create database ${pg.escapeIdentifier(options.database)}`);
  } finally {
    await admin.end();
  }
  const pool = new pg.Pool({
    connectionString: withDatabase(options.serverUrl, options.database),
    max: options.poolSize,
  });
  pool.on('error', () => {});
  await migrate(pool);
  const store: QueueStore = createPostgresStore({ pool });
  const queue: Queue = createQueue({ store });
  await queue.configureSite(options.site);
  const siteId = options.site.id;
  let closing: Promise<void> | undefined;

  return {
    async issue({ seconds, issuers, services }) {
      const latencies: number[] = [];
      let errors = 0;
      const start = performance.now();
      const deadline = start + seconds * 1000;
      await Promise.all(
        Array.from({ length: issuers }, async () => {
          for (let i = 0; performance.now() < deadline; i++) {
            const t = performance.now();
            try {
              await queue.issue({
                siteId,
                serviceId: services[i % services.length] ?? '',
                // as POST /api/tickets issues by default: online, no priority, no appointment
                channel: 'online',
                priorityClass: null,
              });
              latencies.push(performance.now() - t);
            } catch {
              errors += 1;
            }
          }
        }),
      );
      const elapsed = (performance.now() - start) / 1000;
      return {
        ops: latencies.length,
        opsPerSecond: Math.round(latencies.length / elapsed),
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        errors,
      };
    },

    async callNext({ seconds, counters }) {
      // sessions are opened before the clock starts (the app opens one per counter, once)
      const sessions = [];
      for (const counterId of counters) {
        const { session } = await queue.openSession({
          siteId,
          counterId,
          staffId: `bench:${counterId}`,
        });
        sessions.push(session?.id ?? '');
      }
      const start = performance.now();
      const deadline = start + seconds * 1000;
      const perCounter = await Promise.all(
        sessions.map(async (sessionId) => {
          const latencies: number[] = [];
          const callOnly: number[] = [];
          let called = 0;
          let empty = 0;
          let errors = 0;
          let held: string | null = null;
          while (performance.now() < deadline) {
            const t = performance.now();
            try {
              if (held) {
                const command = { siteId, sessionId, ticketId: held };
                held = null;
                await queue.startServing(command);
                await queue.finish(command);
              }
              const c = performance.now();
              const { ticket } = await queue.callNext({ siteId, sessionId });
              const end = performance.now();
              latencies.push(end - t);
              callOnly.push(end - c);
              if (ticket) {
                called += 1;
                held = ticket.id;
              } else empty += 1;
            } catch {
              errors += 1;
            }
          }
          return { latencies, callOnly, called, empty, errors };
        }),
      );
      const elapsed = (performance.now() - start) / 1000;
      const ops = perCounter.reduce((n, r) => n + r.latencies.length, 0);
      return {
        ops,
        opsPerSecond: Math.round(ops / elapsed),
        // as the HTTP figures: the median counter's p50 and the worst counter's p99
        p50: percentile(
          perCounter.map((r) => percentile(r.latencies, 50)),
          50,
        ),
        p99: Math.max(...perCounter.map((r) => percentile(r.latencies, 99))),
        errors: perCounter.reduce((n, r) => n + r.errors, 0),
        called: perCounter.reduce((n, r) => n + r.called, 0),
        empty: perCounter.reduce((n, r) => n + r.empty, 0),
        callOnlyP50: percentile(
          perCounter.map((r) => percentile(r.callOnly, 50)),
          50,
        ),
        callOnlyP99: Math.max(...perCounter.map((r) => percentile(r.callOnly, 99))),
      };
    },

    close() {
      closing ??= (async () => {
        await store.close();
        await pool.end();
      })();
      return closing;
    },
  };
}
