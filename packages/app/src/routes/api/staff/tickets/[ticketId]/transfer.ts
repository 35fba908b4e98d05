import { defineEndpoint } from '../../../../../api/define-endpoint.js';
import { QUEUE_API } from '../../../../../features/queue/api.js';
import { notFound } from '../../../../../shared/errors.js';
import { isFormPost, json } from '../../../../../shared/http/respond.js';

/** Sends a ticket to another service, keeping its place; once per `requestId`. */
export const POST = defineEndpoint(
  QUEUE_API.transfer,
  async ({ context, app, session, params, body, authorize }) => {
    const ticket = await app.queue.byId(params.ticketId);
    if (!ticket) throw notFound('Tiket / ticket');
    await authorize(ticket.agencyId, { action: 'transfer', target: ticket.number });
    if (ticket.status === 'parked') {
      // a parked ticket is resumed to the officer's counter first, so that counter must be theirs
      const counter = session.counterId ? app.catalogue.counter(session.counterId) : undefined;
      if (counter) await authorize(counter.agency, { action: 'transfer', target: counter.id });
    }
    const updated = await app.queue.transfer(ticket.id, body.serviceId, {
      counterId: session.counterId ?? undefined,
      requestId: body.requestId,
    });
    await app.audit.record(session.staff, 'transfer', ticket.number, 'ok', {
      ticketId: ticket.id,
      agencyId: ticket.agencyId,
    });
    return isFormPost(context.request) ? context.redirect('/loket', 303) : json(updated);
  },
  { back: () => '/loket' },
);
