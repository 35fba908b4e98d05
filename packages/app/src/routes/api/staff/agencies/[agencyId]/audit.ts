import { defineEndpoint } from '../../../../../api/define-endpoint.js';
import { STAFF_API } from '../../../../../features/staff/api.js';
import { notFound } from '../../../../../shared/errors.js';
import { json } from '../../../../../shared/http/respond.js';

export const GET = defineEndpoint(STAFF_API.audit, async ({ app, params, authorize }) => {
  if (!app.catalogue.agency(params.agencyId)) throw notFound('Instansi / agency');
  await authorize(params.agencyId, { action: 'view_audit', target: params.agencyId });
  return json(await app.audit.list(params.agencyId));
});
