import type { APIRoute } from 'astro';
import { readAnalyticsRange, serviceLevelTarget } from '../../../../app/analytics-query.js';
import { feedback } from '../../../../app/feedback-services.js';
import { endpoint, json, requireSession } from '../../../../app/respond-feedback.js';
import { scopeFor } from '../../../../app/staff-scope.js';

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
  const range = readAnalyticsRange(app, context.url);
  return json({
    agencyId: scope,
    ...(await feedback(app).analytics.compute(range, scope, serviceLevelTarget())),
  });
});
