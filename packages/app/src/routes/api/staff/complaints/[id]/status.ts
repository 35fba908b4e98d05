import { defineEndpoint } from '../../../../../api/define-endpoint.js';
import { COMPLAINTS_API } from '../../../../../features/complaints/api.js';
import { notFound } from '../../../../../shared/errors.js';
import { isFormPost, json } from '../../../../../shared/http/respond.js';

/** Moves a complaint one step along its workflow; every move is audited. */
export const POST = defineEndpoint(
  COMPLAINTS_API.move,
  async ({ context, app, session, params, body: input, authorize }) => {
    const { id } = params;
    const complaints = app.complaints;
    const current = await complaints.detail(id);
    if (!current) throw notFound('Pengaduan / complaint');
    await authorize(current.agencyId, { action: 'move_complaint', target: id });
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
