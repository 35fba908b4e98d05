import { defineEndpoint } from '../../../../api/define-endpoint.js';
import { analyticsForUrl } from '../../../../features/analytics/analytics-query.js';
import { ANALYTICS_API } from '../../../../features/analytics/api.js';
import { scopeFor } from '../../../../features/staff/staff-scope.js';
import { json } from '../../../../shared/http/respond.js';

/** Queue analytics as JSON for the signed-in staff member's scope. */
export const GET = defineEndpoint(
  ANALYTICS_API.staffAnalytics,
  async ({ context, app, session }) => {
    const scope = await scopeFor(
      app,
      session,
      'figures:view',
      context.url.searchParams.get('instansi'),
      'view_analytics',
    );
    const { figures } = await analyticsForUrl(app, context.url, scope);
    return json({ agencyId: scope, ...figures });
  },
);
