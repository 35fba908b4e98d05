/**
 * A real PostgreSQL for tests and the benchmark. With `DATABASE_URL` set it is used
 * as is. Otherwise Debian's PostgreSQL (PG_BIN_DIR, default /usr/lib/postgresql/15/bin)
 * is started in a temporary data directory on a free port of 127.0.0.1; as root it
 * runs as the `postgres` user (PostgreSQL refuses to run as root). `stop()` shuts it
 * down and removes the directory.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningPostgres {
  /** Connection string of the maintenance database (`postgres`). */
  readonly url: string;
  /** Directory holding the server's binaries (for pgbench), when started here. */
  readonly binDir: string;
  readonly startedHere: boolean;
  stop(): void;
}

export interface StartOptions {
  /** Durable settings (fsync on) for benchmarks; tests turn fsync off for speed. */
  readonly durable?: boolean;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function postgresUid(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/** Starts (or points at) a PostgreSQL server. */
export async function startPostgres(options: StartOptions = {}): Promise<RunningPostgres> {
  const binDir = process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin';
  const external = process.env.DATABASE_URL;
  if (external) return { url: external, binDir, startedHere: false, stop() {} };
  if (!existsSync(join(binDir, 'pg_ctl'))) {
    throw new Error(
      `PostgreSQL not found in ${binDir}; set DATABASE_URL or PG_BIN_DIR / PostgreSQL tidak ditemukan`,
    );
  }
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'mpp-queue-pg-'));
  const data = join(dir, 'data');
  if (asRoot) {
    const { uid, gid } = postgresUid();
    chownSync(dir, uid, gid);
  }
  const run = (bin: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(binDir, bin), ...args], {
          stdio: 'pipe',
        })
      : execFileSync(join(binDir, bin), args, { stdio: 'pipe' });
  run('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-sync',
    '--no-instructions',
  ]);
  const log = join(dir, 'server.log');
  // The free port can be taken by another process (a parallel test run) before the
  // server binds it: then try another, and say what the server said if all fail.
  let port = 0;
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    const settings = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c max_connections=200',
      '-c shared_buffers=256MB',
      ...(options.durable
        ? []
        : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
    ].join(' ');
    try {
      run('pg_ctl', ['-D', data, '-o', settings, '-l', log, '-w', '-t', '60', 'start']);
      break;
    } catch (error) {
      if (attempt >= 3) {
        const said = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '(no log)';
        rmSync(dir, { recursive: true, force: true });
        throw new Error(`PostgreSQL did not start (port ${port}): ${String(error)}\n${said}`);
      }
    }
  }
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    binDir,
    startedHere: true,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Replaces the database name of a connection string. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
