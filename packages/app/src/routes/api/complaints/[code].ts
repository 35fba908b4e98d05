import { defineEndpoint } from '../../../api/define-endpoint.js';
import { COMPLAINTS_API } from '../../../features/complaints/api.js';
import { notFound } from '../../../shared/errors.js';
import { json } from '../../../shared/http/respond.js';

/** Public tracking of a complaint by its code: status, deadline and answer, no contact. */
export const GET = defineEndpoint(COMPLAINTS_API.track, async ({ app, params }) => {
  const view = await app.complaints.track(params.code);
  if (!view) throw notFound('Pengaduan / complaint');
  return json(view);
});
