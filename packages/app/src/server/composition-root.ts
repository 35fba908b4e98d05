import type { LoadedConfig } from '@mpp-kit/config';
import type pg from 'pg';
import type { Logger } from 'pino';
import { AdminConfig } from '../features/admin/admin-config.js';
import { CatalogueAdmin } from '../features/admin/catalogue-admin.js';
import { PersonalDataService } from '../features/admin/personal-data.js';
import { retentionPolicyFromEnv, runRetention } from '../features/admin/retention-job.js';
import { StaffAdmin } from '../features/admin/staff-admin.js';
import { AnalyticsService } from '../features/analytics/analytics-service.js';
import type { AppContext } from '../features/app-context.js';
import { buildCatalogue, type Catalogue } from '../features/catalogue/catalogue.js';
import { liveCatalogue } from '../features/catalogue/live-catalogue.js';
import { ComplaintService } from '../features/complaints/complaint-service.js';
import { seedDemoHistory } from '../features/demo/demo-history.js';
import { EventHub } from '../features/queue/event-hub.js';
import { QueueService } from '../features/queue/queue-service.js';
import { AuditService } from '../features/staff/audit-service.js';
import { AuthService } from '../features/staff/auth-service.js';
import { type DemoLogin, ensureDemoAccounts } from '../features/staff/demo-accounts.js';
import { SurveyService } from '../features/survey/survey-service.js';
import { workingCalendar } from '../shared/time/working-days.js';
import { createMetrics } from './metrics.js';

/** What the process hands the app: an open database, the loaded configuration, a logger. */
export interface AppDependencies {
  pool: pg.Pool;
  /** For the event hub's own LISTEN connection. */
  databaseUrl: string;
  configFile: string;
  config: LoadedConfig;
  logger: Logger;
  settings: AppSettings;
}

/** Settings read from the environment by {@link settingsFromEnv}. */
export interface AppSettings {
  secureCookies: boolean;
  loginAttemptsPerMinute: number;
  /** Create the demo accounts (written to `dataDir`) and, with `demoHistory`, weeks of history. */
  demoAccounts: { dataDir: string; history: boolean } | null;
  /** The environment the retention policy is read from (decision 0070). */
  retentionEnv: Record<string, string | undefined>;
  /** Issue tickets at any hour (the demo, tests); otherwise only within the opening hours. */
  issueAnyHour: boolean;
  /** How often each process re-checks for another replica's administration change it missed. */
  adminRecheckMs: number;
}

/** A job the app runs in the background, now and then every `everyMs`. */
export interface BackgroundJob {
  name: string;
  everyMs: number;
  /** At start: run before the app listens (`wait`), or alongside (`background`). */
  atStart: 'wait' | 'background';
  run: () => Promise<unknown>;
}

/** The app as built: the context of its site, what the HTTP server needs, and its jobs. */
export interface App {
  /**
   * The context of the site a request is for. One deployment serves one site today; serving
   * many MPPs means building one context per site here and resolving it by host name.
   */
  siteFor(host: string | undefined): AppContext;
  /** The one site's context (for the process: welcome text, housekeeping). */
  site: AppContext;
  hub: EventHub;
  metrics: ReturnType<typeof createMetrics>;
  demoLogins: DemoLogin[];
  jobs: BackgroundJob[];
  /** Starts what listens and runs in the background; then {@link stop} ends it. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

const HOUR = 3_600_000;

/** Settings from environment variables (the process's concern is only to pass them). */
export function settingsFromEnv(
  env: Record<string, string | undefined>,
  dataDir: string,
): AppSettings {
  const demo = (env.MPP_DEMO_ACCOUNTS ?? (env.DATABASE_URL ? 'false' : 'true')) === 'true';
  return {
    secureCookies: env.MPP_SECURE_COOKIES
      ? env.MPP_SECURE_COOKIES === 'true'
      : env.NODE_ENV === 'production',
    loginAttemptsPerMinute: Number(env.MPP_LOGIN_ATTEMPTS_PER_MINUTE ?? 20),
    demoAccounts: demo ? { dataDir, history: (env.MPP_DEMO_HISTORY ?? 'true') === 'true' } : null,
    retentionEnv: env,
    issueAnyHour: (env.MPP_ISSUE_OUTSIDE_HOURS ?? String(demo)) === 'true',
    adminRecheckMs: Number(env.MPP_ADMIN_RECHECK_SECONDS ?? 10) * 1000,
  };
}

/**
 * The composition root: builds every service of the app once, in one place, and returns the
 * {@link AppContext} that pages and endpoints read from `Astro.locals.app`. Routes never
 * construct a service. The steps below go feature by feature; a new capability is a new
 * feature folder, its services added to `AppContext` and built in one more step here, and its
 * background work added to `jobs` (decision 0115).
 */
export async function createApp(deps: AppDependencies): Promise<App> {
  const { pool, logger, settings } = deps;

  // catalogue: the file with the administrators' stored changes laid over it (decision 0066)
  const live = liveCatalogue(buildCatalogue(deps.config));
  const catalogue: Catalogue = live.catalogue;
  const calendar = workingCalendar(catalogue.config.instance.timezone, catalogue.config.holidays);

  // queue: every commit of this process reaches metrics and the boards at once
  let hub: EventHub | undefined;
  let queue: QueueService | undefined;
  const metrics = createMetrics(
    () => queue,
    () => hub?.size ?? 0,
  );
  queue = new QueueService(
    pool,
    catalogue,
    (event, ticket) => {
      metrics.onQueueEvent(event, ticket);
      hub?.publish(event);
    },
    { openingHours: !settings.issueAnyHour },
  );
  if (settings.issueAnyHour)
    logger.info('tickets are issued at any hour (MPP_ISSUE_OUTSIDE_HOURS=true or the demo)');
  const liveQueue = queue;
  hub = new EventHub(liveQueue);
  const events = hub;

  // staff: sign-in and the audit log
  const auth = new AuthService(pool, settings.loginAttemptsPerMinute);
  const audit = new AuditService(pool);

  // administration: the running configuration, applied to the queue as it changes
  const adminConfig = new AdminConfig(pool, deps.configFile, live, {
    reconfigure: () => liveQueue.reconfigure(),
    heldAt: (ids) => liveQueue.heldAt(ids),
  });
  const effective = await adminConfig.load();
  if (effective.ok) live.replace(effective.catalogue);
  else logger.warn({ errors: effective.errors }, 'administration changes not applied');

  // feedback: survey, complaints and the figures built from tickets and answers
  const complaints = new ComplaintService(pool, calendar);
  const app: AppContext = {
    catalogue,
    pool,
    logger,
    secureCookies: settings.secureCookies,
    queue: liveQueue,
    auth,
    audit,
    adminConfig,
    staffAdmin: new StaffAdmin(pool, catalogue, auth),
    catalogueAdmin: new CatalogueAdmin(pool),
    personalData: new PersonalDataService(pool),
    survey: new SurveyService(pool, catalogue),
    complaints,
    analytics: new AnalyticsService(pool, catalogue),
  };

  // demo: accounts and weeks of past tickets and answers so the charts show something at once
  const demoLogins = settings.demoAccounts
    ? await ensureDemoAccounts(auth, catalogue, settings.demoAccounts.dataDir)
    : [];
  if (demoLogins.length > 0 && settings.demoAccounts?.history) {
    const seeded = await seedDemoHistory(pool, catalogue);
    if (seeded) logger.info(seeded, 'demo history seeded');
  }

  const retention = retentionPolicyFromEnv(settings.retentionEnv, calendar);
  const jobs: BackgroundJob[] = [
    // expired sessions, and phone numbers once their service day is over
    { name: 'sessions', everyMs: HOUR, atStart: 'wait', run: () => auth.purgeExpiredSessions() },
    {
      name: 'reminder phones',
      everyMs: HOUR,
      atStart: 'wait',
      run: async () => {
        const removed = await liveQueue.purgePhoneNumbers();
        if (removed) logger.info({ removed }, 'reminder phone numbers deleted');
      },
    },
    // the analytics roll-up of closed days, built in the background rather than on first view
    {
      name: 'analytics roll-up',
      everyMs: HOUR,
      atStart: 'background',
      run: () => app.analytics.rollUpClosedDays(),
    },
    {
      name: 'retention',
      everyMs: 6 * HOUR,
      atStart: 'background',
      run: () => runRetention(pool, retention, logger),
    },
  ];
  const timers: NodeJS.Timeout[] = [];
  let stopFollowing: (() => Promise<void>) | undefined;
  const runJob = (job: BackgroundJob) =>
    job.run().catch((error: unknown) => logger.warn({ err: error, job: job.name }, 'job failed'));

  return {
    site: app,
    siteFor: () => app,
    hub: events,
    metrics,
    demoLogins,
    jobs,
    async start() {
      await events.start();
      // another process's administration change reaches this one within seconds (NOTIFY, or the recheck)
      stopFollowing = adminConfig.follow(deps.databaseUrl, logger, settings.adminRecheckMs);
      await Promise.all(jobs.filter((j) => j.atStart === 'wait').map(runJob));
      for (const job of jobs) {
        if (job.atStart === 'background') void runJob(job);
        const timer = setInterval(() => void runJob(job), job.everyMs);
        timer.unref();
        timers.push(timer);
      }
    },
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await stopFollowing?.();
      await events.stop();
    },
  };
}
