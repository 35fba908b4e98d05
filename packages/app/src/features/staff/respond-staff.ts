import type { APIContext } from 'astro';
import { forbidden } from '../../shared/errors.js';
import type { StaffSession } from './auth-service.js';
import { canFeedback, type FeedbackPermission } from './feedback-policy.js';

export { endpoint, isFormPost, json, readBody, requireSession } from '../../shared/http/respond.js';

/** Like `authorize` in respond.ts, for the feedback permissions; refusals are audited. */
export async function forbiddenUnless(
  context: APIContext,
  session: StaffSession,
  permission: FeedbackPermission,
  agencyId: string | null,
  action: string,
  target: string | null,
): Promise<void> {
  if (canFeedback(session.staff, permission, agencyId)) return;
  await context.locals.app.audit.record(session.staff, action, target, 'denied', {
    agencyId: agencyId ?? undefined,
  });
  throw forbidden();
}
