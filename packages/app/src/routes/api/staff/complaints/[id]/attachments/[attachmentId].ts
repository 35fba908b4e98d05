import type { APIRoute } from 'astro';
import { feedback } from '../../../../../../features/feedback-services.js';
import {
  endpoint,
  forbiddenUnless,
  requireSession,
} from '../../../../../../features/staff/respond-staff.js';
import { notFound } from '../../../../../../shared/errors.js';

/**
 * Downloads an attachment. Always as a download (Content-Disposition: attachment), with the
 * type sniffed at upload (JPEG, PNG or PDF only), nosniff, and a sandboxing CSP: a crafted
 * file can never run as a page of this site.
 */
export const GET: APIRoute = endpoint(async (context) => {
  const session = requireSession(context);
  const { app } = context.locals;
  const file = await feedback(app).complaints.attachment(
    context.params.id ?? '',
    context.params.attachmentId ?? '',
  );
  if (!file) throw notFound('Lampiran / attachment');
  await forbiddenUnless(
    context,
    session,
    'complaint:view',
    file.agencyId,
    'download_attachment',
    context.params.attachmentId ?? '',
  );
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
