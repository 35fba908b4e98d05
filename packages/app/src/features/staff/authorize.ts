import { forbidden } from '../../shared/errors.js';
import { type Actor, can, type Permission, type Scope } from './access-policy.js';
import type { AuditService } from './audit-service.js';
import type { StaffMember } from './auth-service.js';

/** What a refusal is written to the audit log as. */
export interface AuditedAction {
  action: string;
  target: string | null;
}

/**
 * {@link can}, and when the answer is no: the refusal written to the audit log (under the agency
 * it concerns, so that agency's log shows who tried) and a 403 thrown. Every endpoint and page
 * that refuses staff goes through here.
 */
export async function authorize(
  audit: Pick<AuditService, 'record'>,
  staff: StaffMember,
  permission: Permission,
  scope: Scope,
  { action, target }: AuditedAction,
): Promise<void> {
  if (can(staff, permission, scope)) return;
  await audit.record(staff, action, target, 'denied', {
    agencyId: scope.kind === 'agencies' ? scope.agencies[0] : undefined,
  });
  throw forbidden();
}

/** The agencies of a list that `actor` may `permission` on (for pickers and filters). */
export function allowedAgencies<A extends { id: string }>(
  actor: Actor,
  permission: Permission,
  agencies: readonly A[],
): A[] {
  return agencies.filter((a) => can(actor, permission, { kind: 'agencies', agencies: [a.id] }));
}
