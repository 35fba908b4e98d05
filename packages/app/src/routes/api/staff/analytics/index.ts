import type { APIRoute } from 'astro';
import { analyticsForUrl } from '../../../../features/analytics/analytics-query.js';
import { endpoint, json, requireSession } from '../../../../features/staff/respond-staff.js';
import { scopeFor } from '../../../../features/staff/staff-scope.js';

/** Queue analytics as JSON for the signed-in staff member's scope. */
export const GET: APIRoute = endpoint(async (context) => {
  const session = requireSession(context);
  const { app } = context.locals;
  const scope = await scopeFor(
    app,
    session,
    'figures:view',
    context.url.searchParams.get('instansi'),
    'view_analytics',
  );
  const { figures } = await analyticsForUrl(app, context.url, scope);
  return json({ agencyId: scope, ...figures });
});
