import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { Catalogue } from '../lib/catalogue.js';
import { formatTicketNumber } from '../lib/ticket-number.js';
import { estimateWaitMinutes } from '../lib/wait-estimate.js';
import { transaction } from '../server/database/transaction.js';
import { AppError, notFound } from './errors.js';

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

// Priority classes go first; within a class, first come first served.
const ORDER = `(priority <> 'regular') desc, issued_at, seq`;

/** Ticket lifecycle on PostgreSQL; every change writes its outbox event in the same transaction. */
export class QueueService {
  constructor(
    private readonly pool: pg.Pool,
    private readonly catalogue: Catalogue,
    private readonly onChange: (event: QueueEvent, ticket: Ticket) => void = () => {},
  ) {}

  private get timezone(): string {
    return this.catalogue.config.instance.timezone;
  }

  /** Issues a ticket for today; the number is unique per service and day. */
  async issue(input: {
    serviceId: string;
    priority: Priority;
    channel: 'online' | 'kiosk';
    kioskId?: string | undefined;
    phone?: string | undefined;
  }): Promise<Ticket> {
    const service = this.catalogue.service(input.serviceId);
    if (!service) throw notFound('Layanan / service');
    const ticket = await transaction(this.pool, async (client) => {
      const seq = await client.query<{ last_seq: number; day: string }>(
        `insert into ticket_sequence (service_day, service_id, last_seq)
         values ((now() at time zone $1)::date, $2, 1)
         on conflict (service_day, service_id) do update set last_seq = ticket_sequence.last_seq + 1
         returning last_seq, service_day::text as day`,
        [this.timezone, service.id],
      );
      const { last_seq: n, day } = seq.rows[0] as { last_seq: number; day: string };
      const inserted = await client.query<TicketRow>(
        `insert into ticket (code, number, service_day, seq, service_id, agency_id, priority, channel, kiosk_id, phone)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning ${TICKET_COLUMNS}`,
        [
          randomBytes(12).toString('base64url'),
          formatTicketNumber(service.prefix, n),
          day,
          n,
          service.id,
          service.agencyId,
          input.priority,
          input.channel,
          input.kioskId ?? null,
          input.phone ?? null,
        ],
      );
      const t = toTicket(inserted.rows[0] as TicketRow);
      await this.writeEvent(client, 'issued', t);
      return t;
    });
    return ticket;
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

  /** Position and wait range of a ticket, for its public status page. */
  async status(code: string): Promise<TicketStatusView | undefined> {
    const ticket = await this.byCode(code);
    if (!ticket) return undefined;
    let ahead = 0;
    if (ticket.status === 'waiting') {
      const r = await this.pool.query<{ n: string }>(
        `select count(*) as n from ticket t, ticket me
         where me.id = $1 and t.service_day = me.service_day and t.service_id = me.service_id
           and t.status = 'waiting' and t.id <> me.id
           and ((t.priority <> 'regular') > (me.priority <> 'regular')
             or ((t.priority <> 'regular') = (me.priority <> 'regular') and (t.issued_at, t.seq) < (me.issued_at, me.seq)))`,
        [ticket.id],
      );
      ahead = Number(r.rows[0]?.n ?? 0);
    }
    const service = this.catalogue.service(ticket.serviceId);
    let wait = { low: 0, high: 0 };
    if (ticket.status === 'waiting') {
      // today's measured service times of this service, newest last
      const samples = await this.pool.query<{ s: number }>(
        `select s from (select extract(epoch from finished_at - started_at)::float8 as s, finished_at from ticket
           where service_day = (now() at time zone $1)::date and service_id = $2 and status = 'done'
             and started_at is not null and finished_at is not null
           order by finished_at desc limit 20) recent order by finished_at`,
        [this.timezone, ticket.serviceId],
      );
      wait = estimateWaitMinutes({
        ahead: ahead + 1,
        averageServiceMinutes: service?.averageServiceMinutes ?? 10,
        counters: this.catalogue.countersForService(ticket.serviceId),
        recentServiceSeconds: samples.rows.map((r) => r.s),
      });
    }
    const counterLabel = ticket.counterId
      ? (this.catalogue.counter(ticket.counterId)?.label ?? null)
      : null;
    return { ticket, ahead, wait, counterLabel };
  }

  /** Waiting tickets a counter may call, in calling order. */
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

  /**
   * Calls the next ticket for a counter. The counter's current ticket, if any, is finished
   * first. `for update skip locked` lets two counters call at once without both taking the head.
   */
  async callNext(counterId: string): Promise<Ticket | undefined> {
    const services = this.catalogue.counterServices(counterId);
    return transaction(this.pool, async (client) => {
      const open = await client.query<TicketRow>(
        `update ticket set status = 'done', finished_at = now()
         where counter_id = $1 and status in ('called', 'serving') returning ${TICKET_COLUMNS}`,
        [counterId],
      );
      for (const row of open.rows) await this.writeEvent(client, 'finished', toTicket(row));
      const next = await client.query<TicketRow>(
        `update ticket set status = 'called', counter_id = $1, called_at = now()
         where id = (select id from ticket
           where service_day = (now() at time zone $2)::date and service_id = any($3) and status = 'waiting'
           order by ${ORDER} limit 1 for update skip locked)
         returning ${TICKET_COLUMNS}`,
        [counterId, this.timezone, services],
      );
      if (!next.rows[0]) return undefined;
      const ticket = toTicket(next.rows[0]);
      await this.writeEvent(client, 'called', ticket);
      return ticket;
    });
  }

  /** Moves a ticket from one state to another; refuses if it is not in an allowed state. */
  async transition(
    ticketId: string,
    action: 'recall' | 'start' | 'finish' | 'no_show' | 'park' | 'resume',
    counterId: string,
  ): Promise<Ticket> {
    const rules: Record<
      typeof action,
      { from: TicketStatus[]; set: string; kind: QueueEvent['kind'] }
    > = {
      recall: {
        from: ['called'],
        set: `recall_count = recall_count + 1, called_at = now()`,
        kind: 'recalled',
      },
      start: { from: ['called'], set: `status = 'serving', started_at = now()`, kind: 'started' },
      finish: {
        from: ['called', 'serving'],
        set: `status = 'done', finished_at = now()`,
        kind: 'finished',
      },
      no_show: {
        from: ['called'],
        set: `status = 'no_show', finished_at = now()`,
        kind: 'no_show',
      },
      park: {
        from: ['called', 'serving'],
        set: `status = 'parked', counter_id = null`,
        kind: 'parked',
      },
      resume: {
        from: ['parked'],
        set: `status = 'called', counter_id = $3, called_at = now()`,
        kind: 'resumed',
      },
    };
    const rule = rules[action];
    return transaction(this.pool, async (client) => {
      const params: unknown[] = [ticketId, rule.from];
      if (action === 'resume') params.push(counterId);
      const r = await client.query<TicketRow>(
        `update ticket set ${rule.set} where id = $1 and status = any($2) returning ${TICKET_COLUMNS}`,
        params,
      );
      if (!r.rows[0]) {
        throw new AppError(
          409,
          'invalid_state',
          'Tiket tidak dalam status yang memungkinkan tindakan ini',
          'The ticket is not in a state that allows this action',
        );
      }
      const ticket = toTicket(r.rows[0]);
      await this.writeEvent(client, rule.kind, ticket, action === 'park' ? counterId : undefined);
      return ticket;
    });
  }

  /**
   * Sends a ticket to another service (possibly of another agency). It keeps its number and
   * its arrival time, so the citizen does not lose their place by being sent on.
   */
  async transfer(ticketId: string, toServiceId: string): Promise<Ticket> {
    const target = this.catalogue.service(toServiceId);
    if (!target) throw notFound('Layanan tujuan / target service');
    return transaction(this.pool, async (client) => {
      const r = await client.query<TicketRow>(
        `update ticket set status = 'waiting', service_id = $2, agency_id = $3, counter_id = null, called_at = null
         where id = $1 and status in ('called', 'serving', 'parked') returning ${TICKET_COLUMNS}`,
        [ticketId, target.id, target.agencyId],
      );
      if (!r.rows[0]) {
        throw new AppError(
          409,
          'invalid_state',
          'Tiket tidak dalam status yang memungkinkan tindakan ini',
          'The ticket is not in a state that allows this action',
        );
      }
      const ticket = toTicket(r.rows[0]);
      await this.writeEvent(client, 'transferred', ticket);
      return ticket;
    });
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

  private async writeEvent(
    client: pg.PoolClient,
    kind: QueueEvent['kind'],
    ticket: Ticket,
    counterOverride?: string,
  ): Promise<void> {
    const counterId = counterOverride ?? ticket.counterId;
    const counterLabel = counterId ? (this.catalogue.counter(counterId)?.label ?? null) : null;
    const r = await client.query<EventRow>(
      `insert into queue_event (agency_id, service_id, kind, ticket_id, payload)
       values ($1, $2, $3, $4, $5) returning *`,
      [
        ticket.agencyId,
        ticket.serviceId,
        kind,
        ticket.id,
        { number: ticket.number, counterId, counterLabel },
      ],
    );
    await client.query(`select pg_notify('mpp_queue_event', $1)`, [String(r.rows[0]?.id)]);
    const event = toEvent(r.rows[0] as EventRow);
    // Local listeners (metrics) only; SSE delivery waits for the commit via NOTIFY.
    this.onChange(event, ticket);
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
