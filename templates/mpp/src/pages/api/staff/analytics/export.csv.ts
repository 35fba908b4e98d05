import type { APIRoute } from 'astro';
import { analyticsCsv } from '../../../../app/analytics-csv.js';
import { readAnalyticsRange, serviceLevelTarget } from '../../../../app/analytics-query.js';
import { feedback } from '../../../../app/feedback-services.js';
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
  const range = readAnalyticsRange(app, context.url);
  const figures = await feedback(app).analytics.compute(range, scope, serviceLevelTarget());
  return new Response(analyticsCsv(figures), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="analitik-${range.from}-${range.to}.csv"`,
      'cache-control': 'no-store',
    },
  });
});
