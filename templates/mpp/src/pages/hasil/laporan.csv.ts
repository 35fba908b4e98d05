import type { APIRoute } from 'astro';
import { endpoint } from '../../app/respond.js';
import { loadResults, readResultsQuery } from '../../app/results-query.js';
import { reportCsv, scopeReport } from '../../app/results-report.js';

/** The regulation's report tables (summary, NRR per unsur, profile, priorities, services). */
export const GET: APIRoute = endpoint(async (context) => {
  const { app, lang } = context.locals;
  const q = readResultsQuery(app, context.url);
  const results = await loadResults(app, q);
  const body = reportCsv(app, results, scopeReport(app, q, results), lang);
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="skm-${q.range.key}${q.agencyId ? `-${q.agencyId}` : ''}.csv"`,
      'cache-control': 'public, max-age=60',
    },
  });
});
