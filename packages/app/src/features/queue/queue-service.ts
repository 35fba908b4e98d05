import {
  type CommandResult,
  createPostgresStore,
  createQueue,
  type Ticket as EngineTicket,
  isQueueError,
  type Queue,
  type QueueStore,
  serviceDayOf,
} from '@mpp-kit/queue';
import pg from 'pg';
import { AppError, notFound } from '../../shared/errors.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import { issuingClosed } from './issuing-hours.js';
import { QueueProjection } from './queue-projection.js';
import { PRIORITY_CLASS, SITE_ID, siteConfigOf } from './queue-site.js';

export const PRIORITIES = ['regular', 'elderly', 'disability', 'pregnant', 'child'] as const;
export type Priority = (typeof PRIORITIES)[number];
export type TicketStatus =
  | 'waiting'
  | 'called'
  | 'serving'
  | 'done'
  | 'no_show'
  | 'parked'
  | 'transferred';

/** A ticket as staff see it (no phone number: staff screens do not need it). */
export interface Ticket {
  id: string;
  code: string;
  number: string;
  serviceId: string;
  agencyId: string;
  priority: Priority;
  channel: 'online' | 'kiosk';
  status: TicketStatus;
  counterId: string | null;
  recallCount: number;
  issuedAt: string;
  calledAt: string | null;
}

/** One outbox row: the SSE payload for boards, consoles and ticket pages. */
export interface QueueEvent {
  id: number;
  kind:
    | 'issued'
    | 'called'
    | 'recalled'
    | 'started'
    | 'finished'
    | 'no_show'
    | 'parked'
    | 'resumed'
    | 'transferred';
  at: string;
  agencyId: string;
  serviceId: string;
  ticketId: string;
  number: string;
  counterId: string | null;
  counterLabel: string | null;
}

export interface TicketStatusView {
  ticket: Ticket;
  ahead: number;
  wait: { low: number; high: number };
  counterLabel: string | null;
}

const TICKET_COLUMNS = `id, code, number, service_id, agency_id, priority, channel, status, counter_id,
  recall_count, issued_at, called_at`;

interface TicketRow {
  id: string;
  code: string;
  number: string;
  service_id: string;
  agency_id: string;
  priority: Priority;
  channel: 'online' | 'kiosk';
  status: TicketStatus;
  counter_id: string | null;
  recall_count: number;
  issued_at: Date;
  called_at: Date | null;
}

function toTicket(row: TicketRow): Ticket {
  return {
    id: row.id,
    code: row.code,
    number: row.number,
    serviceId: row.service_id,
    agencyId: row.agency_id,
    priority: row.priority,
    channel: row.channel,
    status: row.status,
    counterId: row.counter_id,
    recallCount: row.recall_count,
    issuedAt: row.issued_at.toISOString(),
    calledAt: row.called_at?.toISOString() ?? null,
  };
}

// Priority classes go first; within a class, first come first served (display order only: the
// engine decides who is called).
const ORDER = `(priority <> 'regular') desc, issued_at, seq`;

const INVALID_STATE = () =>
  new AppError(
    409,
    'invalid_state',
    'Tiket tidak dalam status yang memungkinkan tindakan ini',
    'The ticket is not in a state that allows this action',
  );

/** The engine's refusals as the app's 409 answers (its bilingual messages kept). */
function refusal(error: unknown): never {
  if (isQueueError(error)) {
    if (error.code === 'illegal-transition' || error.code === 'ticket-not-at-counter')
      throw INVALID_STATE();
    throw new AppError(409, error.code, error.messages.id, error.messages.en);
  }
  throw error;
}

async function engineCall(run: () => Promise<CommandResult>): Promise<CommandResult> {
  try {
    return await run();
  } catch (error) {
    refusal(error);
  }
}

/**
 * The app's queue: an adapter over `@mpp-kit/queue`'s engine and PostgreSQL store. Commands go to
 * the engine (call-next claiming, numbering, transitions, outbox); their events are projected
 * into `ticket` and `queue_event` before the command returns, so pages, the SSE hub, analytics
 * and the survey keep reading those tables.
 */
export class QueueService {
  private engineState:
    | { engine: Queue; pool: pg.Pool; store: QueueStore; projection: QueueProjection }
    | undefined;
  private starting: Promise<void> | undefined;
  private readonly sessions = new Map<string, Promise<string>>();
  private capCache: { at: number; full: Promise<Set<string>> } | undefined;
  private stopSubscription: (() => void) | undefined;

  constructor(
    private readonly pool: pg.Pool,
    private readonly catalogue: Catalogue,
    private readonly onChange: (event: QueueEvent, ticket: Ticket) => void = () => {},
    /** `openingHours: false` issues at any hour (the demo, tests); default: the config's hours. */
    private readonly options: { openingHours?: boolean } = {},
  ) {}

  /**
   * Why no ticket can be taken at `at` (outside the opening hours less the cutoff, or a holiday,
   * in the instance's time zone), as the API's 409; `undefined` when issuing is open.
   */
  issuingRefusal(at = new Date()): AppError | undefined {
    if (this.options.openingHours === false) return undefined;
    const closed = issuingClosed(this.catalogue.config.source, at);
    return closed && new AppError(409, closed.code, closed.id, closed.en);
  }

  private get timezone(): string {
    return this.catalogue.config.instance.timezone;
  }

  /**
   * Saves the site's configuration in the engine, projects what a previous run left unprojected
   * (a crash between a command's commit and its projection) and follows the engine's outbox.
   */
  async start(): Promise<void> {
    this.starting ??= (async () => {
      // The engine gets its own connections: a projection holds one of the app's while it reads
      // the engine's outbox, so sharing one pool could exhaust it under load.
      const pool = new pg.Pool({ ...this.pool.options, allowExitOnIdle: true });
      pool.on('error', () => {});
      const store = createPostgresStore({ pool });
      const engine = createQueue({ store });
      await engine.configureSite(siteConfigOf(this.catalogue));
      const projection = new QueueProjection(
        this.pool,
        engine,
        this.catalogue,
        this.onChange,
        (c, id) => this.byIdOn(c, id),
      );
      this.engineState = { engine, pool, store, projection };
      await projection.catchUp();
      const cursor = await this.pool.query<{ last_seq: string }>(
        'select last_seq from queue_projection where site_id = $1',
        [SITE_ID],
      );
      // commands of other replicas: the engine's notifications wake the projection here too
      this.stopSubscription = engine.subscribe(SITE_ID, () => this.wake(), {
        afterSeq: Number(cursor.rows[0]?.last_seq ?? 0),
      });
    })();
    await this.starting;
  }

  /**
   * Saves the site again from the (live) catalogue after an administrator's change (decision
   * 0066). The engine keeps every ticket: services switched off stay configured, so their
   * waiting tickets can still be called.
   */
  async reconfigure(): Promise<void> {
    const { engine } = await this.state();
    await engine.configureSite(siteConfigOf(this.catalogue));
    this.capCache = undefined;
  }

  async stop(): Promise<void> {
    this.stopSubscription?.();
    const state = this.engineState;
    this.engineState = undefined;
    this.starting = undefined;
    // the store's LISTEN connection must go back to the pool before the pool can end
    await state?.store.close().catch(() => {});
    await state?.pool.end().catch(() => {});
  }

  private async state(): Promise<{ engine: Queue; projection: QueueProjection }> {
    if (!this.engineState) await this.start();
    return this.engineState as { engine: Queue; projection: QueueProjection };
  }

  private projecting: Promise<unknown> = Promise.resolve();
  private wakePending = false;

  /** A projection run soon, coalescing a burst of notifications into one run. */
  private wake(): void {
    if (this.wakePending) return;
    this.wakePending = true;
    this.projecting = this.projecting
      .then(async () => {
        this.wakePending = false;
        await (await this.state()).projection.catchUp();
      })
      .catch(() => {});
  }

  /** Projects the engine's new events (serialised in this process; the cursor lock covers others). */
  private project(): Promise<unknown> {
    const run = this.projecting.then(async () => (await this.state()).projection.catchUp());
    this.projecting = run.catch(() => {});
    return run;
  }

  /** The engine's staff session of a counter, opened once (the idempotency key makes it one). */
  private sessionFor(counterId: string): Promise<string> {
    let session = this.sessions.get(counterId);
    if (!session) {
      session = (async () => {
        const { engine } = await this.state();
        const r = await engineCall(() =>
          engine.openSession({
            siteId: SITE_ID,
            counterId,
            staffId: `loket:${counterId}`,
            idempotencyKey: `open-session:${counterId}`,
          }),
        );
        return r.session?.id ?? '';
      })();
      session.catch(() => this.sessions.delete(counterId));
      this.sessions.set(counterId, session);
    }
    return session;
  }

  private async engineTicket(rowId: string): Promise<EngineTicket> {
    const r = await this.pool.query<{ queue_ticket_id: string | null }>(
      'select queue_ticket_id from ticket where id = $1',
      [rowId],
    );
    const id = r.rows[0]?.queue_ticket_id;
    if (!id) throw INVALID_STATE();
    const { engine } = await this.state();
    try {
      return await engine.getTicket(SITE_ID, id);
    } catch (error) {
      refusal(error);
    }
  }

  /** Issues a ticket for today; the engine numbers it per service and day. */
  async issue(input: {
    serviceId: string;
    priority: Priority;
    channel: 'online' | 'kiosk';
    kioskId?: string | undefined;
    phone?: string | undefined;
  }): Promise<Ticket> {
    const service = this.catalogue.service(input.serviceId);
    if (!service) throw notFound('Layanan / service');
    if (!service.offered) {
      throw new AppError(
        409,
        'service_off',
        'Layanan ini sedang tidak menerima antrean baru',
        'This service is not taking new tickets at the moment',
      );
    }
    const closed = this.issuingRefusal();
    if (closed) throw closed;
    const { engine } = await this.state();
    const r = await engineCall(() =>
      engine.issue({
        siteId: SITE_ID,
        serviceId: service.id,
        channel: input.channel,
        priorityClass: input.priority === 'regular' ? null : PRIORITY_CLASS,
      }),
    );
    await this.project();
    this.capCache = undefined;
    const id = r.ticket?.rootId ?? '';
    await this.pool.query(
      'update ticket set priority = $2, channel = $3, kiosk_id = $4, phone = $5 where id = $1',
      [id, input.priority, input.channel, input.kioskId ?? null, input.phone ?? null],
    );
    const ticket = await this.byId(id);
    if (!ticket) throw new Error(`issued ticket ${id} was not projected`);
    return ticket;
  }

  /**
   * Services whose daily cap (kuota harian) is reached today, counted as the engine counts:
   * tickets issued for the service today (a transfer into it is not an issue). Kept for a few
   * seconds, so screens that list every service cost one query at most that often.
   */
  capsReached(): Promise<Set<string>> {
    const now = Date.now();
    if (this.capCache && now - this.capCache.at < 5000) return this.capCache.full;
    const full = (async () => {
      const { engine } = await this.state();
      const site = await engine.getSite(SITE_ID);
      const issued = new Map<string, number>();
      for (const t of await engine.listTickets(SITE_ID, {
        serviceDay: serviceDayOf(now, site.timeZone),
      })) {
        if (t.parentId === null) issued.set(t.serviceId, (issued.get(t.serviceId) ?? 0) + 1);
      }
      const reached = new Set<string>();
      for (const s of site.services) {
        const range = (s.lastNumber ?? 999) - (s.firstNumber ?? 1) + 1;
        const cap = Math.min(s.dailyCap ?? Number.POSITIVE_INFINITY, range);
        if ((issued.get(s.id) ?? 0) >= cap) reached.add(s.id);
      }
      return reached;
    })();
    this.capCache = { at: now, full };
    full.catch(() => {
      this.capCache = undefined;
    });
    return full;
  }

  async byCode(code: string): Promise<Ticket | undefined> {
    if (!/^[\w-]{1,64}$/.test(code)) return undefined;
    const r = await this.pool.query<TicketRow>(
      `select ${TICKET_COLUMNS} from ticket where code = $1`,
      [code],
    );
    return r.rows[0] ? toTicket(r.rows[0]) : undefined;
  }

  async byId(id: string): Promise<Ticket | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const r = await this.pool.query<TicketRow>(
      `select ${TICKET_COLUMNS} from ticket where id = $1`,
      [id],
    );
    return r.rows[0] ? toTicket(r.rows[0]) : undefined;
  }

  private async byIdOn(client: pg.PoolClient, id: string): Promise<Ticket | undefined> {
    const r = await client.query<TicketRow>(`select ${TICKET_COLUMNS} from ticket where id = $1`, [
      id,
    ]);
    return r.rows[0] ? toTicket(r.rows[0]) : undefined;
  }

  /**
   * Position and wait range of a ticket, for its public status page. Both come from the engine
   * (`Queue.estimateWait`: its own call order, open counters and today's measured service
   * times), so the page never disagrees with who is called next.
   */
  async status(code: string): Promise<TicketStatusView | undefined> {
    const ticket = await this.byCode(code);
    if (!ticket) return undefined;
    let ahead = 0;
    let wait = { low: 0, high: 0 };
    if (ticket.status === 'waiting') {
      const held = await this.engineTicket(ticket.id);
      const { engine } = await this.state();
      try {
        const estimate = await engine.estimateWait(SITE_ID, held.id);
        ahead = estimate.position;
        wait = {
          low: Math.floor(estimate.minSeconds / 60),
          high: Math.ceil(estimate.maxSeconds / 60),
        };
      } catch (error) {
        // called between the two reads: the page shows the projected status without an estimate
        if (!isQueueError(error)) throw error;
      }
    }
    const counterLabel = ticket.counterId
      ? (this.catalogue.counter(ticket.counterId)?.label ?? null)
      : null;
    return { ticket, ahead, wait, counterLabel };
  }

  /** Waiting tickets a counter may call, in display order. */
  async waitingForCounter(counterId: string, limit = 50): Promise<Ticket[]> {
    const services = this.catalogue.counterServices(counterId);
    const r = await this.pool.query<TicketRow>(
      `select ${TICKET_COLUMNS} from ticket
       where service_day = (now() at time zone $1)::date and service_id = any($2) and status = 'waiting'
       order by ${ORDER} limit $3`,
      [this.timezone, services, limit],
    );
    return r.rows.map(toTicket);
  }

  /** Tickets of an agency that are parked today, for the console's "resume" list. */
  async parked(agencyId: string): Promise<Ticket[]> {
    const r = await this.pool.query<TicketRow>(
      `select ${TICKET_COLUMNS} from ticket
       where service_day = (now() at time zone $1)::date and agency_id = $2 and status = 'parked'
       order by issued_at limit 50`,
      [this.timezone, agencyId],
    );
    return r.rows.map(toTicket);
  }

  /** The ticket a counter is calling or serving now, if any. */
  async current(counterId: string): Promise<Ticket | undefined> {
    const r = await this.pool.query<TicketRow>(
      `select ${TICKET_COLUMNS} from ticket where counter_id = $1 and status in ('called', 'serving')
       order by called_at desc limit 1`,
      [counterId],
    );
    return r.rows[0] ? toTicket(r.rows[0]) : undefined;
  }

  /** The ticket each of some counters is calling or serving now (one query, for a board). */
  async heldAt(counterIds: string[]): Promise<Map<string, Ticket>> {
    const r = await this.pool.query<TicketRow>(
      `select distinct on (counter_id) ${TICKET_COLUMNS} from ticket
       where counter_id = any($1) and status in ('called', 'serving')
       order by counter_id, called_at desc`,
      [counterIds],
    );
    return new Map(r.rows.map((row) => [row.counter_id ?? '', toTicket(row)]));
  }

  /** Finishes what a counter holds (a called ticket is started first: the engine serves before it finishes). */
  private async finishAt(engine: Queue, sessionId: string, ticket: EngineTicket): Promise<void> {
    const command = { siteId: SITE_ID, sessionId, ticketId: ticket.id };
    if (ticket.status === 'called') await engineCall(() => engine.startServing(command));
    await engineCall(() => engine.finish(command));
  }

  /**
   * Calls the next ticket for a counter. The counter's current ticket, if any, is finished
   * first. The engine claims the ticket with `for update skip locked` in one statement.
   */
  async callNext(counterId: string): Promise<Ticket | undefined> {
    const { engine } = await this.state();
    const sessionId = await this.sessionFor(counterId);
    // the engine's id of what the counter holds, in one read (the hot path of every call)
    const holding = await this.pool.query<{ queue_ticket_id: string | null }>(
      `select queue_ticket_id from ticket where counter_id = $1 and status in ('called', 'serving')
       order by called_at desc limit 1`,
      [counterId],
    );
    const heldId = holding.rows[0]?.queue_ticket_id;
    let called: EngineTicket | null;
    try {
      if (heldId) {
        let held: EngineTicket;
        try {
          held = await engine.getTicket(SITE_ID, heldId);
        } catch (error) {
          refusal(error);
        }
        if (held.counterId === counterId && (held.status === 'called' || held.status === 'serving'))
          await this.finishAt(engine, sessionId, held);
      }
      called = (await engineCall(() => engine.callNext({ siteId: SITE_ID, sessionId }))).ticket;
    } finally {
      await this.project();
    }
    return called ? this.byId(called.rootId) : undefined;
  }

  /** Moves a ticket from one state to another; refuses if it is not in an allowed state. */
  async transition(
    ticketId: string,
    action: 'recall' | 'start' | 'finish' | 'no_show' | 'park' | 'resume',
    counterId: string,
  ): Promise<Ticket> {
    const { engine } = await this.state();
    const t = await this.engineTicket(ticketId);
    try {
      if (action === 'resume') {
        if (t.status !== 'parked') throw INVALID_STATE();
        if (await this.current(counterId)) {
          throw new AppError(
            409,
            'counter-busy',
            'Loket sedang melayani tiket lain',
            'The counter holds another ticket',
          );
        }
        const sessionId = await this.sessionFor(counterId);
        // resuming calls the ticket back to this counter at once, as the console promises
        await engineCall(() => engine.resume({ siteId: SITE_ID, ticketId: t.id }));
        await engineCall(() => engine.callTicket({ siteId: SITE_ID, sessionId, ticketId: t.id }));
      } else {
        if (!t.counterId) throw INVALID_STATE();
        const sessionId = await this.sessionFor(t.counterId);
        const command = { siteId: SITE_ID, sessionId, ticketId: t.id };
        if (action === 'recall') await engineCall(() => engine.recall(command));
        else if (action === 'start') await engineCall(() => engine.startServing(command));
        else if (action === 'finish') await this.finishAt(engine, sessionId, t);
        else if (action === 'no_show') await engineCall(() => engine.markNoShow(command));
        else await engineCall(() => engine.park(command));
      }
    } finally {
      await this.project();
    }
    const ticket = await this.byId(ticketId);
    if (!ticket) throw notFound('Tiket / ticket');
    return ticket;
  }

  /**
   * Sends a ticket to another service (possibly of another agency). The engine keeps its number
   * and its arrival time, so the citizen does not lose their place by being sent on; the app's
   * ticket (code, status page) follows it. The engine transfers only a ticket being served, so a
   * called ticket is started first and a parked one is resumed, called to `counterId` and started
   * first — one officer action. With a `requestId` every engine command carries an idempotency
   * key derived from it, so a resubmitted form never resumes or transfers twice.
   */
  async transfer(
    ticketId: string,
    toServiceId: string,
    options: { counterId?: string | undefined; requestId?: string | undefined } = {},
  ): Promise<Ticket> {
    const target = this.catalogue.service(toServiceId);
    if (!target) throw notFound('Layanan tujuan / target service');
    const { engine } = await this.state();
    const t = await this.engineTicket(ticketId);
    const key = (step: string) =>
      options.requestId ? { idempotencyKey: `transfer:${options.requestId}:${step}` } : {};
    let counterId = t.counterId;
    if (t.status === 'parked') {
      counterId = options.counterId ?? null;
      if (!counterId) {
        throw new AppError(
          400,
          'no_counter',
          'Pilih loket terlebih dahulu',
          'Choose a counter first',
        );
      }
      if (await this.current(counterId)) {
        throw new AppError(
          409,
          'counter-busy',
          'Loket sedang melayani tiket lain',
          'The counter holds another ticket',
        );
      }
    } else if ((t.status !== 'called' && t.status !== 'serving') || !counterId) {
      throw INVALID_STATE();
    }
    const sessionId = await this.sessionFor(counterId);
    const command = { siteId: SITE_ID, sessionId, ticketId: t.id };
    try {
      if (t.status === 'parked') {
        await engineCall(() =>
          engine.resume({ siteId: SITE_ID, ticketId: t.id, ...key('resume') }),
        );
        await engineCall(() => engine.callTicket({ ...command, ...key('call') }));
      }
      if (t.status !== 'serving') {
        await engineCall(() => engine.startServing({ ...command, ...key('start') }));
      }
      await engineCall(() =>
        engine.transfer({ ...command, toServiceId: target.id, ...key('transfer') }),
      );
    } finally {
      await this.project();
    }
    const ticket = await this.byId(ticketId);
    if (!ticket) throw notFound('Tiket / ticket');
    return ticket;
  }

  /** Latest calls shown by a board for its agencies. */
  async recentCalls(agencyIds: string[], limit = 8): Promise<QueueEvent[]> {
    const r = await this.pool.query<EventRow>(
      `select * from queue_event where agency_id = any($1) and kind in ('called', 'recalled', 'resumed')
       order by id desc limit $2`,
      [agencyIds, limit],
    );
    return r.rows.map(toEvent);
  }

  /** Outbox rows after `afterId` for some agencies (SSE replay). */
  async eventsSince(
    afterId: number,
    agencyIds: string[] | null,
    limit = 1000,
  ): Promise<QueueEvent[]> {
    const r = await this.pool.query<EventRow>(
      `select * from queue_event where id > $1 and ($2::text[] is null or agency_id = any($2))
       order by id limit $3`,
      [afterId, agencyIds, limit],
    );
    return r.rows.map(toEvent);
  }

  async lastEventId(): Promise<number> {
    const r = await this.pool.query<{ id: string | null }>('select max(id) as id from queue_event');
    return Number(r.rows[0]?.id ?? 0);
  }

  /**
   * Deletes reminder phone numbers of past service days (UU PDP: kept no longer than needed).
   * Returns how many were removed.
   */
  async purgePhoneNumbers(): Promise<number> {
    const r = await this.pool.query(
      `update ticket set phone = null
       where phone is not null and service_day < (now() at time zone $1)::date`,
      [this.timezone],
    );
    return r.rowCount ?? 0;
  }

  /** Waiting-ticket count per agency (metrics and the manager's overview). */
  async waitingByAgency(): Promise<Map<string, number>> {
    const r = await this.pool.query<{ agency_id: string; n: string }>(
      `select agency_id, count(*) as n from ticket
       where service_day = (now() at time zone $1)::date and status = 'waiting' group by agency_id`,
      [this.timezone],
    );
    return new Map(r.rows.map((row) => [row.agency_id, Number(row.n)]));
  }
}

interface EventRow {
  id: string;
  at: Date;
  agency_id: string;
  service_id: string;
  kind: QueueEvent['kind'];
  ticket_id: string;
  payload: { number: string; counterId: string | null; counterLabel: string | null };
}

function toEvent(row: EventRow): QueueEvent {
  return {
    id: Number(row.id),
    kind: row.kind,
    at: row.at.toISOString(),
    agencyId: row.agency_id,
    serviceId: row.service_id,
    ticketId: row.ticket_id,
    number: row.payload.number,
    counterId: row.payload.counterId,
    counterLabel: row.payload.counterLabel,
  };
}
