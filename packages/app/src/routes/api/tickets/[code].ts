import type { APIRoute } from 'astro';
import { notFound } from '../../../shared/errors.js';
import { endpoint, json } from '../../../shared/http/respond.js';

export const GET: APIRoute = endpoint(async ({ params, locals }) => {
  const status = await locals.app.queue.status(params.code ?? '');
  if (!status) throw notFound('Tiket / ticket');
  const { id: _id, ...publicTicket } = status.ticket;
  return json({ ...status, ticket: publicTicket });
});
