import { defineEndpoint } from '../../../api/define-endpoint.js';
import { COMPLAINTS_API } from '../../../features/complaints/api.js';
import { notFound } from '../../../shared/errors.js';
import { isFormPost, json } from '../../../shared/http/respond.js';

/** Files a complaint: a multipart form (with attachments) or JSON (without). */
export const POST = defineEndpoint(
  COMPLAINTS_API.file,
  async ({ context, app, body, files }) => {
    if (!app.catalogue.agency(body.agencyId)) throw notFound('Instansi / agency');
    if (body.serviceId && !app.catalogue.service(body.serviceId))
      throw notFound('Layanan / service');
    const code = await app.complaints.file(body, files);
    if (isFormPost(context.request)) return context.redirect(`/pengaduan/${code}?baru=1`, 303);
    return json({ trackingCode: code }, 201);
  },
  { back: () => '/pengaduan' },
);
