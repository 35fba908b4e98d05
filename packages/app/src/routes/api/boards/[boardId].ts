import type { APIRoute } from 'astro';
import { notFound } from '../../../shared/errors.js';
import { endpoint, json } from '../../../shared/http/respond.js';

export const GET: APIRoute = endpoint(async ({ params, locals }) => {
  const board = locals.app.catalogue.config.boards.find((b) => b.id === params.boardId);
  if (!board) throw notFound('Layar / board');
  return json({
    board,
    calls: await locals.app.queue.recentCalls(board.agencies),
    lastEventId: await locals.app.queue.lastEventId(),
  });
});
