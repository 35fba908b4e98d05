import type { APIRoute } from 'astro';
import { moveComplaintSchema } from '../../../../../api/feedback-schemas.js';
import { feedback } from '../../../../../features/feedback-services.js';
import {
  endpoint,
  forbiddenUnless,
  isFormPost,
  json,
  readBody,
  requireSession,
} from '../../../../../features/staff/respond-staff.js';
import { notFound } from '../../../../../shared/errors.js';

/** Moves a complaint one step along its workflow; every move is audited. */
export const POST: APIRoute = endpoint(
  async (context) => {
    const session = requireSession(context);
    const { app } = context.locals;
    const id = context.params.id ?? '';
    const complaints = feedback(app).complaints;
    const current = await complaints.detail(id);
    if (!current) throw notFound('Pengaduan / complaint');
    await forbiddenUnless(
      context,
      session,
      'complaint:act',
      current.agencyId,
      'move_complaint',
      id,
    );
    const input = await readBody(context.request, moveComplaintSchema);
    const moved = await complaints.move(id, input.to, session.staff.username, input.note);
    await app.audit.record(session.staff, 'move_complaint', id, 'ok', {
      agencyId: moved.agencyId,
      from: moved.from,
      to: input.to,
    });
    if (isFormPost(context.request)) return context.redirect(`/loket/pengaduan/${id}`, 303);
    return json(await complaints.track(current.trackingCode));
  },
  { back: (context) => `/loket/pengaduan/${encodeURIComponent(context.params.id ?? '')}` },
);
