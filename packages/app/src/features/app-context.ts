import type pg from 'pg';
import type { Logger } from 'pino';
import type { AdminConfig } from './admin/admin-config.js';
import type { StaffAdmin } from './admin/staff-admin.js';
import type { Catalogue } from './catalogue/catalogue.js';
import type { QueueService } from './queue/queue-service.js';
import type { AuditService } from './staff/audit-service.js';
import type { AuthService } from './staff/auth-service.js';

/** Everything a page or endpoint needs, handed to Astro as `locals.app` by our server. */
export interface AppContext {
  catalogue: Catalogue;
  pool: pg.Pool;
  queue: QueueService;
  auth: AuthService;
  /** Staff accounts as the MPP manager changes them. */
  staffAdmin: StaffAdmin;
  audit: AuditService;
  /** Agencies, services and counters changed in the administration (decision 0066). */
  adminConfig: AdminConfig;
  logger: Logger;
  /** True when cookies must carry the Secure flag (served over TLS). */
  secureCookies: boolean;
}
