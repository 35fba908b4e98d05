import type { APIRoute } from 'astro';
import { analyticsCsv } from '../../../../app/analytics-csv.js';
import { analyticsForUrl } from '../../../../app/analytics-query.js';
import { endpoint, requireSession } from '../../../../app/respond-feedback.js';
import { scopeFor } from '../../../../app/staff-scope.js';

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
