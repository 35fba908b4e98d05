import type { APIRoute } from 'astro';
import { analyticsForUrl } from '../../../../app/analytics-query.js';
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
  const { figures } = await analyticsForUrl(app, context.url, scope);
  return json({ agencyId: scope, ...figures });
});
