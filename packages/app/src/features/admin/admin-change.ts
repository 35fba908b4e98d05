import type { AppContext } from '../app-context.js';
import { agencyScope, WHOLE_MPP } from '../staff/access-policy.js';
import type { StaffSession } from '../staff/auth-service.js';
import { authorize } from '../staff/authorize.js';
import type { ChangeResult } from './admin-config.js';
import type { OverlayChange } from './admin-overlay.js';

/** The thing a change is about, for the audit log's target column. */
export function changeTarget(change: OverlayChange): string {
  switch (change.kind) {
    case 'agency':
    case 'agency-add':
    case 'agency-state':
      return change.agency;
    case 'service':
      return change.service;
    case 'counter':
      return `loket ${change.counter.number}`;
    case 'counter-remove':
      return `loket ${change.number}`;
    case 'hours':
      return 'openingHours';
  }
}

/**
 * One administrative change from a page or the API: allowed only for the agencies it concerns,
 * then validated, stored and applied by {@link AdminConfig}; every outcome (refused, invalid,
 * applied with before and after) is written to the audit log.
 */
export async function administer(
  app: AppContext,
  session: StaffSession,
  change: OverlayChange,
): Promise<ChangeResult> {
  const action = `admin_${change.kind.replaceAll('-', '_')}`;
  const target = changeTarget(change);
  const concerns = app.adminConfig.concerns(change);
  const agencyId = concerns?.[0];
  await authorize(
    app.audit,
    session.staff,
    'config:change',
    concerns?.length ? agencyScope(...(concerns as [string, ...string[]])) : WHOLE_MPP,
    { action, target },
  );
  const result = await app.adminConfig.change(change, session.staff.username);
  if (result.ok) {
    await app.audit.record(session.staff, action, target, 'ok', {
      agencyId,
      version: result.version,
      before: result.before,
      after: result.after,
    });
  } else {
    await app.audit.record(session.staff, action, target, 'failed', {
      agencyId,
      errors: result.errors.map((e) => e.path),
    });
  }
  return result;
}
