// Tests that reach past the mocks: the app honours infra/aws CONTRACT.md. The environment and
// secrets of the app and migrate task definitions the program records under mocks are given,
// exactly, to the real roles step, the real `mpp-app migrate` and two real `mpp-app start`
// processes of @mpp-kit/app (the project packages/app builds for its own tests), against Debian's
// PostgreSQL 15 that accepts only TLS with a certificate from a private CA. Mapped to this
// machine, and nothing else: the database's address (host and port), the image's paths (the
// RDS CA bundle, the /tmp scratch volume) and each task's PORT (every task has its own address
// in ECS). Added, as ECS and the image add them: the Secrets Manager endpoint (a local stand-in
// for the VPC endpoint), the task role's credentials and the image's mpp.config.yaml.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_ROLES_COMMAND, RDS_CA_BUNDLE_PATH, SCRATCH_PATH } from '../src/components/service.js';
import { example, specOf } from './config-variant.js';
import { freePort, startTlsPostgres, type TlsPostgres } from './contract/postgres-tls.js';
import { type SecretsEndpoint, startSecretsEndpoint } from './contract/secrets-manager.js';
import {
  type ContainerDefinition,
  containerEnvironment,
  ecsSecretValue,
} from './contract/task-environment.js';
import { ofType, runProgram } from './run-program.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const appPackage = join(repo, 'packages/app');
/** The project `mpp-app` runs in (the image's /app): built by packages/app's test support. */
const project = join(appPackage, 'test/project');
/** The configuration baked into the image (the app package's demo region, with boards). */
const imageConfig = join(appPackage, 'test/fixtures/demo.mpp.config.yaml');

/** What a command of a task definition runs here: `mpp-app` is @mpp-kit/app's bin. */
function resolveCommand(command: readonly string[]): { args: string[]; cwd: string } {
  const [program = '', ...rest] = command;
  if (program === 'node' && rest[0] === DB_ROLES_COMMAND[1]) {
    // the Dockerfile copies docker/db-roles.mjs to /app/infra/db-roles.mjs
    return { args: [join(repo, 'infra/aws/docker/db-roles.mjs'), ...rest.slice(1)], cwd: project };
  }
  const bins = JSON.parse(readFileSync(join(appPackage, 'package.json'), 'utf8')).bin as Record<
    string,
    string
  >;
  const bin = bins[program];
  if (!bin) throw new Error(`the image has no command ${program}`);
  return { args: [join(appPackage, bin), ...rest], cwd: project };
}

interface Run {
  code: number | null;
  output: string;
}

function runToEnd(command: readonly string[], env: Record<string, string>): Promise<Run> {
  const { args, cwd } = resolveCommand(command);
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

interface AppTask {
  base: string;
  /** Its MPP_DATA_DIR (the first accounts' passwords are written there). */
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
}

async function startTask(
  command: readonly string[],
  env: Record<string, string>,
): Promise<AppTask> {
  const { args, cwd } = resolveCommand(command);
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app did not start:\n${output}`)), 90_000);
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
  return {
    base: `http://127.0.0.1:${env.PORT}`,
    dataDir: env.MPP_DATA_DIR ?? '',
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A cookie- and CSRF-keeping client, as the counter console's scripts use the API. */
class Browser {
  private readonly cookies = new Map<string, string>();
  constructor(readonly base: string) {}
  async fetch(path: string, init: { method?: string; json?: unknown } = {}) {
    const headers: Record<string, string> = {
      cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': this.cookies.get('mpp_csrf') ?? '',
    };
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.base}${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
      redirect: 'manual',
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return res;
  }
}

/** Server-sent events of one stream, as a board receives them. */
function listen(url: string) {
  const frames: string[] = [];
  const controller = new AbortController();
  void (async () => {
    const res = await fetch(url, {
      headers: { accept: 'text/event-stream' },
      signal: controller.signal,
    });
    if (!res.body) return;
    const decoder = new TextDecoder();
    for await (const chunk of res.body) frames.push(decoder.decode(chunk as Uint8Array));
  })().catch(() => {});
  return {
    async waitFor(text: string, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      while (!frames.join('').includes(text)) {
        if (Date.now() > until)
          throw new Error(`no event with ${text}; got ${frames.join('').slice(-500)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => controller.abort(),
  };
}

const secretJson = (username: string) =>
  JSON.stringify({ username, password: randomBytes(18).toString('base64url') });

let db: TlsPostgres;
let endpoint: SecretsEndpoint;
let appContainer: ContainerDefinition;
let rolesContainer: ContainerDefinition;
let migrateContainer: ContainerDefinition;
let appSecretArn: string;
let migratorSecretArn: string;
const tasks: AppTask[] = [];
const scratch = () => mkdtempSync(join(tmpdir(), 'mpp-task-tmp-'));

/** A container's environment with this machine's address, paths and port in place of AWS's. */
async function onThisMachine(
  container: ContainerDefinition,
  options: { caFile?: string } = {},
): Promise<Record<string, string>> {
  const recorded = containerEnvironment(container, endpoint.secrets);
  const env: Record<string, string> = {};
  const tmp = scratch();
  const caFile = options.caFile ?? db.caFile;
  for (const [name, value] of Object.entries(recorded)) {
    let local = value;
    if (name === 'DATABASE_URL') {
      const url = new URL(value);
      local = value.replace(`//${url.host}/`, `//localhost:${db.port}/`);
    }
    local = local.replaceAll(RDS_CA_BUNDLE_PATH, caFile);
    if (name === 'MPP_DATA_DIR') local = local.replace(SCRATCH_PATH, tmp);
    env[name] = local;
  }
  if (env.PORT) env.PORT = String(await freePort());
  return {
    ...env,
    MPP_CONFIG: imageConfig,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoint.url,
    AWS_ACCESS_KEY_ID: 'AKIDTASKROLE',
    AWS_SECRET_ACCESS_KEY: 'task-role-secret',
  };
}

async function runMigrateTask(): Promise<void> {
  const roles = await runToEnd(rolesContainer.command, await onThisMachine(rolesContainer));
  expect(roles.output).toContain('database roles ready');
  expect(roles.code).toBe(0);
  const migrate = await runToEnd(migrateContainer.command, await onThisMachine(migrateContainer));
  expect(migrate.code, migrate.output).toBe(0);
}

beforeAll(async () => {
  const built = spawnSync(process.execPath, [join(appPackage, 'test/support/build-project.mjs')], {
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('building packages/app/test/project failed');
  // The first rollout of the launch guide: createFirstAccounts gives the staff accounts.
  const run = await runProgram(await specOf(example('medium'), { createFirstAccounts: true }));
  const definitions = (name: string) =>
    JSON.parse(
      ofType(run, 'aws:ecs/taskDefinition:TaskDefinition').find((t) => t.name === name)?.inputs
        .containerDefinitions,
    ) as ContainerDefinition[];
  [appContainer] = definitions('service-app-task') as [ContainerDefinition];
  [rolesContainer, migrateContainer] = definitions('service-migrate-task') as [
    ContainerDefinition,
    ContainerDefinition,
  ];
  const plain = Object.fromEntries(appContainer.environment.map((e) => [e.name, e.value]));
  appSecretArn = plain.DATABASE_SECRET_ARN ?? '';
  const arnOf = (c: ContainerDefinition, name: string) =>
    (c.secrets.find((s) => s.name === name)?.valueFrom ?? '').split(':').slice(0, 7).join(':');
  migratorSecretArn = arnOf(migrateContainer, 'PGUSER');
  const masterArn = arnOf(rolesContainer, 'PGPASSWORD');
  const master = { username: 'mpp_admin', password: randomBytes(18).toString('base64url') };
  endpoint = await startSecretsEndpoint({
    [masterArn]: JSON.stringify(master),
    [appSecretArn]: secretJson('mpp_app_a'),
    [migratorSecretArn]: secretJson('mpp_migrator'),
  });
  const recordedHost = new URL(plain.DATABASE_URL ?? '').hostname;
  db = await startTlsPostgres(['localhost', recordedHost]);
  // What RDS creates: the master user (not a superuser) owning the database the URL names.
  const database = new URL(plain.DATABASE_URL ?? '').pathname.slice(1);
  db.sql(
    'postgres',
    `CREATE ROLE ${master.username} LOGIN CREATEROLE CREATEDB PASSWORD '${master.password}'`,
  );
  db.sql('postgres', `CREATE DATABASE ${database} OWNER ${master.username}`);
}, 600_000);

afterAll(async () => {
  for (const task of tasks) await task.stop();
  await endpoint?.close();
  db?.stop();
});

describe('the app contract (CONTRACT.md) with real processes', () => {
  it('the migrate task: the roles step as the master user, then mpp-app migrate as the migrator', async () => {
    expect(ecsSecretValue(`${appSecretArn}:username::`, endpoint.secrets)).toBe('mpp_app_a');
    await runMigrateTask();
    const owners = db.sql(
      'mpp',
      "select distinct pg_get_userbyid(relowner) from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and relkind = 'r'",
    );
    expect(owners.trim()).toBe('mpp_migrator');
  }, 180_000);

  it('two app tasks start with exactly their environment, verify TLS, sign in least-privileged', async () => {
    tasks.push(await startTask(appContainer.command, await onThisMachine(appContainer)));
    tasks.push(await startTask(appContainer.command, await onThisMachine(appContainer)));
    for (const task of tasks) expect((await fetch(`${task.base}/readyz`)).status).toBe(200);
    const sessions = db.sql(
      'mpp',
      "select usename, ssl from pg_stat_activity join pg_stat_ssl using (pid) where datname = 'mpp' and usename like 'mpp_app%' group by 1, 2",
    );
    expect(sessions.trim()).toBe('mpp_app_a|t');
    expect(endpoint.reads.get(appSecretArn) ?? 0).toBe(0); // ECS injected the secret
  }, 240_000);

  it('a call made on one task reaches a board connected to the other', async () => {
    const [a, b] = tasks as [AppTask, AppTask];
    const board = listen(`${b.base}/api/events/board/layar-utara`);
    try {
      const issued = await fetch(`${a.base}/api/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ serviceId: 'ktp-el' }),
      });
      expect(issued.status).toBe(201);
      const logins = JSON.parse(readFileSync(join(a.dataDir, 'demo-logins.json'), 'utf8')) as {
        username: string;
        password: string;
      }[];
      const operator = logins.find((l) => l.username === 'operator-dukcapil');
      const console = new Browser(a.base);
      await console.fetch('/loket/masuk');
      const signedIn = await console.fetch('/api/staff/login', {
        method: 'POST',
        json: { username: operator?.username, password: operator?.password },
      });
      expect(signedIn.status).toBe(200);
      expect(
        (
          await console.fetch('/api/staff/counter', {
            method: 'POST',
            json: { counterId: 'loket-01' },
          })
        ).status,
      ).toBe(200);
      const called = await console.fetch('/api/staff/counters/loket-01/call-next', {
        method: 'POST',
        json: {},
      });
      expect(called.status).toBe(200);
      await board.waitFor('"kind":"called"');
    } finally {
      board.close();
    }
  }, 60_000);

  it('survives a password rotation without a restart', async () => {
    const [a, b] = tasks as [AppTask, AppTask];
    const old = endpoint.secrets.get(appSecretArn) ?? '';
    // The runbook: the app secret moves to the other login user with a new password, the
    // migrator gets a new one, and the migrate task (roles step, migrations) applies them.
    endpoint.secrets.set(appSecretArn, secretJson('mpp_app_b'));
    endpoint.secrets.set(migratorSecretArn, secretJson('mpp_migrator'));
    await runMigrateTask();
    // Then the previous user's password is revoked and its sessions end: every connection the
    // running tasks open from now on must sign in with the new credentials.
    db.sql('mpp', 'ALTER ROLE mpp_app_a PASSWORD NULL');
    db.sql(
      'mpp',
      "select pg_terminate_backend(pid) from pg_stat_activity where usename = 'mpp_app_a'",
    );
    for (const task of [a, b]) {
      const until = Date.now() + 20_000;
      let status = 0;
      while (status !== 200 && Date.now() < until) {
        status = (await fetch(`${task.base}/readyz`)).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 200));
      }
      expect(status, task.output().slice(-2000)).toBe(200);
    }
    const issued = await fetch(`${b.base}/api/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: 'ktp-el' }),
    });
    expect(issued.status).toBe(201);
    const users = db.sql(
      'mpp',
      "select distinct usename from pg_stat_activity where datname = 'mpp' and usename like 'mpp_app%'",
    );
    expect(users.trim()).toBe('mpp_app_b');
    // each task re-read the secret (concurrent refusals share one read, at most one per 30 s)
    const reads = endpoint.reads.get(appSecretArn) ?? 0;
    expect(reads).toBeGreaterThanOrEqual(2);
    expect(reads).toBeLessThanOrEqual(4);
    const fresh = JSON.parse(endpoint.secrets.get(appSecretArn) ?? '{}').password as string;
    const stale = JSON.parse(old).password as string;
    for (const task of [a, b]) {
      expect(task.output()).toContain('credentials re-read from the secret');
      expect(task.output()).not.toContain(fresh);
      expect(task.output()).not.toContain(stale);
    }
  }, 120_000);

  it('refuses a database whose certificate the CA bundle does not vouch for', async () => {
    const migrate = await runToEnd(
      migrateContainer.command,
      await onThisMachine(migrateContainer, { caFile: db.wrongCaFile }),
    );
    expect(migrate.code).not.toBe(0);
    expect(migrate.output).toMatch(/certificate could not be verified for host localhost/);
    expect(migrate.output).toContain(db.wrongCaFile);
  }, 60_000);
});
