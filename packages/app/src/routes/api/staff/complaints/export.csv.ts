import { defineEndpoint } from '../../../../api/define-endpoint.js';
import { COMPLAINTS_API } from '../../../../features/complaints/api.js';
import { scopeFor } from '../../../../features/staff/staff-scope.js';
import { csvCell } from '../../../../features/survey/results-report.js';

/** Complaints shaped for forwarding to SP4N-LAPOR! (no contact details). */
export const GET = defineEndpoint(
  COMPLAINTS_API.exportForLapor,
  async ({ context, app, session }) => {
    const scope = await scopeFor(
      app,
      session,
      'complaint:view',
      context.url.searchParams.get('instansi'),
      'export_complaints',
    );
    const rows = await app.complaints.laporExport(scope);
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
  },
);
