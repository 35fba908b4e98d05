import type { APIRoute } from 'astro';
import { feedback } from '../../../features/feedback-services.js';
import { notFound } from '../../../shared/errors.js';
import { endpoint, json } from '../../../shared/http/respond.js';

/** Public tracking of a complaint by its code: status, deadline and answer, no contact. */
export const GET: APIRoute = endpoint(async (context) => {
  const view = await feedback(context.locals.app).complaints.track(context.params.code ?? '');
  if (!view) throw notFound('Pengaduan / complaint');
  return json(view);
});
