import { randomBytes } from 'node:crypto';
import {
  type CommandResult,
  createPostgresStore,
  createQueue,
  type QueueEvent as EngineEvent,
  type TicketStatus as EngineStatus,
  type Ticket as EngineTicket,
  isQueueError,
  type Queue,
  type QueueStore,
  serviceDayOf,
} from '@mpp-kit/queue';
import { KELOMPOK_RENTAN } from '@mpp-kit/service-standard';
import pg from 'pg';
import { AppError, notFound } from '../../shared/errors.js';
import type { Catalogue, PriorityGroup } from '../catalogue/catalogue.js';
import { issuingClosed } from './issuing-hours.js';
import { PRIORITY_CLASS, SITE_ID, siteConfigOf } from './queue-site.js';

/** What a citizen declares on the ticket form: the normal queue or a vulnerable group. */
export const PRIORITIES = ['regular', ...KELOMPOK_RENTAN] as const;
export type Priority = 'regular' | PriorityGroup;
/** A ticket's status: the queue engine's vocabulary, the only one. */
export type TicketStatus = EngineStatus;

/** A ticket as staff see it (no phone number: staff screens do not need it). */
export interface Ticket {
  /** The visit's id: the engine's id of its first ticket (a transfer keeps it). */
  id: string;
  code: string;
  number: string;
  serviceId: string;
  agencyId: string;
  priority: Priority;
  channel: 'online' | 'kiosk' | 'reception';
  status: TicketStatus;
  counterId: string | null;
  recallCount: number;
  issuedAt: string;
  calledAt: string | null;
}

/** One outbox event as screens receive it: the SSE payload for boards, consoles and ticket pages. */
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

// A visit from the engine's read model with what the app keeps beside it. A ticket issued by
// the engine whose detail row is missing (a crash between the two writes) still shows to staff.
const VISIT = `select v.id, v.ticket_id, coalesce(d.code, '') as code, v.label, v.service_id, v.agency_id,
    coalesce(d.priority, 'regular') as priority, v.channel, v.status, v.counter_id, v.recall_count,
    v.issued_at, v.called_at
  from mpp_queue_visits v left join ticket_detail d on d.id = v.id`;

interface VisitRow {
  id: string;
  ticket_id: string;
  code: string;
  label: string;
  service_id: string;
  agency_id: string;
  priority: Priority;
  channel: Ticket['channel'];
  status: TicketStatus;
  counter_id: string | null;
  recall_count: number;
  issued_at: Date;
  called_at: Date | null;
}

function toTicket(row: VisitRow): Ticket {
  return {
    id: row.id,
    code: row.code,
    number: row.label,
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

/** A ticket from the engine's answer to a command and the app's detail, without a read. */
function fromEngine(
  t: EngineTicket,
  detail: { code: string; priority: Priority },
  issuedAt: number,
): Ticket {
  return {
    id: t.rootId,
    code: detail.code,
    number: t.label,
    serviceId: t.serviceId,
    agencyId: t.agencyId,
    priority: detail.priority,
    channel: t.channel,
    status: t.status,
    counterId: t.counterId,
    recallCount: Math.max(t.callCount - 1, 0),
    issuedAt: new Date(issuedAt).toISOString(),
    calledAt: t.lastCalledAt === null ? null : new Date(t.lastCalledAt).toISOString(),
  };
}

// Priority classes go first; within a class, first come first served (display order only: the
// engine decides who is called).
const ORDER = `(v.priority_class is not null) desc, v.issued_at, v.sequence`;

/** The engine's event types screens show, and the SSE kind each becomes. */
const KINDS: Readonly<Record<string, QueueEvent['kind']>> = {
  'ticket.issued': 'issued',
  'ticket.called': 'called',
  'ticket.recalled': 'recalled',
  'ticket.serving': 'started',
  'ticket.served': 'finished',
  'ticket.no-show': 'no_show',
  'ticket.parked': 'parked',
};
const SHOWN_TYPES = Object.keys(KINDS);

/**
 * The SSE kind of an engine event, or `null` when screens need no event for it: a transfer
 * shows as the child's arrival in its new queue; a resume is followed by the call that makes it
 * visible; a reactivation or cancellation only changes lists the next read shows.
 */
function kindOf(type: string, parentId: string | null): QueueEvent['kind'] | null {
  const kind = KINDS[type] ?? null;
  return kind === 'issued' && parentId !== null ? 'transferred' : kind;
}

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
 * The app's queue: an adapter over `@mpp-kit/queue`'s engine and PostgreSQL store. The engine
 * owns ticket state (numbering, call-next claiming, transitions, outbox); the app keeps a
 * visit's public code, declared group, kiosk and reminder phone in `ticket_detail` and reads
 * state through the engine's views (`mpp_queue_visits`, `mpp_queue_ticket_events`). Events reach
 * `onChange` from the engine's subscription: this process's commits at once, other replicas'
 * through the store's notifications.
 */
export class QueueService {
  private engineState: { engine: Queue; pool: pg.Pool; store: QueueStore } | undefined;
  private starting: Promise<void> | undefined;
  private readonly sessions = new Map<string, Promise<string>>();
  private capCache: { at: number; full: Promise<Set<string>> } | undefined;
  private stopSubscription: (() => void) | undefined;
  private idOffset = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly catalogue: Catalogue,
    private readonly onChange: (event: QueueEvent, ticket: EngineTicket) => void = () => {},
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

  /** Saves the site's configuration in the engine and follows the engine's outbox. */
  async start(): Promise<void> {
    this.starting ??= (async () => {
      // The engine gets its own connections, so its commands never wait for the app's reads.
      const pool = new pg.Pool({ ...this.pool.options, allowExitOnIdle: true });
      pool.on('error', () => {});
      const store = createPostgresStore({ pool });
      const engine = createQueue({ store });
      await engine.configureSite(siteConfigOf(this.catalogue));
      const r = await this.pool.query<{ id_offset: string | null; event_seq: string }>(
        `select (select id_offset from queue_event_id_offset where site_id = $1) as id_offset,
                event_seq from mpp_queue_sites where id = $1`,
        [SITE_ID],
      );
      this.idOffset = Number(r.rows[0]?.id_offset ?? 0);
      this.engineState = { engine, pool, store };
      this.stopSubscription = engine.subscribe(SITE_ID, (event) => this.forward(event), {
        afterSeq: Number(r.rows[0]?.event_seq ?? 0),
      });
    })();
    await this.starting;
  }

  /** An engine event as the screens' event, handed to `onChange`. */
  private forward(event: EngineEvent): void {
    if (!('ticket' in event)) return;
    const t = event.ticket;
    const kind = kindOf(event.type, t.parentId);
    if (!kind) return;
    this.onChange(
      {
        id: this.idOffset + event.seq,
        kind,
        at: new Date(event.at).toISOString(),
        agencyId: t.agencyId,
        serviceId: t.serviceId,
        ticketId: t.rootId,
        number: t.label,
        counterId: t.counterId,
        counterLabel: this.counterLabel(t.counterId),
      },
      t,
    );
  }

  private counterLabel(counterId: string | null): string | null {
    return counterId ? (this.catalogue.counter(counterId)?.label ?? null) : null;
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

  private async state(): Promise<{ engine: Queue }> {
    if (!this.engineState) await this.start();
    return this.engineState as { engine: Queue };
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

  /** The engine's current ticket of a visit. */
  private async engineTicket(visitId: string): Promise<EngineTicket> {
    if (!/^[0-9a-f-]{36}$/i.test(visitId)) throw INVALID_STATE();
    const r = await this.pool.query<{ ticket_id: string }>(
      'select ticket_id from mpp_queue_visits where id = $1',
      [visitId],
    );
    const id = r.rows[0]?.ticket_id;
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
    this.capCache = undefined;
    const issued = r.ticket;
    if (!issued) throw new Error('the engine issued no ticket');
    // The engine committed the ticket; what only the app knows follows in one statement.
    const detail = { code: randomBytes(12).toString('base64url'), priority: input.priority };
    await this.pool.query(
      'insert into ticket_detail (id, code, priority, kiosk_id, phone) values ($1, $2, $3, $4, $5)',
      [issued.rootId, detail.code, detail.priority, input.kioskId ?? null, input.phone ?? null],
    );
    return fromEngine(issued, detail, issued.issuedAt);
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
    return (await this.visitByCode(code))?.ticket;
  }

  private async visitByCode(
    code: string,
  ): Promise<{ ticket: Ticket; engineId: string } | undefined> {
    if (!/^[\w-]{1,64}$/.test(code)) return undefined;
    const r = await this.pool.query<VisitRow>(
      `select v.id, v.ticket_id, d.code, v.label, v.service_id, v.agency_id, d.priority, v.channel,
         v.status, v.counter_id, v.recall_count, v.issued_at, v.called_at
       from ticket_detail d join mpp_queue_visits v on v.id = d.id where d.code = $1`,
      [code],
    );
    const row = r.rows[0];
    return row ? { ticket: toTicket(row), engineId: row.ticket_id } : undefined;
  }

  async byId(id: string): Promise<Ticket | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const r = await this.pool.query<VisitRow>(`${VISIT} where v.id = $1`, [id]);
    return r.rows[0] ? toTicket(r.rows[0]) : undefined;
  }

  /**
   * Position and wait range of a ticket, for its public status page. Both come from the engine
   * (`Queue.estimateWait`: its own call order, open counters and today's measured service
   * times), so the page never disagrees with who is called next.
   */
  async status(code: string): Promise<TicketStatusView | undefined> {
    const visit = await this.visitByCode(code);
    if (!visit) return undefined;
    const { ticket } = visit;
    let ahead = 0;
    let wait = { low: 0, high: 0 };
    if (ticket.status === 'waiting') {
      const { engine } = await this.state();
      try {
        const estimate = await engine.estimateWait(SITE_ID, visit.engineId);
        ahead = estimate.position;
        wait = {
          low: Math.floor(estimate.minSeconds / 60),
          high: Math.ceil(estimate.maxSeconds / 60),
        };
      } catch (error) {
        // called between the two reads: the page shows the status read without an estimate
        if (!isQueueError(error)) throw error;
      }
    }
    return { ticket, ahead, wait, counterLabel: this.counterLabel(ticket.counterId) };
  }

  /** Waiting tickets a counter may call, in display order. */
  async waitingForCounter(counterId: string, limit = 50): Promise<Ticket[]> {
    const services = this.catalogue.counterServices(counterId);
    const r = await this.pool.query<VisitRow>(
      `${VISIT}
       where v.site_id = $1 and v.service_day = (now() at time zone $2)::date
         and v.service_id = any($3) and v.status = 'waiting'
       order by ${ORDER} limit $4`,
      [SITE_ID, this.timezone, services, limit],
    );
    return r.rows.map(toTicket);
  }

  /** Tickets of an agency that are parked today, for the console's "resume" list. */
  async parked(agencyId: string): Promise<Ticket[]> {
    const r = await this.pool.query<VisitRow>(
      `${VISIT}
       where v.site_id = $1 and v.service_day = (now() at time zone $2)::date
         and v.agency_id = $3 and v.status = 'parked'
       order by v.issued_at limit 50`,
      [SITE_ID, this.timezone, agencyId],
    );
    return r.rows.map(toTicket);
  }

  /** The ticket a counter is calling or serving now, if any. */
  async current(counterId: string): Promise<Ticket | undefined> {
    return (await this.heldAt([counterId])).get(counterId);
  }

  /** The ticket each of some counters is calling or serving now (one query, for a board). */
  async heldAt(counterIds: string[]): Promise<Map<string, Ticket>> {
    // the engine holds at most one ticket per counter (a unique index)
    const r = await this.pool.query<VisitRow>(
      `${VISIT} where v.site_id = $1 and v.counter_id = any($2) and v.status in ('called', 'serving')`,
      [SITE_ID, counterIds],
    );
    return new Map(r.rows.map((row) => [row.counter_id ?? '', toTicket(row)]));
  }

  /** Finishes what a counter holds (a called ticket is started first: the engine serves before it finishes). */
  private async finishAt(
    engine: Queue,
    sessionId: string,
    ticket: Pick<EngineTicket, 'id' | 'status'>,
  ): Promise<void> {
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
    // what the counter holds, in one read of the engine's table (the hot path of every call)
    const holding = await this.pool.query<{ id: string; status: EngineStatus }>(
      `select id, status from mpp_queue_tickets
       where site_id = $1 and counter_id = $2 and status in ('called', 'serving')`,
      [SITE_ID, counterId],
    );
    const held = holding.rows[0];
    if (held) await this.finishAt(engine, sessionId, held);
    const called = (await engineCall(() => engine.callNext({ siteId: SITE_ID, sessionId }))).ticket;
    if (!called) return undefined;
    const detail = await this.pool.query<{ code: string; priority: Priority }>(
      'select code, priority from ticket_detail where id = $1',
      [called.rootId],
    );
    // a transferred ticket's visit began with its first ticket
    const issuedAt =
      called.parentId === null
        ? called.issuedAt
        : (await engine.getTicket(SITE_ID, called.rootId)).issuedAt;
    return fromEngine(called, detail.rows[0] ?? { code: '', priority: 'regular' }, issuedAt);
  }

  /** Moves a ticket from one state to another; refuses if it is not in an allowed state. */
  async transition(
    ticketId: string,
    action: 'recall' | 'start' | 'finish' | 'no_show' | 'park' | 'resume',
    counterId: string,
  ): Promise<Ticket> {
    const { engine } = await this.state();
    const t = await this.engineTicket(ticketId);
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
    if (t.status === 'parked') {
      await engineCall(() => engine.resume({ siteId: SITE_ID, ticketId: t.id, ...key('resume') }));
      await engineCall(() => engine.callTicket({ ...command, ...key('call') }));
    }
    if (t.status !== 'serving') {
      await engineCall(() => engine.startServing({ ...command, ...key('start') }));
    }
    await engineCall(() =>
      engine.transfer({ ...command, toServiceId: target.id, ...key('transfer') }),
    );
    const ticket = await this.byId(ticketId);
    if (!ticket) throw notFound('Tiket / ticket');
    return ticket;
  }

  /** Latest calls shown by a board for its agencies. */
  async recentCalls(agencyIds: string[], limit = 8): Promise<QueueEvent[]> {
    const r = await this.pool.query<EventRow>(
      `${EVENT} where site_id = $1 and agency_id = any($2)
         and type in ('ticket.called', 'ticket.recalled')
       order by seq desc limit $3`,
      [SITE_ID, agencyIds, limit],
    );
    return r.rows.map((row) => this.toEvent(row));
  }

  /** Events after `afterId` for some agencies (SSE replay), in order. */
  async eventsSince(
    afterId: number,
    agencyIds: string[] | null,
    limit = 1000,
  ): Promise<QueueEvent[]> {
    if (!this.engineState) await this.start();
    const r = await this.pool.query<EventRow>(
      `${EVENT} where site_id = $1 and seq > $2 and type = any($3)
         and ($4::text[] is null or agency_id = any($4))
       order by seq limit $5`,
      [SITE_ID, Math.max(afterId - this.idOffset, 0), SHOWN_TYPES, agencyIds, limit],
    );
    return r.rows.map((row) => this.toEvent(row));
  }

  async lastEventId(): Promise<number> {
    if (!this.engineState) await this.start();
    const r = await this.pool.query<{ seq: string | null }>(
      'select event_seq as seq from mpp_queue_sites where id = $1',
      [SITE_ID],
    );
    return this.idOffset + Number(r.rows[0]?.seq ?? 0);
  }

  private toEvent(row: EventRow): QueueEvent {
    return {
      id: this.idOffset + Number(row.seq),
      kind: kindOf(row.type, row.parent_id) ?? 'issued',
      at: row.at.toISOString(),
      agencyId: row.agency_id,
      serviceId: row.service_id,
      ticketId: row.visit_id,
      number: row.label,
      counterId: row.counter_id,
      counterLabel: this.counterLabel(row.counter_id),
    };
  }

  /**
   * Deletes reminder phone numbers of past service days (UU PDP: kept no longer than needed).
   * Returns how many were removed.
   */
  async purgePhoneNumbers(): Promise<number> {
    const r = await this.pool.query(
      `update ticket_detail d set phone = null
       from mpp_queue_visits v
       where v.id = d.id and d.phone is not null and v.service_day < (now() at time zone $1)::date`,
      [this.timezone],
    );
    return r.rowCount ?? 0;
  }

  /** Waiting-ticket count per agency (metrics and the manager's overview). */
  async waitingByAgency(): Promise<Map<string, number>> {
    const r = await this.pool.query<{ agency_id: string; n: string }>(
      `select agency_id, count(*) as n from mpp_queue_tickets
       where site_id = $1 and service_day = (now() at time zone $2)::date and status = 'waiting'
       group by agency_id`,
      [SITE_ID, this.timezone],
    );
    return new Map(r.rows.map((row) => [row.agency_id, Number(row.n)]));
  }
}

const EVENT = `select seq, type, at, visit_id, parent_id, agency_id, service_id, label, counter_id
  from mpp_queue_ticket_events`;

interface EventRow {
  seq: string;
  type: string;
  at: Date;
  visit_id: string;
  parent_id: string | null;
  agency_id: string;
  service_id: string;
  label: string;
  counter_id: string | null;
}
