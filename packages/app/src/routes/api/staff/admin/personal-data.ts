import type { APIRoute } from 'astro';
import { personalDataSchema } from '../../../../api/feedback-schemas.js';
import { PersonalDataService } from '../../../../features/admin/personal-data.js';
import {
  endpoint,
  forbiddenUnless,
  isFormPost,
  json,
  readBody,
  requireSession,
} from '../../../../features/staff/respond-staff.js';

/**
 * A person's data-access or deletion request (UU PDP), handled by the MPP manager. The audit
 * log records that it happened and how many records it touched, never the contact itself.
 */
export const POST: APIRoute = endpoint(
  async (context) => {
    const session = requireSession(context);
    await forbiddenUnless(context, session, 'admin:manage', null, 'personal_data', null);
    const input = await readBody(context.request, personalDataSchema);
    const service = new PersonalDataService(context.locals.app.pool);
    if (input.action === 'export') {
      const data = await service.export(input.contact);
      await context.locals.app.audit.record(session.staff, 'personal_data_export', null, 'ok', {
        complaints: data.complaints.length,
        tickets: data.tickets.length,
      });
      return new Response(JSON.stringify(data, null, 2), {
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-disposition': 'attachment; filename="data-pribadi.json"',
          'cache-control': 'no-store',
        },
      });
    }
    const erased = await service.erase(input.contact);
    await context.locals.app.audit.record(session.staff, 'personal_data_erase', null, 'ok', erased);
    if (isFormPost(context.request)) {
      return context.redirect(
        `/loket/data-pribadi?dihapus=${erased.complaints + erased.tickets}`,
        303,
      );
    }
    return json(erased);
  },
  { back: () => '/loket/data-pribadi' },
);
