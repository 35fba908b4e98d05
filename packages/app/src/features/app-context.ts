import type pg from 'pg';
import type { Logger } from 'pino';
import type { AdminConfig } from './admin/admin-config.js';
import type { CatalogueAdmin } from './admin/catalogue-admin.js';
import type { PersonalDataService } from './admin/personal-data.js';
import type { StaffAdmin } from './admin/staff-admin.js';
import type { AnalyticsService } from './analytics/analytics-service.js';
import type { Catalogue } from './catalogue/catalogue.js';
import type { ComplaintService } from './complaints/complaint-service.js';
import type { QueueService } from './queue/queue-service.js';
import type { AuditService } from './staff/audit-service.js';
import type { AuthService } from './staff/auth-service.js';
import type { SurveyService } from './survey/survey-service.js';

/**
 * Everything a page or endpoint of one site needs, handed to Astro as `locals.app`. Built once,
 * only by the composition root (`server/composition-root.ts`); routes read services from here
 * and never construct one. A new feature adds its services here and one step to the root.
 */
export interface AppContext {
  /** Agencies, services, counters, kiosks and boards as they run now. */
  catalogue: Catalogue;
  /** The site's database, for feature queries that have no service of their own yet. */
  pool: pg.Pool;
  logger: Logger;
  /** True when cookies must carry the Secure flag (served over TLS). */
  secureCookies: boolean;

  /** Tickets: issue, call, serve, transfer; positions and waits. */
  queue: QueueService;
  /** Staff sign-in and sessions. */
  auth: AuthService;
  /** Append-only log of every staff action, refusals included. */
  audit: AuditService;

  /** Agencies, services and counters changed in the administration (decision 0066). */
  adminConfig: AdminConfig;
  /** Staff accounts as the MPP manager changes them. */
  staffAdmin: StaffAdmin;
  /** Imported catalogues of service standards. */
  catalogueAdmin: CatalogueAdmin;
  /** A person's data-access and deletion requests (UU PDP). */
  personalData: PersonalDataService;

  /** The SKM survey: invitations, answers, results. */
  survey: SurveyService;
  /** Complaints (pengaduan) and their workflow. */
  complaints: ComplaintService;
  /** Queue figures for staff. */
  analytics: AnalyticsService;
}
