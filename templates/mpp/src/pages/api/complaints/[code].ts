import type { APIRoute } from 'astro';
import { notFound } from '../../../app/errors.js';
import { feedback } from '../../../app/feedback-services.js';
import { endpoint, json } from '../../../app/respond.js';

/** Public tracking of a complaint by its code: status, deadline and answer, no contact. */
export const GET: APIRoute = endpoint(async (context) => {
  const view = await feedback(context.locals.app).complaints.track(context.params.code ?? '');
  if (!view) throw notFound('Pengaduan / complaint');
  return json(view);
});
