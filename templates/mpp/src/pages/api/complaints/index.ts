import type { APIRoute } from 'astro';
import type { UploadedFile } from '../../../app/complaint-service.js';
import { AppError, notFound } from '../../../app/errors.js';
import { feedback } from '../../../app/feedback-services.js';
import { checkParsedBody, endpoint, InvalidInput, isFormPost, json } from '../../../app/respond.js';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '../../../lib/attachment-type.js';
import { newComplaintSchema } from '../../../lib/feedback-schemas.js';

/** Files a complaint: a multipart form (with attachments) or JSON (without). */
export const POST: APIRoute = endpoint(
  async (context) => {
    const { app } = context.locals;
    const { fields, files } = await readComplaint(context.request);
    const parsed = newComplaintSchema.safeParse(fields);
    if (!parsed.success) {
      throw new InvalidInput(
        parsed.error.issues.map((i) => ({
          path: i.path.join('.') || '(body)',
          message: i.message,
        })),
      );
    }
    const input = parsed.data;
    if (!app.catalogue.agency(input.agencyId)) throw notFound('Instansi / agency');
    if (input.serviceId && !app.catalogue.service(input.serviceId))
      throw notFound('Layanan / service');
    const code = await feedback(app).complaints.file(input, files);
    if (isFormPost(context.request)) return context.redirect(`/pengaduan/${code}?baru=1`, 303);
    return json({ trackingCode: code }, 201);
  },
  { back: () => '/pengaduan' },
);

async function readComplaint(
  request: Request,
): Promise<{ fields: Record<string, unknown>; files: UploadedFile[] }> {
  const type = request.headers.get('content-type') ?? '';
  // a generous ceiling for the whole body; each file is checked again after reading
  const limit = MAX_ATTACHMENTS * MAX_ATTACHMENT_BYTES + 100_000;
  if (Number(request.headers.get('content-length') ?? 0) > limit) {
    throw new AppError(400, 'too_large', 'Kiriman terlalu besar', 'The upload is too large');
  }
  if (isFormPost(request)) {
    const form = await request.formData().catch(() => undefined);
    if (!form)
      throw new InvalidInput([
        { path: '(body)', message: 'formulir tidak terbaca / unreadable form' },
      ]);
    const fields: Record<string, unknown> = {};
    const files: UploadedFile[] = [];
    for (const [key, value] of form) {
      if (key === '_csrf') continue;
      if (typeof value === 'string') {
        if (value.includes('\u0000'))
          throw new InvalidInput([
            { path: key, message: 'karakter NUL tidak diizinkan / NUL character not allowed' },
          ]);
        if (value !== '') fields[key] = value;
      } else if (key === 'attachments' && value.size > 0) {
        if (value.size > MAX_ATTACHMENT_BYTES) {
          throw new AppError(
            400,
            'file_size',
            `Lampiran "${value.name.slice(0, 80)}" lebih dari 2 MB`,
            `Attachment "${value.name.slice(0, 80)}" is over 2 MB`,
          );
        }
        files.push({ name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) });
      }
    }
    return { fields, files };
  }
  if (type !== '' && !type.startsWith('application/json')) {
    throw new InvalidInput([
      { path: '(body)', message: 'kirim JSON atau formulir / send JSON or a form' },
    ]);
  }
  const text = await request.text();
  let body: unknown;
  try {
    body = text === '' ? {} : JSON.parse(text);
  } catch {
    throw new InvalidInput([{ path: '(body)', message: 'JSON tidak valid / invalid JSON' }]);
  }
  checkParsedBody(body);
  return { fields: (body ?? {}) as Record<string, unknown>, files: [] };
}
