// Starts the app under benchmark as a child process on its own embedded PostgreSQL. What the app
// is (its folder, start command, config file, port) comes from the caller, so this file moves
// with the benchmark unchanged; what it relies on is the app's contract: PORT, HOST, MPP_DATA_DIR,
// MPP_PG_PORT and MPP_CONFIG in the environment, /readyz, its embedded database's login
// (mpp / mpp-embedded, database mpp) and the demo logins it writes to
// <data dir>/demo-logins.json.

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface AppOptions {
  /** The app's folder (the start command runs there). */
  cwd: string;
  /** The start command, split on spaces; a leading `node` is this Node. */
  command: string;
  /** The app's configuration file (MPP_CONFIG). */
  config: string;
  /** HTTP port; 0 picks a free one. */
  port: number;
  /** Further environment for the app. */
  env?: Record<string, string>;
}

export interface RunningApp {
  base: string;
  /** URL of the app's embedded PostgreSQL (its own database; the server may hold others). */
  databaseUrl: string;
  logins: { username: string; password: string }[];
  /** SIGTERM, wait for the exit, remove the data folder. */
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function startApp(options: AppOptions): Promise<RunningApp> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'mpp-bench-'));
  const port = options.port || (await freePort());
  const pgPort = await freePort();
  const [program = 'node', ...args] = options.command.split(/\s+/).filter(Boolean);
  let output = '';
  const child: ChildProcess = spawn(program === 'node' ? process.execPath : program, args, {
    cwd: options.cwd,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      MPP_DATA_DIR: dataDir,
      MPP_PG_PORT: String(pgPort),
      MPP_CONFIG: options.config,
      MPP_LOGIN_ATTEMPTS_PER_MINUTE: '1000',
      LOG_LEVEL: 'warn',
      // its own embedded database, never one named in the caller's environment
      DATABASE_URL: '',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const base = `http://127.0.0.1:${port}`;
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const until = Date.now() + 60_000;
  for (;;) {
    if (gone) throw new Error(`app exited before it was ready:\n${output}`);
    const ready = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`app not ready in 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const logins = JSON.parse(
    await readFile(path.join(dataDir, 'demo-logins.json'), 'utf8'),
  ) as RunningApp['logins'];
  return {
    base,
    databaseUrl: `postgres://mpp:mpp-embedded@127.0.0.1:${pgPort}/mpp`,
    logins,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
