import type { APIRoute } from 'astro';
import { loadResults, readResultsQuery } from '../../features/survey/results-query.js';
import { reportCsv, scopeReport } from '../../features/survey/results-report.js';
import { errorResponse } from '../../shared/http/respond.js';

/** The regulation's report tables (summary, NRR per unsur, profile, priorities, services). */
export const GET: APIRoute = async (context) => {
  const { app, lang } = context.locals;
  // a bad period or date range is a 400 naming it, not a 500
  let q: ReturnType<typeof readResultsQuery>;
  try {
    q = readResultsQuery(app, context.url);
  } catch (error) {
    return errorResponse(context, error);
  }
  const results = await loadResults(app, q);
  const body = reportCsv(app, results, scopeReport(app, q, results), lang);
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="skm-${q.range.key}${q.agencyId ? `-${q.agencyId}` : ''}.csv"`,
      'cache-control': 'public, max-age=60',
    },
  });
};
