import { defineEndpoint } from '../../../../../../api/define-endpoint.js';
import { COMPLAINTS_API } from '../../../../../../features/complaints/api.js';
import { notFound } from '../../../../../../shared/errors.js';

/**
 * Downloads an attachment. Always as a download (Content-Disposition: attachment), with the
 * type sniffed at upload (JPEG, PNG or PDF only), nosniff, and a sandboxing CSP: a crafted
 * file can never run as a page of this site.
 */
export const GET = defineEndpoint(COMPLAINTS_API.attachment, async ({ app, params, authorize }) => {
  const file = await app.complaints.attachment(params.id, params.attachmentId);
  if (!file) throw notFound('Lampiran / attachment');
  await authorize(file.agencyId, { action: 'download_attachment', target: params.attachmentId });
  return new Response(new Uint8Array(file.data), {
    headers: {
      'content-type': file.mediaType,
      'content-disposition': `attachment; filename="${file.filename}"`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, no-store',
    },
  });
});
