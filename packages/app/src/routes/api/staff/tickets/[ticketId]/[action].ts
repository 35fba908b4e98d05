import { defineEndpoint } from '../../../../../api/define-endpoint.js';
import { QUEUE_API } from '../../../../../features/queue/api.js';
import { AppError, notFound } from '../../../../../shared/errors.js';
import { isFormPost, json } from '../../../../../shared/http/respond.js';

/** The queue engine's name of each action in the URL. */
const TRANSITIONS = {
  recall: 'recall',
  start: 'start',
  finish: 'finish',
  'no-show': 'no_show',
  park: 'park',
  resume: 'resume',
} as const;

/** Staff actions on one ticket (a transfer has its own route). The acting counter is the session's chosen counter. */
export const POST = defineEndpoint(
  QUEUE_API.ticketAction,
  async ({ context, app, session, params, authorize }) => {
    const { action } = params;
    const ticket = await app.queue.byId(params.ticketId);
    if (!ticket) throw notFound('Tiket / ticket');
    await authorize(ticket.agencyId, { action, target: ticket.number });
    const counterId = session.counterId ?? ticket.counterId;
    if (!counterId)
      throw new AppError(
        400,
        'no_counter',
        'Pilih loket terlebih dahulu',
        'Choose a counter first',
      );
    const counter = app.catalogue.counter(counterId);
    if (!counter) throw notFound('Loket / counter');
    // resuming calls the ticket to this counter, so the counter must be the staff's to act on
    await authorize(counter.agency, { action, target: counterId });
    const updated = await app.queue.transition(ticket.id, TRANSITIONS[action], counterId);
    await app.audit.record(session.staff, action, ticket.number, 'ok', {
      ticketId: ticket.id,
      agencyId: ticket.agencyId,
    });
    return isFormPost(context.request) ? context.redirect('/loket', 303) : json(updated);
  },
  { back: () => '/loket' },
);
