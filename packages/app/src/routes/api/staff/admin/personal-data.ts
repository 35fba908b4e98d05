import { defineEndpoint } from '../../../../api/define-endpoint.js';
import { ADMIN_API } from '../../../../features/admin/api.js';
import { isFormPost, json } from '../../../../shared/http/respond.js';

/**
 * A person's data-access or deletion request (UU PDP), handled by the MPP manager. The audit
 * log records that it happened and how many records it touched, never the contact itself.
 */
export const POST = defineEndpoint(
  ADMIN_API.personalData,
  async ({ context, app, session, body: input }) => {
    const service = app.personalData;
    if (input.action === 'export') {
      const data = await service.export(input.contact);
      await app.audit.record(session.staff, 'personal_data_export', null, 'ok', {
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
    await app.audit.record(session.staff, 'personal_data_erase', null, 'ok', erased);
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
