import type { APIRoute } from 'astro';
import { feedback } from '../../../../features/feedback-services.js';
import { endpoint, requireSession } from '../../../../features/staff/respond-staff.js';
import { scopeFor } from '../../../../features/staff/staff-scope.js';
import { csvCell } from '../../../../features/survey/results-report.js';

/** Complaints shaped for forwarding to SP4N-LAPOR! (no contact details). */
export const GET: APIRoute = endpoint(async (context) => {
  const session = requireSession(context);
  const { app } = context.locals;
  const scope = await scopeFor(
    app,
    session,
    'complaint:view',
    context.url.searchParams.get('instansi'),
    'export_complaints',
  );
  const rows = await feedback(app).complaints.laporExport(scope);
  await app.audit.record(session.staff, 'export_complaints', scope ?? 'all', 'ok', {
    agencyId: scope ?? undefined,
  });
  return new Response(`${rows.map((r) => r.map(csvCell).join(',')).join('\n')}\n`, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="pengaduan-sp4n-lapor.csv"',
      'cache-control': 'no-store',
    },
  });
});
