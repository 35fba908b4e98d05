import type { APIRoute } from 'astro';
import { transferSchema } from '../../../../../api/api-schemas.js';
import { AppError, notFound } from '../../../../../shared/errors.js';
import {
  authorize,
  endpoint,
  isFormPost,
  json,
  readBody,
  requireSession,
} from '../../../../../shared/http/respond.js';

const ACTIONS = {
  recall: 'recall',
  start: 'start',
  finish: 'finish',
  'no-show': 'no_show',
  park: 'park',
  resume: 'resume',
} as const;

/** Staff actions on one ticket. The acting counter is the session's chosen counter. */
export const POST: APIRoute = endpoint(
  async (context) => {
    const session = requireSession(context);
    const action = context.params.action ?? '';
    if (action !== 'transfer' && !(action in ACTIONS)) throw notFound('Tindakan / action');
    const { app } = context.locals;
    const ticket = await app.queue.byId(context.params.ticketId ?? '');
    if (!ticket) throw notFound('Tiket / ticket');
    await authorize(context, session, 'queue:act', ticket.agencyId, action, ticket.number);
    let updated: Awaited<ReturnType<typeof app.queue.transition>>;
    if (action === 'transfer') {
      const { serviceId, requestId } = await readBody(context.request, transferSchema);
      if (ticket.status === 'parked') {
        // a parked ticket is resumed to the officer's counter first, so that counter must be theirs
        const counter = session.counterId ? app.catalogue.counter(session.counterId) : undefined;
        if (counter) {
          await authorize(context, session, 'queue:act', counter.agency, action, counter.id);
        }
      }
      updated = await app.queue.transfer(ticket.id, serviceId, {
        counterId: session.counterId ?? undefined,
        requestId,
      });
    } else {
      const counterId = session.counterId ?? ticket.counterId;
      if (!counterId) {
        throw new AppError(
          400,
          'no_counter',
          'Pilih loket terlebih dahulu',
          'Choose a counter first',
        );
      }
      const counter = app.catalogue.counter(counterId);
      if (!counter) throw notFound('Loket / counter');
      // resuming calls the ticket to this counter, so the counter must be the staff's to act on
      await authorize(context, session, 'queue:act', counter.agency, action, counterId);
      updated = await app.queue.transition(
        ticket.id,
        ACTIONS[action as keyof typeof ACTIONS],
        counterId,
      );
    }
    await app.audit.record(session.staff, action, ticket.number, 'ok', {
      ticketId: ticket.id,
      agencyId: ticket.agencyId,
    });
    return isFormPost(context.request) ? context.redirect('/loket', 303) : json(updated);
  },
  { back: () => '/loket' },
);
