import type { APIRoute } from 'astro';
import { feedback } from '../../../features/feedback-services.js';
import { readSurveyForm } from '../../../features/survey/survey-form.js';
import { endpoint, InvalidInput, isFormPost, json } from '../../../shared/http/respond.js';

/** Answers the survey of a served ticket, once. Form posts (no JavaScript) get a redirect. */
export const POST: APIRoute = endpoint(
  async (context) => {
    const code = context.params.code ?? '';
    const fields = await readFields(context.request);
    const read = readSurveyForm(fields);
    if (!read.ok) throw new InvalidInput(read.issues);
    await feedback(context.locals.app).survey.submit(code, read.value);
    if (isFormPost(context.request))
      return context.redirect(
        onTablet(context.url) ? '/survei/tablet/terima-kasih' : '/survei/terima-kasih',
        303,
      );
    return json({ ok: true }, 201);
  },
  {
    back: (context) =>
      `/survei/${onTablet(context.url) ? 'tablet/' : ''}${encodeURIComponent(context.params.code ?? '')}`,
  },
);

/** The exit tablet posts with ?layar=tablet and gets its own thank-you and error pages. */
const onTablet = (url: URL) => url.searchParams.get('layar') === 'tablet';

async function readFields(request: Request): Promise<Record<string, unknown>> {
  if (isFormPost(request)) {
    const form = await request.formData().catch(() => undefined);
    if (!form)
      throw new InvalidInput([
        { path: '(body)', message: 'formulir tidak terbaca / unreadable form' },
      ]);
    const out: Record<string, unknown> = {};
    for (const [k, v] of form) if (typeof v === 'string' && k !== '_csrf') out[k] = v;
    return out;
  }
  const text = await request.text();
  let body: unknown;
  try {
    body = text === '' ? {} : JSON.parse(text);
  } catch {
    throw new InvalidInput([{ path: '(body)', message: 'JSON tidak valid / invalid JSON' }]);
  }
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new InvalidInput([{ path: '(body)', message: 'harus objek / must be an object' }]);
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string' && v.includes('\u0000'))
      throw new InvalidInput([
        { path: k, message: 'karakter NUL tidak diizinkan / NUL character not allowed' },
      ]);
  }
  return body as Record<string, unknown>;
}
