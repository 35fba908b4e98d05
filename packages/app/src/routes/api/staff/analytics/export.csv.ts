import type { APIRoute } from 'astro';
import { analyticsCsv } from '../../../../features/analytics/analytics-csv.js';
import { analyticsForUrl } from '../../../../features/analytics/analytics-query.js';
import { endpoint, requireSession } from '../../../../features/staff/respond-staff.js';
import { scopeFor } from '../../../../features/staff/staff-scope.js';

/** The analytics tables as CSV. */
export const GET: APIRoute = endpoint(async (context) => {
  const session = requireSession(context);
  const { app } = context.locals;
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
});
