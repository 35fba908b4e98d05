#!/usr/bin/env node
// Release rehearsal: proves that MPP Kit can be released, used and upgraded outside this
// repository.
//  1. copies the workspace (tracked and new files, never the real checkout's state) to a
//     temporary folder and installs it;
//  2. `changeset version --snapshot rehearsal` there, then builds every public package;
//  3. starts a local Verdaccio on 127.0.0.1 (our package names local-only, everything else
//     proxied from the upstream registry) and runs `changeset publish` against it (release N);
//  4. `npm create mpp@<snapshot>` from that registry, in a temporary folder outside the repo;
//  5. installs the new project with npm from that registry only, builds it, runs its tests and
//     those of its infra/;
//  6. starts it and, over HTTP, issues tickets, serves one as a demo operator, answers its survey
//     and files a complaint; stops it;
//  7. release N+1 of @mpp-kit/app in the copy: a new migration, a changed page, changed default
//     Footer and HomeIntro; versioned, built and published;
//  8. `npm install @mpp-kit/app@<N+1>` in the project, rebuild, restart on the same data: the
//     migration is applied, everything from step 6 is still there, the new page text and Footer
//     are served and the project's own HomeIntro override still wins;
//  9. stops every process it started and deletes the temporary folder.
// Bounded: each step has a time limit and the whole run REHEARSAL_TIMEOUT_MINUTES (default 30).
// REHEARSAL_KEEP=1 keeps the temporary folder for inspection.
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import {
  changesetFor,
  changesetForAll,
  cleanEnv,
  elapsed,
  insertAfter,
  localPackagePatterns,
  UPGRADE,
  verdaccioConfig,
} from './lib.mjs';
import { checkWhatWasDone, pages, useTheMpp } from './mpp-client.mjs';

const started = Date.now();
const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const monorepo = resolve(packageDir, '../..');
const minutes = Number(process.env.REHEARSAL_TIMEOUT_MINUTES ?? 30);
const keep = process.env.REHEARSAL_KEEP === '1';

const log = (message) => console.log(`[rehearsal ${elapsed(started)}] ${message}`);

// ---- processes: each child leads its own process group so that stopping it stops all of it.
const running = new Map(); // pid -> name

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

function alive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopAll() {
  for (const pid of running.keys()) killGroup(pid, 'SIGTERM');
  const until = Date.now() + 10_000;
  while ([...running.keys()].some(alive) && Date.now() < until) await sleep(200);
  for (const pid of running.keys()) if (alive(pid)) killGroup(pid, 'SIGKILL');
  running.clear();
}

/** Any process still running from inside the temporary folder (found by its command line). */
function strays(root) {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const cwd = readlinkSync(`/proc/${entry}/cwd`);
      if (cmdline.includes(root) || cwd.startsWith(root)) found.push(Number(entry));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts a command in its own process group, its output going to `logs/<name>.log`. */
function start(name, command, args, { cwd, env }) {
  const logFile = join(paths.logs, `${name}.log`);
  const out = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(command, args, {
    cwd,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  running.set(child.pid, name);
  const done = new Promise((resolvePromise) => {
    child.on('error', (error) => {
      out.write(`\n${error.stack}\n`);
      resolvePromise(127);
    });
    child.on('close', (code, signal) => {
      running.delete(child.pid);
      out.end();
      resolvePromise(code ?? (signal ? 128 : 1));
    });
  });
  return { child, done, logFile };
}

function tail(file, lines = 80) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no output)';
  }
}

/** Runs a command to completion within `timeoutMs`; throws with the end of its output on failure. */
async function step(name, command, args, { cwd, env, timeoutMs }) {
  const t0 = Date.now();
  log(`${name}: ${[command, ...args].join(' ')}`);
  const proc = start(name, command, args, { cwd, env });
  let timer;
  const timeout = new Promise((r) => {
    timer = setTimeout(() => r('timeout'), timeoutMs);
  });
  const result = await Promise.race([proc.done, timeout]);
  clearTimeout(timer);
  if (result === 'timeout') {
    killGroup(proc.child.pid, 'SIGKILL');
    throw new Error(`${name} took longer than ${timeoutMs / 1000}s\n${tail(proc.logFile)}`);
  }
  if (result !== 0)
    throw new Error(`${name} failed with exit code ${result}\n${tail(proc.logFile)}`);
  log(`${name}: ok in ${elapsed(t0)}`);
}

function freePort() {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePromise(port));
    });
  });
}

async function waitForHttp(url, { timeoutMs, expect = 200, proc }) {
  const until = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < until) {
    if (proc && !running.has(proc.child.pid))
      throw new Error(`exited before ${url} answered\n${tail(proc.logFile)}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000), redirect: 'manual' });
      if (response.status === expect) return response;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await sleep(500);
  }
  throw new Error(
    `${url} did not answer ${expect} within ${timeoutMs / 1000}s (last: ${last})${proc ? `\n${tail(proc.logFile)}` : ''}`,
  );
}

// ---- the rehearsal
const root = mkdtempSync(join(tmpdir(), 'mpp-rehearsal-'));
// mkdtemp makes the folder private; the embedded PostgreSQL of the app runs as the `postgres`
// user when started by root and must reach its data folder below it.
chmodSync(root, 0o755);
if (!relative(monorepo, root).startsWith('..'))
  throw new Error(`temporary folder ${root} is inside the repository`);
const paths = {
  root,
  workspace: join(root, 'workspace'),
  storage: join(root, 'verdaccio', 'storage'),
  verdaccio: join(root, 'verdaccio'),
  projects: join(root, 'projects'),
  logs: join(root, 'logs'),
  npmCache: join(root, 'npm-cache'),
};
for (const dir of [paths.workspace, paths.storage, paths.projects, paths.logs, paths.npmCache])
  mkdirSync(dir, { recursive: true });

// Node 24 (the one running this script) first on PATH for every child.
const baseEnv = {
  ...cleanEnv(process.env),
  PATH: [dirname(process.execPath), process.env.PATH ?? ''].join(delimiter),
  CI: 'true',
  TURBO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
  ASTRO_TELEMETRY_DISABLED: '1',
};
// `pnpm` on PATH for every child (changesets calls it by name): the pnpm running this script
// when there is one, else the version the root package.json names, through npx.
const pnpmVersion =
  JSON.parse(readFileSync(join(monorepo, 'package.json'), 'utf8')).packageManager?.split('@')[1] ??
  '10';
const pnpmExecPath = process.env.npm_execpath;
const binDir = join(root, 'bin');
mkdirSync(binDir);
writeFileSync(
  join(binDir, 'pnpm'),
  pnpmExecPath && /pnpm/.test(pnpmExecPath) && existsSync(pnpmExecPath)
    ? `#!/bin/sh\nexec "${process.execPath}" "${pnpmExecPath}" "$@"\n`
    : `#!/bin/sh\nexec npx --yes pnpm@${pnpmVersion} "$@"\n`,
  { mode: 0o755 },
);
baseEnv.PATH = [binDir, baseEnv.PATH].join(delimiter);
const pnpm = { command: join(binDir, 'pnpm'), prefix: [] };
const upstream = (() => {
  const fromEnv = process.env.REHEARSAL_UPLINK ?? process.env.npm_config_registry;
  return fromEnv && !fromEnv.includes('127.0.0.1') ? fromEnv : 'https://registry.npmjs.org/';
})();

let failed = false;
const deadline = setTimeout(async () => {
  console.error(`[rehearsal] gave up after ${minutes} minutes`);
  failed = true;
  await finish();
  process.exit(1);
}, minutes * 60_000);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    failed = true;
    await finish();
    process.exit(130);
  });
}

let finished = false;
async function finish() {
  if (finished) return;
  finished = true;
  clearTimeout(deadline);
  await stopAll();
  const left = strays(root);
  for (const pid of left) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  if (left.length > 0) log(`stopped ${left.length} leftover process(es): ${left.join(', ')}`);
  if (keep) log(`kept ${root}`);
  else rmSync(root, { recursive: true, force: true, maxRetries: 3 });
}

try {
  log(
    `temporary folder ${root}; upstream registry ${upstream}; pnpm via ${readFileSync(pnpm.command, 'utf8').split('\n')[1]}`,
  );

  // 1. A copy of the workspace as git sees it: tracked and new files, not ignored ones.
  const listed = spawnSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: monorepo,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  let copied = 0;
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    const from = join(monorepo, file);
    if (!existsSync(from)) continue; // deleted in the working tree
    mkdirSync(dirname(join(paths.workspace, file)), { recursive: true });
    copyFileSync(from, join(paths.workspace, file));
    copied++;
  }
  log(`copied ${copied} files of the workspace`);
  const ws = { cwd: paths.workspace, env: baseEnv };
  await step(
    'workspace-install',
    pnpm.command,
    [...pnpm.prefix, 'install', '--frozen-lockfile', '--prefer-offline'],
    { ...ws, timeoutMs: 10 * 60_000 },
  );

  // 2. Version every public package as a snapshot and build them.
  const publicPackages = readdirSync(join(paths.workspace, 'packages'))
    .map((dir) => join(paths.workspace, 'packages', dir, 'package.json'))
    .filter(existsSync)
    .map((file) => JSON.parse(readFileSync(file, 'utf8')))
    .filter((m) => m.private !== true)
    .map((m) => m.name);
  writeFileSync(
    join(paths.workspace, '.changeset', 'release-rehearsal.md'),
    changesetForAll(publicPackages),
  );
  await step(
    'changeset-version',
    pnpm.command,
    [...pnpm.prefix, 'exec', 'changeset', 'version', '--snapshot', 'rehearsal'],
    { ...ws, timeoutMs: 2 * 60_000 },
  );
  const versionOf = (dir) =>
    JSON.parse(readFileSync(join(paths.workspace, 'packages', dir, 'package.json'), 'utf8'))
      .version;
  const createMppVersion = versionOf('create-mpp');
  if (!createMppVersion.includes('rehearsal'))
    throw new Error(`changeset version did not version create-mpp (got ${createMppVersion})`);
  log(`snapshot version of create-mpp: ${createMppVersion}`);
  await step(
    'build',
    pnpm.command,
    [
      ...pnpm.prefix,
      'exec',
      'turbo',
      'run',
      'build',
      '--filter=./packages/*',
      '--output-logs=errors-only',
    ],
    { ...ws, timeoutMs: 15 * 60_000 },
  );

  // 3. A local registry and the changesets publish flow against it.
  const port = await freePort();
  const registry = `http://127.0.0.1:${port}/`;
  const configFile = join(paths.verdaccio, 'config.yaml');
  writeFileSync(
    configFile,
    verdaccioConfig({
      storage: paths.storage,
      htpasswd: join(paths.verdaccio, 'htpasswd'),
      uplink: upstream,
      localPackages: localPackagePatterns(publicPackages),
    }),
  );
  log(`verdaccio: starting on ${registry}`);
  const verdaccio = start(
    'verdaccio',
    process.execPath,
    [join(packageDir, 'rehearsal', 'verdaccio-server.mjs'), configFile, String(port)],
    { cwd: paths.verdaccio, env: baseEnv },
  );
  await waitForHttp(`${registry}-/ping`, { timeoutMs: 60_000, proc: verdaccio });
  const user = await fetch(`${registry}-/user/org.couchdb.user:rehearsal`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'rehearsal', password: `rehearsal-${process.pid}-${Date.now()}` }),
  });
  const { token } = await user.json();
  if (!token) throw new Error(`verdaccio did not create the publishing user (HTTP ${user.status})`);
  const npmrc = join(root, 'npmrc');
  writeFileSync(npmrc, `registry=${registry}\n//127.0.0.1:${port}/:_authToken=${token}\n`);
  // Reading needs no login: without a token Verdaccio skips its password hash on every request,
  // which made each metadata request of an install take seconds.
  const readNpmrc = join(root, 'npmrc-read');
  writeFileSync(readNpmrc, `registry=${registry}\n`);
  const publishEnv = {
    ...baseEnv,
    npm_config_userconfig: npmrc,
    npm_config_registry: registry,
  };
  const registryEnv = {
    ...baseEnv,
    npm_config_userconfig: readNpmrc,
    npm_config_registry: registry,
    npm_config_cache: paths.npmCache,
    npm_config_yes: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  await step(
    'publish',
    pnpm.command,
    [...pnpm.prefix, 'exec', 'changeset', 'publish', '--tag', 'rehearsal', '--no-git-tag'],
    { cwd: paths.workspace, env: { ...registryEnv, ...publishEnv }, timeoutMs: 10 * 60_000 },
  );
  for (const name of publicPackages) {
    const response = await fetch(`${registry}${name.replace('/', '%2f')}`);
    const versions = response.ok ? Object.keys((await response.json()).versions ?? {}) : [];
    if (!versions.some((v) => v.includes('rehearsal')))
      throw new Error(
        `${name} was not published to the local registry (has: ${versions.join(', ') || 'nothing'})`,
      );
  }
  log(`published ${publicPackages.length} packages: ${publicPackages.join(', ')}`);

  // 4. A new MPP, made with the published create-mpp, outside the repository.
  const projectName = 'mpp-rehearsal';
  const project = join(paths.projects, projectName);
  await step(
    'npm-create',
    'npm',
    [
      'create',
      `mpp@${createMppVersion}`,
      '--',
      projectName,
      '--yes',
      '--region-code',
      '35.78',
      '--regency',
      'Kota Surabaya',
      '--admin-email',
      'it@rehearsal.example',
      '--profile',
      'small',
    ],
    { cwd: paths.projects, env: registryEnv, timeoutMs: 5 * 60_000 },
  );
  const { findLeaks, formatLeaks, templateSourceOf } = await import(
    pathToFileURL(join(paths.workspace, 'packages', 'create-mpp', 'dist', 'index.js')).href
  );
  // Checked against the real checkout and against the copy the packages were built from.
  const leaks = [monorepo, paths.workspace].flatMap((from) =>
    findLeaks(project, { monorepoRoot: from, sourceOf: templateSourceOf(from) }),
  );
  if (leaks.length > 0)
    throw new Error(`the new project is tied to the monorepo:\n${formatLeaks(leaks)}`);
  log('new project has no workspace: range and no path into the monorepo');

  // A migration of the project's own, as a region would add one: recorded as project/<file>,
  // run after the package's, kept through the upgrade.
  const projectMigration = '0001_rehearsal_local.sql';
  mkdirSync(join(project, 'migrations'));
  writeFileSync(
    join(project, 'migrations', projectMigration),
    'create table rehearsal_local_note (note text);\n',
  );

  // 5. Install from the local registry only (npm, as the project's Dockerfile does), build, test.
  const projectEnv = registryEnv;
  const npm = (name, args, timeoutMs, cwd = project) =>
    step(name, 'npm', args, { cwd, env: projectEnv, timeoutMs });
  await npm('project-install', ['install', `--registry=${registry}`], 15 * 60_000);
  const fromLocalRegistry = (expectedAppVersion) => {
    const scope = join(project, 'node_modules', '@mpp-kit');
    const found = {};
    for (const dir of readdirSync(scope)) {
      const installed = join(scope, dir);
      const real = realpathSync(installed);
      const version = JSON.parse(readFileSync(join(real, 'package.json'), 'utf8')).version;
      if (!real.startsWith(project) || !version.includes('rehearsal'))
        throw new Error(
          `@mpp-kit/${dir} was not installed from the local registry: ${real} (${version})`,
        );
      found[`@mpp-kit/${dir}`] = version;
    }
    if (found['@mpp-kit/app'] !== expectedAppVersion)
      throw new Error(
        `@mpp-kit/app ${found['@mpp-kit/app']} is installed, not ${expectedAppVersion}`,
      );
    const lock = readFileSync(join(project, 'package-lock.json'), 'utf8');
    const foreign = [...lock.matchAll(/"resolved": "([^"]+)"/g)]
      .map((m) => m[1])
      .filter((url) => !url.startsWith(registry));
    if (/"link": true|"(?:file|workspace|link):/.test(lock) || foreign.length > 0)
      throw new Error(
        `package-lock.json of the project resolves outside the local registry: ${foreign.slice(0, 3).join(', ')}`,
      );
    return found;
  };
  const appVersion = versionOf('app');
  const installed = fromLocalRegistry(appVersion);
  log(
    `installed from the local registry: ${Object.entries(installed)
      .map(([n, v]) => `${n}@${v}`)
      .join(', ')}`,
  );
  // The project's own checks run one after another even when one fails (a failing test should
  // not hide whether the app starts), and the rehearsal fails if any of them did.
  const problems = [];
  const check = async (name, run) => {
    try {
      await run();
    } catch (error) {
      problems.push(name);
      console.error(`[rehearsal ${elapsed(started)}] ${name} FAILED: ${error.message}`);
    }
  };
  await npm('project-build', ['run', 'build'], 10 * 60_000);
  await check('project-test', () => npm('project-test', ['test'], 10 * 60_000));
  await check('project-infra', async () => {
    const infraDir = join(project, 'infra');
    await npm(
      'project-infra-install',
      ['install', `--registry=${registry}`],
      15 * 60_000,
      infraDir,
    );
    await npm('project-infra-build', ['run', 'build'], 5 * 60_000, infraDir);
    await npm('project-infra-test', ['test'], 10 * 60_000, infraDir);
    // The infra program reads the project's own mpp.config.yaml (the path its Pulumi.yaml
    // defaults to): its cost estimate loads the file through the same code as `pulumi up`.
    const infra = JSON.parse(readFileSync(join(infraDir, 'package.json'), 'utf8'));
    if (infra.scripts?.estimate)
      await npm(
        'project-infra-estimate',
        ['run', 'estimate', '../mpp.config.yaml'],
        2 * 60_000,
        infraDir,
      );
  });
  if (problems.length > 0) throw new Error(`the new project failed: ${problems.join(', ')}`);

  // 6. Start it and use it over HTTP: tickets issued and served, a survey answer, a complaint.
  const config = parseYaml(readFileSync(join(project, 'mpp.config.yaml'), 'utf8'));
  const loket = config.loket[0];
  const { UNSUR_CODES: unsurCodes } = await import(
    pathToFileURL(join(paths.workspace, 'packages', 'skm', 'dist', 'index.js')).href
  );
  // The embedded database is read with the workspace's own `pg` (the project has it only inside
  // @mpp-kit/app), while the app runs.
  const pg = createRequire(join(paths.workspace, 'packages', 'app', 'package.json'))('pg');
  const appliedMigrations = async (pgPort) => {
    const client = new pg.Client({
      connectionString: `postgres://mpp:mpp-embedded@127.0.0.1:${pgPort}/mpp`,
      connectionTimeoutMillis: 10_000,
    });
    await client.connect();
    try {
      const { rows } = await client.query('select name from schema_migration order by name');
      return rows.map((r) => r.name);
    } finally {
      await client.end();
    }
  };
  /** Starts the project (`npm start`) on free ports and its existing data, runs `use`, stops it. */
  const withRunningProject = async (label, use) => {
    const appPort = await freePort();
    const pgPort = await freePort();
    log(`${label}: PORT=${appPort} MPP_PG_PORT=${pgPort} npm start`);
    const app = start(label, 'npm', ['start'], {
      cwd: project,
      env: {
        ...projectEnv,
        PORT: String(appPort),
        HOST: '127.0.0.1',
        MPP_PG_PORT: String(pgPort),
        DATABASE_URL: '',
        // the rehearsal counts survey respondents: no seeded history
        MPP_DEMO_HISTORY: 'false',
        LOG_LEVEL: 'info',
      },
    });
    const base = `http://127.0.0.1:${appPort}`;
    try {
      await waitForHttp(`${base}/readyz`, { timeoutMs: 3 * 60_000, proc: app });
      await use({ base, pgPort });
    } catch (error) {
      throw new Error(`${error.message}\n--- ${label} log ---\n${tail(app.logFile, 30)}`);
    } finally {
      killGroup(app.child.pid, 'SIGTERM');
      await Promise.race([app.done, sleep(20_000)]);
      if (running.has(app.child.pid)) killGroup(app.child.pid, 'SIGKILL');
    }
  };
  const overrideText = 'Ambil satu nomor antrean untuk semua layanan di gedung ini.';
  const markers = Object.fromEntries(UPGRADE.edits.map((e) => [e.file.split('/').pop(), e.marker]));
  let done;
  let migrationsBefore;
  await withRunningProject('project-start', async ({ base, pgPort }) => {
    const logins = JSON.parse(readFileSync(join(project, 'data', 'demo-logins.json'), 'utf8'));
    done = await useTheMpp(base, { loket, logins, unsurCodes });
    await checkWhatWasDone(base, done);
    const { home, hours } = await pages(base);
    if (!home.includes(overrideText))
      throw new Error("the home page does not use the project's HomeIntro");
    for (const marker of Object.values(markers))
      if (home.includes(marker) || hours.includes(marker))
        throw new Error(`release N already serves the N+1 marker ${marker}`);
    migrationsBefore = await appliedMigrations(pgPort);
    if (!migrationsBefore.includes(`project/${projectMigration}`))
      throw new Error(`the project's migration is not recorded: ${migrationsBefore.join(', ')}`);
    log(
      `release N served: tickets ${done.tickets.map((t) => t.number).join(', ')} (first served and surveyed), complaint ${done.complaint}; ${migrationsBefore.length} migrations applied`,
    );
  });

  // 7. Release N+1 of @mpp-kit/app, from the rehearsal's copy only: a new migration, a changed
  //    page, changed default components; versioned, built and published like N.
  writeFileSync(join(paths.workspace, UPGRADE.migration.file), UPGRADE.migration.sql);
  for (const edit of UPGRADE.edits) {
    const file = join(paths.workspace, edit.file);
    writeFileSync(file, insertAfter(readFileSync(file, 'utf8'), edit));
  }
  writeFileSync(
    join(paths.workspace, '.changeset', 'release-rehearsal-upgrade.md'),
    changesetFor(
      ['@mpp-kit/app'],
      'Release rehearsal N+1: a migration, a page and two default components change.',
    ),
  );
  await step(
    'changeset-version-n1',
    pnpm.command,
    [...pnpm.prefix, 'exec', 'changeset', 'version', '--snapshot', 'rehearsal'],
    { ...ws, timeoutMs: 2 * 60_000 },
  );
  const nextAppVersion = versionOf('app');
  if (nextAppVersion === appVersion || !nextAppVersion.includes('rehearsal'))
    throw new Error(
      `changeset version did not give @mpp-kit/app a new version (${nextAppVersion})`,
    );
  await step(
    'build-n1',
    pnpm.command,
    [
      ...pnpm.prefix,
      'exec',
      'turbo',
      'run',
      'build',
      '--filter=@mpp-kit/app',
      '--output-logs=errors-only',
    ],
    { ...ws, timeoutMs: 10 * 60_000 },
  );
  await step(
    'publish-n1',
    pnpm.command,
    [...pnpm.prefix, 'exec', 'changeset', 'publish', '--tag', 'rehearsal', '--no-git-tag'],
    { cwd: paths.workspace, env: { ...registryEnv, ...publishEnv }, timeoutMs: 10 * 60_000 },
  );
  log(`published @mpp-kit/app ${nextAppVersion} (release N was ${appVersion})`);

  // 8. Upgrade the project as a region would: the package manager, a rebuild, a restart.
  await npm(
    'project-update',
    ['install', `@mpp-kit/app@${nextAppVersion}`, `--registry=${registry}`],
    10 * 60_000,
  );
  fromLocalRegistry(nextAppVersion);
  const range = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).dependencies[
    '@mpp-kit/app'
  ];
  log(`project now depends on @mpp-kit/app ${range}`);
  await npm('project-rebuild', ['run', 'build'], 10 * 60_000);
  await withRunningProject('project-restart', async ({ base, pgPort }) => {
    const migrationsAfter = await appliedMigrations(pgPort);
    const added = migrationsAfter.filter((m) => !migrationsBefore.includes(m));
    if (added.join() !== UPGRADE.migration.name)
      throw new Error(
        `expected exactly ${UPGRADE.migration.name} to be applied on restart, got: ${added.join(', ') || 'nothing'}`,
      );
    await checkWhatWasDone(base, done);
    const { home, hours } = await pages(base);
    if (!hours.includes(markers['jam-layanan.astro']))
      throw new Error('/jam-layanan does not serve the N+1 page');
    if (!home.includes(markers['Footer.astro']))
      throw new Error('the changed default Footer is not served');
    if (home.includes(markers['HomeIntro.astro']))
      throw new Error("the package's changed default HomeIntro replaced the project's override");
    if (!home.includes(overrideText))
      throw new Error("the project's HomeIntro override is no longer used");
    log(
      `release N+1 served: ${UPGRADE.migration.name} applied, tickets/survey/complaint kept, new page text and Footer served, project HomeIntro kept`,
    );
  });

  await stopAll();
  void verdaccio;
  log(`rehearsal passed in ${elapsed(started)}`);
} catch (error) {
  failed = true;
  console.error(
    `[rehearsal ${elapsed(started)}] FAILED: ${error instanceof Error ? error.message : error}`,
  );
  if (!keep) console.error(`(logs were in ${paths.logs}; set REHEARSAL_KEEP=1 to keep them)`);
} finally {
  await finish();
}
process.exit(failed ? 1 : 0);
