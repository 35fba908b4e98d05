/**
 * The queue engine: every command's rules, on top of any {@link QueueStore}.
 * Refusals are {@link QueueError}s thrown before anything is written.
 */
import { randomUUID } from 'node:crypto';
import type {
  CommandResult,
  IssueTicket,
  OpenSession,
  SessionCommand,
  TicketAtCounterCommand,
  TicketCommand,
  TransferTicket,
} from './core/commands.js';
import { errors } from './core/errors.js';
import {
  computeIndicators,
  estimateWait,
  type Indicators,
  queuePosition,
  type WaitEstimate,
} from './core/estimates.js';
import type { Announcement, QueueEvent, TicketEvent, TicketEventType } from './core/events.js';
import {
  applyCall,
  applyCancel,
  applyFinish,
  applyNoShow,
  applyPark,
  applyReactivate,
  applyRecall,
  applyResume,
  applyStart,
  applyTransfer,
  assertAtCounter,
  assertCanApply,
  type CounterContext,
} from './core/lifecycle.js';
import type {
  CounterState,
  Site,
  SiteConfig,
  StaffSession,
  Ticket,
  TicketStatus,
} from './core/model.js';
import { nextPriorityStreak, type SelectionContext } from './core/ordering.js';
import { normalizeSite } from './core/site.js';
import { formatLocal, localTimeOf, serviceDayOf } from './core/time.js';
import type { IdempotencyClaim, QueueStore, QueueTransaction, TicketFilter } from './store.js';
import { formatTicketNumber } from './ticket-number.js';

/** Options of {@link createQueue}. */
export interface QueueOptions {
  readonly store: QueueStore;
  /** Current time in epoch ms; inject a fake clock in tests and simulations. */
  readonly clock?: () => number;
  /** Ticket and session ids; default `crypto.randomUUID`. Must return UUIDs for PostgreSQL. */
  readonly newId?: () => string;
}

/** Options of {@link Queue.subscribe}. */
export interface SubscribeOptions {
  /** Deliver events after this sequence number (0 = from the start). */
  readonly afterSeq?: number;
  /** Called when reading or delivering fails; the subscription keeps going. */
  readonly onError?: (error: unknown) => void;
}

/** The queue API. Create one with {@link createQueue}. */
export interface Queue {
  /** Validates and saves a site's configuration. @throws {QueueError} `invalid-config`. */
  configureSite(config: SiteConfig): Promise<Site>;
  getSite(siteId: string): Promise<Site>;
  /** Issues a ticket or checks in an appointment. */
  issue(command: IssueTicket): Promise<CommandResult>;
  openSession(command: OpenSession): Promise<CommandResult>;
  /** Closes a session; refused while its counter still holds a ticket. */
  closeSession(command: SessionCommand): Promise<CommandResult>;
  /** Claims and announces the next ticket for the session's counter; `ticket` is `null` when none is callable. */
  callNext(command: SessionCommand): Promise<CommandResult>;
  /**
   * Calls a specific waiting ticket at the session's counter (queue jump, e.g. for a
   * citizen who cannot wait). Refused when the counter does not serve its service.
   */
  callTicket(command: TicketAtCounterCommand): Promise<CommandResult>;
  recall(command: TicketAtCounterCommand): Promise<CommandResult>;
  startServing(command: TicketAtCounterCommand): Promise<CommandResult>;
  finish(command: TicketAtCounterCommand): Promise<CommandResult>;
  markNoShow(command: TicketAtCounterCommand): Promise<CommandResult>;
  park(command: TicketAtCounterCommand): Promise<CommandResult>;
  transfer(command: TransferTicket): Promise<CommandResult>;
  reactivate(command: TicketCommand): Promise<CommandResult>;
  resume(command: TicketCommand): Promise<CommandResult>;
  cancel(command: TicketCommand): Promise<CommandResult>;
  /** @throws {QueueError} `unknown-ticket`. */
  getTicket(siteId: string, ticketId: string): Promise<Ticket>;
  listTickets(siteId: string, filter?: TicketFilter): Promise<Ticket[]>;
  /** Outbox events after `afterSeq` (replay after reconnecting). */
  events(siteId: string, afterSeq?: number, limit?: number): Promise<QueueEvent[]>;
  /**
   * Delivers every event after `afterSeq`, in order, exactly once per subscription,
   * now and as they are committed. Returns a function that stops the subscription.
   */
  subscribe(
    siteId: string,
    listener: (event: QueueEvent) => void,
    options?: SubscribeOptions,
  ): () => void;
  /** Estimated wait of a waiting ticket. */
  estimateWait(siteId: string, ticketId: string): Promise<WaitEstimate>;
  /** Indicators over the tickets of one service day (default: today at the site). */
  indicators(siteId: string, serviceDay?: string): Promise<Indicators>;
}

const TICKET_EVENT: Record<string, TicketEventType> = {
  call: 'ticket.called',
  recall: 'ticket.recalled',
  start: 'ticket.serving',
  finish: 'ticket.served',
  'no-show': 'ticket.no-show',
  reactivate: 'ticket.reactivated',
  cancel: 'ticket.cancelled',
  transfer: 'ticket.transferred',
  park: 'ticket.parked',
  resume: 'ticket.resumed',
};

function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) {
    throw errors.invalidCommand(field, {
      id: 'wajib teks 1–200 karakter',
      en: 'must be a string of 1–200 characters',
    });
  }
  return value;
}

/** JSON with object keys sorted at every depth, so equal commands give equal text. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function fingerprint(name: string, command: object): string {
  const { idempotencyKey: _ignored, ...rest } = command as { idempotencyKey?: string };
  return `${name}:${stableJson(rest)}`;
}

function claimOf(name: string, command: { idempotencyKey?: string }): IdempotencyClaim | null {
  if (command.idempotencyKey === undefined) return null;
  requireString(command.idempotencyKey, 'idempotencyKey');
  return { key: command.idempotencyKey, fingerprint: fingerprint(name, command) };
}

/** Creates the queue API on top of a store. */
export function createQueue(options: QueueOptions): Queue {
  const { store } = options;
  const clock = options.clock ?? Date.now;
  const newId = options.newId ?? randomUUID;

  const ticketEvent = (
    tx: QueueTransaction,
    action: string,
    from: TicketStatus | null,
    ticket: Ticket,
    announcement: Announcement | null = null,
  ): void => {
    const type = action === 'issue' ? 'ticket.issued' : TICKET_EVENT[action];
    if (type === undefined) throw new Error(`no event for ${action}`);
    tx.emit({ siteId: tx.site.id, at: ticket.updatedAt, type, from, ticket, announcement });
  };

  const announce = (tx: QueueTransaction, ticket: Ticket): Announcement => {
    const counter = tx.site.counters.find((c) => c.id === ticket.counterId);
    if (!counter || ticket.counterId === null)
      throw errors.unknownCounter(String(ticket.counterId));
    return {
      label: ticket.label,
      counterId: counter.id,
      counterNumber: counter.number,
      counterName: counter.name ?? null,
      serviceId: ticket.serviceId,
      callCount: ticket.callCount,
    };
  };

  const sessionOf = async (tx: QueueTransaction, sessionId: string, thenTicketId?: string) => {
    requireString(sessionId, 'sessionId');
    const found = await tx.lockSession(sessionId, thenTicketId);
    if (!found) throw errors.unknownSession(sessionId);
    if (found.session.closedAt !== null) throw errors.sessionClosed(sessionId);
    return found;
  };

  const ticketOf = async (tx: QueueTransaction, ticketId: string): Promise<Ticket> => {
    requireString(ticketId, 'ticketId');
    const ticket = await tx.lockTicket(ticketId);
    if (!ticket) throw errors.unknownTicket(ticketId);
    return ticket;
  };

  /** Keeps the counter's active ticket in step with the ticket's new state. */
  const syncCounter = (tx: QueueTransaction, counter: CounterState, ticket: Ticket): void => {
    const holds = ticket.status === 'called' || ticket.status === 'serving';
    const active = holds ? ticket.id : null;
    if (counter.activeTicketId !== active) tx.putCounter({ ...counter, activeTicketId: active });
  };

  const atCounter =
    (
      action: string,
      apply: (ticket: Ticket, site: Site, ctx: CounterContext) => Ticket,
    ): ((command: TicketAtCounterCommand) => Promise<CommandResult>) =>
    (command) =>
      store.transaction(command.siteId, claimOf(action, command), async (tx) => {
        const { session, counter } = await sessionOf(tx, command.sessionId, command.ticketId);
        const ticket = await ticketOf(tx, command.ticketId);
        const next = apply(ticket, tx.site, {
          counterId: session.counterId,
          sessionId: session.id,
          now: clock(),
        });
        tx.putTicket(next);
        syncCounter(tx, counter, next);
        ticketEvent(
          tx,
          action,
          ticket.status,
          next,
          action === 'recall' ? announce(tx, next) : null,
        );
      });

  const noCounter =
    (action: string, apply: (ticket: Ticket, site: Site, now: number) => Ticket) =>
    (command: TicketCommand): Promise<CommandResult> =>
      store.transaction(command.siteId, claimOf(action, command), async (tx) => {
        const ticket = await ticketOf(tx, command.ticketId);
        const next = apply(ticket, tx.site, clock());
        tx.putTicket(next);
        ticketEvent(tx, action, ticket.status, next);
      });

  const getSite = async (siteId: string): Promise<Site> => {
    const site = await store.loadSite(siteId);
    if (!site) throw errors.unknownSite(siteId);
    return site;
  };

  return {
    async configureSite(config) {
      const site = normalizeSite(config);
      await store.saveSite(site);
      return site;
    },

    getSite,

    issue(command) {
      return store.transaction(command.siteId, claimOf('issue', command), async (tx) => {
        const { site } = tx;
        const now = clock();
        requireString(command.serviceId, 'serviceId');
        const service = site.services.find((s) => s.id === command.serviceId);
        if (!service) throw errors.unknownService(command.serviceId);
        if (!['kiosk', 'reception', 'online'].includes(command.channel)) {
          throw errors.invalidCommand('channel', {
            id: 'harus kiosk, reception atau online',
            en: 'must be kiosk, reception or online',
          });
        }
        const priorityClass = command.priorityClass ?? null;
        if (
          priorityClass !== null &&
          !site.policy.priorityClasses.some((c) => c.id === priorityClass)
        ) {
          throw errors.unknownPriorityClass(priorityClass);
        }
        if (service.openingHours) {
          const local = localTimeOf(now, site.timeZone);
          if (local < service.openingHours.open || local >= service.openingHours.close) {
            throw errors.serviceClosed(service.id, local);
          }
        }
        let band: Ticket['band'] = 'walk-in';
        let callableAt = now;
        const appointment = command.appointment ?? null;
        if (appointment) {
          requireString(appointment.bookingId, 'appointment.bookingId');
          if (!Number.isFinite(appointment.slotAt)) {
            throw errors.invalidCommand('appointment.slotAt', {
              id: 'wajib waktu (ms)',
              en: 'must be a time (ms)',
            });
          }
          const a = site.policy.appointments;
          const opens = appointment.slotAt - a.earlyCheckInSeconds * 1000;
          const closes = appointment.slotAt + a.lateCheckInSeconds * 1000;
          if (now < opens)
            throw errors.checkInTooEarly(appointment.bookingId, formatLocal(opens, site.timeZone));
          if (now > closes) {
            if (a.lateArrival === 'refuse') {
              throw errors.checkInTooLate(
                appointment.bookingId,
                formatLocal(closes, site.timeZone),
              );
            }
          } else {
            band = 'appointment';
            callableAt = Math.max(now, appointment.slotAt - a.callAheadSeconds * 1000);
          }
        }
        const serviceDay = serviceDayOf(now, site.timeZone);
        const number = await tx.allocateNumber(service, serviceDay);
        if (!number) {
          const cap = Math.min(
            service.dailyCap ?? Infinity,
            service.lastNumber - service.firstNumber + 1,
          );
          throw errors.capReached(service.id, serviceDay, cap);
        }
        const id = newId();
        const ticket: Ticket = {
          id,
          siteId: site.id,
          serviceId: service.id,
          agencyId: service.agencyId,
          serviceDay,
          numberServiceId: service.id,
          sequence: number.sequence,
          label: formatTicketNumber(service.prefix, number.sequence),
          channel: command.channel,
          priorityClass,
          band,
          bookingId: appointment?.bookingId ?? null,
          appointmentSlotAt: appointment?.slotAt ?? null,
          status: 'waiting',
          issuedAt: now,
          arrivalAt: now,
          callableAt,
          calledAt: null,
          lastCalledAt: null,
          servingAt: null,
          finishedAt: null,
          callCount: 0,
          counterId: null,
          sessionId: null,
          parentId: null,
          rootId: id,
          issueOrder: number.issueOrder,
          updatedAt: now,
        };
        tx.putTicket(ticket);
        ticketEvent(tx, 'issue', null, ticket);
      });
    },

    openSession(command) {
      return store.transaction(command.siteId, claimOf('openSession', command), async (tx) => {
        requireString(command.counterId, 'counterId');
        requireString(command.staffId, 'staffId');
        const counter = tx.site.counters.find((c) => c.id === command.counterId);
        if (!counter) throw errors.unknownCounter(command.counterId);
        const weights = command.serviceWeights ?? {};
        for (const [serviceId, w] of Object.entries(weights)) {
          if (!counter.services.some((s) => s.serviceId === serviceId)) {
            throw errors.counterNotServingService(counter.id, serviceId);
          }
          if (!Number.isFinite(w)) {
            throw errors.invalidCommand(`serviceWeights.${serviceId}`, {
              id: 'wajib angka',
              en: 'must be a number',
            });
          }
        }
        await tx.lockCounter(counter.id);
        const open = await tx.openSessionAt(counter.id);
        if (open) throw errors.counterOccupied(counter.id, open.id);
        const session: StaffSession = {
          id: newId(),
          siteId: tx.site.id,
          counterId: counter.id,
          staffId: command.staffId,
          serviceWeights: { ...weights },
          openedAt: clock(),
          closedAt: null,
        };
        tx.putSession(session);
        tx.emit({ siteId: tx.site.id, at: session.openedAt, type: 'session.opened', session });
      });
    },

    closeSession(command) {
      return store.transaction(command.siteId, claimOf('closeSession', command), async (tx) => {
        const { session, counter } = await sessionOf(tx, command.sessionId);
        if (counter.activeTicketId !== null)
          throw errors.counterBusy(counter.counterId, counter.activeTicketId);
        const closed: StaffSession = { ...session, closedAt: Math.max(clock(), session.openedAt) };
        tx.putSession(closed);
        tx.emit({
          siteId: tx.site.id,
          at: closed.closedAt ?? 0,
          type: 'session.closed',
          session: closed,
        });
      });
    },

    callNext(command) {
      const claim = claimOf('callNext', command);
      if (store.callNext) {
        requireString(command.sessionId, 'sessionId');
        return store.callNext({
          siteId: command.siteId,
          sessionId: command.sessionId,
          now: clock(),
          idempotency: claim,
        });
      }
      return store.transaction(command.siteId, claim, async (tx) => {
        const { session, counter } = await sessionOf(tx, command.sessionId);
        if (counter.activeTicketId !== null)
          throw errors.counterBusy(counter.counterId, counter.activeTicketId);
        const desk = tx.site.counters.find((c) => c.id === session.counterId);
        if (!desk) throw errors.unknownCounter(session.counterId);
        const routingWeights = new Map(
          desk.services.map((s) => [
            s.serviceId,
            session.serviceWeights[s.serviceId] ?? s.weight ?? 0,
          ]),
        );
        const ctx: SelectionContext = {
          now: clock(),
          policy: tx.site.policy,
          routingWeights,
          serviceWeights: new Map(tx.site.services.map((s) => [s.id, s.weight])),
          priorityStreak: counter.priorityStreak,
        };
        const candidate = await tx.claimNext(ctx);
        if (!candidate) return;
        const called = applyCall(candidate, tx.site.policy, {
          counterId: desk.id,
          sessionId: session.id,
          now: ctx.now,
        });
        tx.putTicket(called);
        tx.putCounter({
          counterId: desk.id,
          activeTicketId: called.id,
          priorityStreak: nextPriorityStreak(counter.priorityStreak, called),
        });
        ticketEvent(tx, 'call', candidate.status, called, announce(tx, called));
      });
    },

    callTicket(command) {
      return store.transaction(command.siteId, claimOf('callTicket', command), async (tx) => {
        const { session, counter } = await sessionOf(tx, command.sessionId, command.ticketId);
        const ticket = await ticketOf(tx, command.ticketId);
        if (counter.activeTicketId !== null)
          throw errors.counterBusy(counter.counterId, counter.activeTicketId);
        const desk = tx.site.counters.find((c) => c.id === session.counterId);
        if (!desk) throw errors.unknownCounter(session.counterId);
        if (!desk.services.some((s) => s.serviceId === ticket.serviceId)) {
          throw errors.counterNotServingService(desk.id, ticket.serviceId);
        }
        const called = applyCall(ticket, tx.site.policy, {
          counterId: desk.id,
          sessionId: session.id,
          now: clock(),
        });
        tx.putTicket(called);
        tx.putCounter({
          counterId: desk.id,
          activeTicketId: called.id,
          priorityStreak: nextPriorityStreak(counter.priorityStreak, called),
        });
        ticketEvent(tx, 'call', ticket.status, called, announce(tx, called));
      });
    },

    recall: atCounter('recall', (t, site, ctx) => applyRecall(t, site.policy, ctx)),
    startServing: atCounter('start', (t, _site, ctx) => applyStart(t, ctx)),
    finish: atCounter('finish', (t, _site, ctx) => applyFinish(t, ctx)),
    markNoShow: atCounter('no-show', (t, _site, ctx) => applyNoShow(t, ctx)),
    park: atCounter('park', (t, _site, ctx) => applyPark(t, ctx)),

    transfer(command) {
      return store.transaction(command.siteId, claimOf('transfer', command), async (tx) => {
        const { session, counter } = await sessionOf(tx, command.sessionId, command.ticketId);
        const ticket = await ticketOf(tx, command.ticketId);
        requireString(command.toServiceId, 'toServiceId');
        const target = tx.site.services.find((s) => s.id === command.toServiceId);
        if (!target) throw errors.unknownService(command.toServiceId);
        if (
          command.arrival !== undefined &&
          command.arrival !== 'keep' &&
          command.arrival !== 'reset'
        ) {
          throw errors.invalidCommand('arrival', {
            id: 'harus keep atau reset',
            en: 'must be keep or reset',
          });
        }
        const policy = command.arrival
          ? { ...tx.site.policy, transferArrival: command.arrival }
          : tx.site.policy;
        const ctx = { counterId: session.counterId, sessionId: session.id, now: clock() };
        // Refuse before taking an issue order.
        assertCanApply(ticket, 'transfer');
        assertAtCounter(ticket, ctx.counterId);
        const { parent, child } = applyTransfer(ticket, policy, ctx, {
          childId: newId(),
          serviceId: target.id,
          agencyId: target.agencyId,
          issueOrder: await tx.allocateIssueOrder(),
        });
        tx.putTicket(parent);
        tx.putTicket(child);
        syncCounter(tx, counter, parent);
        ticketEvent(tx, 'transfer', ticket.status, parent);
        ticketEvent(tx, 'issue', null, child);
      });
    },

    reactivate: noCounter('reactivate', (t, site, now) => applyReactivate(t, site.policy, now)),
    resume: noCounter('resume', (t, _site, now) => applyResume(t, now)),
    cancel: noCounter('cancel', (t, _site, now) => applyCancel(t, now)),

    async getTicket(siteId, ticketId) {
      const ticket = await store.getTicket(siteId, ticketId);
      if (!ticket) throw errors.unknownTicket(ticketId);
      return ticket;
    },

    listTickets: (siteId, filter) => store.listTickets(siteId, filter),

    events: (siteId, afterSeq = 0, limit = 1000) => store.readEvents(siteId, afterSeq, limit),

    subscribe(siteId, listener, subscribeOptions = {}) {
      let last = subscribeOptions.afterSeq ?? 0;
      let stopped = false;
      let running = false;
      let again = false;
      const pump = async (): Promise<void> => {
        if (running) {
          again = true;
          return;
        }
        running = true;
        try {
          do {
            again = false;
            for (;;) {
              if (stopped) return;
              const batch = await store.readEvents(siteId, last, 500);
              for (const event of batch) {
                if (stopped) return;
                last = event.seq;
                listener(event);
              }
              if (batch.length < 500) break;
            }
          } while (again && !stopped);
        } catch (error) {
          subscribeOptions.onError?.(error);
        } finally {
          running = false;
        }
      };
      const unwatch = store.watch(siteId, () => void pump());
      void pump();
      return () => {
        stopped = true;
        unwatch();
      };
    },

    async estimateWait(siteId, ticketId) {
      const site = await getSite(siteId);
      const ticket = await store.getTicket(siteId, ticketId);
      if (!ticket) throw errors.unknownTicket(ticketId);
      if (ticket.status !== 'waiting')
        throw errors.illegalTransition(ticket.id, ticket.status, 'estimate');
      const waiting = await store.listTickets(siteId, {
        serviceId: ticket.serviceId,
        status: 'waiting',
      });
      const sessions = await store.listOpenSessions(siteId);
      const serving = sessions.filter((s) =>
        site.counters.some(
          (c) => c.id === s.counterId && c.services.some((cs) => cs.serviceId === ticket.serviceId),
        ),
      ).length;
      const recent = await store.recentServiceSeconds(
        siteId,
        ticket.serviceId,
        site.policy.estimate.sampleSize,
      );
      return estimateWait(
        queuePosition(ticket, waiting, site.policy),
        recent,
        serving,
        site.policy.estimate,
      );
    },

    async indicators(siteId, serviceDay) {
      const site = await getSite(siteId);
      const now = clock();
      const day = serviceDay ?? serviceDayOf(now, site.timeZone);
      return computeIndicators(await store.listTickets(siteId, { serviceDay: day }), site, now);
    },
  };
}

/** Narrows an event to a ticket event. */
export function isTicketEvent(event: QueueEvent): event is TicketEvent {
  return event.type.startsWith('ticket.');
}
