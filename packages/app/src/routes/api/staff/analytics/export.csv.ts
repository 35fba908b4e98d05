import { defineEndpoint } from '../../../../api/define-endpoint.js';
import { analyticsCsv } from '../../../../features/analytics/analytics-csv.js';
import { analyticsForUrl } from '../../../../features/analytics/analytics-query.js';
import { ANALYTICS_API } from '../../../../features/analytics/api.js';
import { scopeFor } from '../../../../features/staff/staff-scope.js';

/** The analytics tables as CSV. */
export const GET = defineEndpoint(
  ANALYTICS_API.staffAnalyticsCsv,
  async ({ context, app, session }) => {
    const scope = await scopeFor(
      app,
      session,
      'figures:view',
      context.url.searchParams.get('instansi'),
      'export_analytics',
    );
    const { range, figures } = await analyticsForUrl(app, context.url, scope);
    return new Response(analyticsCsv(figures), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="analitik-${range.from}-${range.to}.csv"`,
        'cache-control': 'no-store',
      },
    });
  },
);
