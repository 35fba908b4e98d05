import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The demo configuration "MPP Kota Contoh" the tests are written against. A copy, not the
 * project's own `mpp.config.yaml`: a project made by create-mpp holds its region's config there.
 */
/** The project built from test/project: `mpp-app start` runs in it. */
export const projectDir = path.join(root, 'test/project');

export const demoConfigFile = path.join(root, 'test/fixtures/demo.mpp.config.yaml');

export interface DemoLogin {
  username: string;
  password: string;
  role: 'operator' | 'agency_admin' | 'mpp_manager' | 'auditor';
  agencyId: string | null;
}

/** The built app (dist/run/main.js) running as a child process on its own embedded database. */
export interface AppProcess {
  base: string;
  /** URL of the app's embedded PostgreSQL (for checks the API does not expose). */
  databaseUrl: string;
  dataDir: string;
  logins: DemoLogin[];
  output: () => string;
  /** SIGTERM and wait for exit (graceful). */
  stop(): Promise<number | null>;
  /** kill -9 the app and, when `database` is set, its PostgreSQL too. */
  crash(options?: { database?: boolean }): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts the app; reuse `dataDir` to restart on the same data; `project` defaults to test/project. */
export async function startApp(
  options: { dataDir?: string; env?: Record<string, string>; project?: string } = {},
): Promise<AppProcess> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'mpp-test-')));
  const port = await freePort();
  const pgPort = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'dist/cli.js'), 'start'], {
    // the project the package's tests build (test/support/build-project.mjs), as a region runs it
    cwd: options.project ?? projectDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      MPP_DATA_DIR: dataDir,
      MPP_PG_PORT: String(pgPort),
      MPP_CONFIG: demoConfigFile,
      MPP_LOGIN_ATTEMPTS_PER_MINUTE: '1000',
      // tests run at any hour: the demo config's opening hours are not enforced unless a test
      // sets this to 'false' (test/fix-opening-hours.test.ts)
      MPP_ISSUE_OUTSIDE_HOURS: 'true',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`app did not start in 60 s:\n${output}`)),
      60_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('is running at')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`app exited with ${code}:\n${output}`));
    });
  });
  const logins = JSON.parse(
    await readFile(path.join(dataDir, 'demo-logins.json'), 'utf8'),
  ) as DemoLogin[];
  return {
    base: `http://127.0.0.1:${port}`,
    databaseUrl: `postgres://mpp:mpp-embedded@127.0.0.1:${pgPort}/mpp`,
    dataDir,
    logins,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      return exited;
    },
    async crash({ database = false } = {}) {
      const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
      const pgPid = Number((await readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0]);
      child.kill('SIGKILL');
      await exited;
      if (database && pgPid > 0) {
        process.kill(pgPid, 'SIGKILL');
        while (isAlive(pgPid)) await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function removeDataDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** A tiny cookie-keeping HTTP client, as a browser or a script would use the API. */
export class Client {
  private readonly cookies = new Map<string, string>();
  readonly base: string;

  // no parameter property: the benchmark runs this file with Node's type stripping
  constructor(base: string) {
    this.base = base;
  }

  /** The Cookie header this client would send. */
  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  get csrf(): string | undefined {
    return this.cookies.get('mpp_csrf');
  }

  async fetch(
    pathname: string,
    init: RequestInit & { json?: unknown; form?: Record<string, string> } = {},
  ) {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) {
      headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    if (init.form) {
      headers.set('content-type', 'application/x-www-form-urlencoded');
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(`${this.base}${pathname}`, {
      ...init,
      headers,
      body,
      redirect: 'manual',
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (/expires=Thu, 01 Jan 1970/i.test(cookie) || value === '' || value === 'deleted')
        this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** Gets a CSRF cookie (any page sets it) and signs in; returns the response status. */
  async login(username: string, password: string): Promise<number> {
    if (!this.csrf) await this.fetch('/loket/masuk');
    const res = await this.fetch('/api/staff/login', {
      method: 'POST',
      json: { username, password },
      headers: { 'x-csrf-token': this.csrf ?? '' },
    });
    return res.status;
  }

  /** A JSON POST with the CSRF header, as the console's scripts send it. */
  post(pathname: string, json: unknown = {}) {
    return this.fetch(pathname, {
      method: 'POST',
      json,
      headers: { 'x-csrf-token': this.csrf ?? '' },
    });
  }
}

/** A client signed in as one of the app's demo accounts; fails loudly when the sign-in does not. */
export async function signedIn(app: AppProcess, username: string): Promise<Client> {
  const login = app.logins.find((l) => l.username === username);
  if (!login) throw new Error(`no demo account '${username}'`);
  const client = new Client(app.base);
  const status = await client.login(username, login.password);
  if (status !== 200) throw new Error(`sign-in of '${username}' answered ${status}`);
  return client;
}

/**
 * One client per demo account named, and for `'public'` an anonymous client that has opened
 * `publicPage` (so it holds a CSRF cookie, as a browser would).
 */
export async function clientsFor<Who extends string>(
  app: AppProcess,
  who: readonly Who[],
  publicPage: string,
): Promise<Map<Who, Client>> {
  const clients = new Map<Who, Client>();
  for (const name of who) {
    if (name === 'public') {
      const anonymous = new Client(app.base);
      await anonymous.fetch(publicPage);
      clients.set(name, anonymous);
    } else clients.set(name, await signedIn(app, name));
  }
  return clients;
}
