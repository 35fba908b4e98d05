import { defineEndpoint } from '../../../../../api/define-endpoint.js';
import { QUEUE_API } from '../../../../../features/queue/api.js';
import type { Ticket } from '../../../../../features/queue/queue-service.js';
import { AppError, notFound } from '../../../../../shared/errors.js';
import { InvalidInput } from '../../../../../shared/http/body.js';
import { isFormPost, json } from '../../../../../shared/http/respond.js';

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
export const POST = defineEndpoint(
  QUEUE_API.console,
  async ({ context, app, session, params, body: input, authorize }) => {
    const counter = app.catalogue.counter(params.counterId);
    if (!counter) throw notFound('Loket / counter');
    await authorize(counter.agency, { action: input.action, target: counter.id });
    let ticket: Ticket | undefined;
    if (input.action === 'call-next') {
      ticket = await app.queue.callNext(counter.id);
    } else {
      const target = input.ticketId
        ? await app.queue.byId(input.ticketId)
        : await app.queue.current(counter.id);
      if (!target) throw input.ticketId ? notFound('Tiket / ticket') : NOTHING_AT_COUNTER();
      // the ticket's own agency must be the officer's too (a parked ticket of another agency)
      await authorize(target.agencyId, { action: input.action, target: target.number });
      if (input.action === 'transfer') {
        if (!input.transferTo) {
          throw new InvalidInput([
            { path: 'transferTo', message: 'pilih layanan tujuan / choose the target service' },
          ]);
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
