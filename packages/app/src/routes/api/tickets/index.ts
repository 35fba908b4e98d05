import { defineEndpoint } from '../../../api/define-endpoint.js';
import { QUEUE_API } from '../../../features/queue/api.js';
import { notFound } from '../../../shared/errors.js';
import { isFormPost, json } from '../../../shared/http/respond.js';

/** Takes a ticket. A form post (JavaScript off) is answered with a redirect to the result. */
export const POST = defineEndpoint(QUEUE_API.issueTicket, async ({ context, app, body: input }) => {
  if (
    input.channel === 'kiosk' &&
    !app.catalogue.config.kiosks.some((k) => k.id === input.kioskId)
  ) {
    throw notFound('Kios / kiosk');
  }
  const ticket = await app.queue.issue(input);
  if (isFormPost(context.request)) {
    return context.redirect(
      input.channel === 'kiosk'
        ? `/kiosk/${input.kioskId}/cetak/${ticket.code}`
        : `/tiket/${ticket.code}`,
      303,
    );
  }
  const status = await app.queue.status(ticket.code);
  if (!status) throw notFound('Tiket / ticket');
  const { id: _id, ...publicTicket } = status.ticket;
  return json({ ...status, ticket: publicTicket }, 201);
});
