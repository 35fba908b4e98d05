import { defineEndpoint } from '../../../api/define-endpoint.js';
import { QUEUE_API } from '../../../features/queue/api.js';
import { notFound } from '../../../shared/errors.js';
import { json } from '../../../shared/http/respond.js';

export const GET = defineEndpoint(QUEUE_API.ticketStatus, async ({ app, params }) => {
  const status = await app.queue.status(params.code);
  if (!status) throw notFound('Tiket / ticket');
  const { id: _id, ...publicTicket } = status.ticket;
  return json({ ...status, ticket: publicTicket });
});
