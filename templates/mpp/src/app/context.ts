import type pg from 'pg';
import type { Logger } from 'pino';
import type { Catalogue } from '../lib/catalogue.js';
import type { AdminConfig } from './admin-config.js';
import type { AuditService } from './audit-service.js';
import type { AuthService } from './auth-service.js';
import type { QueueService } from './queue-service.js';

/** Everything a page or endpoint needs, handed to Astro as `locals.app` by our server. */
export interface AppContext {
  catalogue: Catalogue;
  pool: pg.Pool;
  queue: QueueService;
  auth: AuthService;
  audit: AuditService;
  /** Agencies, services and counters changed in the administration (decision 0066). */
  adminConfig: AdminConfig;
  logger: Logger;
  /** True when cookies must carry the Secure flag (served over TLS). */
  secureCookies: boolean;
}
