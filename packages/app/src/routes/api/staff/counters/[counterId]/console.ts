import type { APIRoute } from 'astro';
import { consoleActionSchema } from '../../../../../api/api-schemas.js';
import type { Ticket } from '../../../../../features/queue/queue-service.js';
import { AppError, notFound } from '../../../../../shared/errors.js';
import {
  authorize,
  endpoint,
  isFormPost,
  json,
  readBody,
  requireSession,
} from '../../../../../shared/http/respond.js';

const TRANSITIONS = {
  recall: 'recall',
  start: 'start',
  finish: 'finish',
  'no-show': 'no_show',
  park: 'park',
} as const;

const NOTHING_AT_COUNTER = () =>
  new AppError(
    409,
    'invalid_state',
    'Loket tidak sedang memanggil atau melayani tiket',
    'The counter is not calling or serving a ticket',
  );

/**
 * The counter console's single form target: every button of `@mpp-kit/ui`'s CounterConsole
 * posts `action` here (with `ticketId` for a parked ticket, `transferTo` for a transfer), so
 * the console works without JavaScript. Each action is checked like its own endpoint.
 */
export const POST: APIRoute = endpoint(
  async (context) => {
    const session = requireSession(context);
    const { app } = context.locals;
    const counter = app.catalogue.counter(context.params.counterId ?? '');
    if (!counter) throw notFound('Loket / counter');
    const input = await readBody(context.request, consoleActionSchema);
    await authorize(context, session, 'queue:act', counter.agency, input.action, counter.id);
    let ticket: Ticket | undefined;
    if (input.action === 'call-next') {
      ticket = await app.queue.callNext(counter.id);
    } else {
      const target = input.ticketId
        ? await app.queue.byId(input.ticketId)
        : await app.queue.current(counter.id);
      if (!target) throw input.ticketId ? notFound('Tiket / ticket') : NOTHING_AT_COUNTER();
      // the ticket's own agency must be the officer's too (a parked ticket of another agency)
      await authorize(context, session, 'queue:act', target.agencyId, input.action, target.number);
      if (input.action === 'transfer') {
        if (!input.transferTo) {
          throw new AppError(
            400,
            'invalid_input',
            'Pilih layanan tujuan (transferTo)',
            'Choose the target service (transferTo)',
          );
        }
        ticket = await app.queue.transfer(target.id, input.transferTo, {
          counterId: counter.id,
          requestId: input.requestId,
        });
      } else if (input.action === 'resume') {
        ticket = await app.queue.transition(target.id, 'resume', counter.id);
      } else {
        if (target.counterId !== counter.id && !input.ticketId) throw NOTHING_AT_COUNTER();
        ticket = await app.queue.transition(target.id, TRANSITIONS[input.action], counter.id);
      }
    }
    await app.audit.record(session.staff, input.action, ticket?.number ?? counter.id, 'ok', {
      counterId: counter.id,
      agencyId: counter.agency,
      ...(ticket ? { ticketId: ticket.id } : {}),
    });
    return isFormPost(context.request)
      ? context.redirect('/loket', 303)
      : json({ ticket: ticket ?? null });
  },
  { back: () => '/loket' },
);
