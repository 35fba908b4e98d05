import { defineEndpoint } from '../../../api/define-endpoint.js';
import { QUEUE_API } from '../../../features/queue/api.js';
import { notFound } from '../../../shared/errors.js';
import { json } from '../../../shared/http/respond.js';

export const GET = defineEndpoint(QUEUE_API.board, async ({ app, params }) => {
  const board = app.catalogue.config.boards.find((b) => b.id === params.boardId);
  if (!board) throw notFound('Layar / board');
  return json({
    board,
    calls: await app.queue.recentCalls(board.agencies),
    lastEventId: await app.queue.lastEventId(),
  });
});
