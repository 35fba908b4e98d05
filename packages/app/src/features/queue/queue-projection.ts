import { randomBytes } from 'node:crypto';
import type {
  QueueEvent as EngineEvent,
  TicketStatus as EngineStatus,
  Queue,
  TicketEvent,
} from '@mpp-kit/queue';
import type pg from 'pg';
import { transaction } from '../../shared/database/transaction.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import type { QueueEvent, Ticket, TicketStatus } from './queue-service.js';
import { PRIORITY_CLASS, SITE_ID } from './queue-site.js';

// `cancelled` only exists in the table (tickets open at the switch to the engine; the app never
// cancels), so it is not one of the statuses pages show.
const STATUS: Record<EngineStatus, TicketStatus | 'cancelled'> = {
  waiting: 'waiting',
  called: 'called',
  serving: 'serving',
  served: 'done',
  'no-show': 'no_show',
  cancelled: 'cancelled',
  transferred: 'transferred',
  parked: 'parked',
};

/**
 * The SSE kind of an engine event, or `null` when screens need no event for it: a transfer
 * shows as the child's arrival in its new queue; a resume is followed by the call that makes it
 * visible; a reactivation or cancellation only changes lists the next read shows.
 */
function kindOf(event: TicketEvent): QueueEvent['kind'] | null {
  switch (event.type) {
    case 'ticket.issued':
      return event.ticket.parentId === null ? 'issued' : 'transferred';
    case 'ticket.called':
      return 'called';
    case 'ticket.recalled':
      return 'recalled';
    case 'ticket.serving':
      return 'started';
    case 'ticket.served':
      return 'finished';
    case 'ticket.no-show':
      return 'no_show';
    case 'ticket.parked':
      return 'parked';
    default:
      return null;
  }
}

interface RowState {
  id: string;
  queue_ticket_id: string | null;
  counter_id: string | null;
}

/**
 * Keeps `ticket` and `queue_event` (what pages, analytics and the SSE hub read) in step with the
 * engine's outbox. Each run locks the projection's cursor, applies every engine event after it in
 * sequence order and moves the cursor in the same transaction, so events are applied once and in
 * order whoever runs it (the command that just committed, the subscription, a restart).
 */
export class QueueProjection {
  constructor(
    private readonly pool: pg.Pool,
    private readonly engine: Queue,
    private readonly catalogue: Catalogue,
    private readonly onEvent: (event: QueueEvent, ticket: Ticket) => void,
    private readonly toTicket: (client: pg.PoolClient, id: string) => Promise<Ticket | undefined>,
  ) {}

  /** Applies every engine event not yet projected; returns how many were read. */
  async catchUp(): Promise<number> {
    let total = 0;
    for (;;) {
      const read = await transaction(this.pool, async (client) => {
        const cursor = await client.query<{ last_seq: string; id_offset: string }>(
          'select last_seq, id_offset from queue_projection where site_id = $1 for update',
          [SITE_ID],
        );
        const row = cursor.rows[0];
        if (!row) throw new Error('queue_projection row missing (migration 0005 not applied)');
        const offset = Number(row.id_offset);
        const events = await this.engine.events(SITE_ID, Number(row.last_seq), 500);
        const notify: [QueueEvent, Ticket][] = [];
        for (const event of events) {
          const out = await this.apply(client, event, offset);
          if (out) notify.push(out);
        }
        const last = events.at(-1);
        if (last) {
          await client.query('update queue_projection set last_seq = $2 where site_id = $1', [
            SITE_ID,
            last.seq,
          ]);
        }
        if (notify.length > 0) await client.query(`select pg_notify('mpp_queue_event', '')`);
        return { count: events.length, notify };
      });
      for (const [event, ticket] of read.notify) this.onEvent(event, ticket);
      total += read.count;
      if (read.count < 500) return total;
    }
  }

  private async apply(
    client: pg.PoolClient,
    event: EngineEvent,
    offset: number,
  ): Promise<[QueueEvent, Ticket] | undefined> {
    if (!('ticket' in event)) return undefined;
    const t = event.ticket;
    const found = await client.query<RowState>(
      'select id, queue_ticket_id, counter_id from ticket where id = $1 for update',
      [t.rootId],
    );
    let row = found.rows[0];
    if (!row) {
      if (t.id !== t.rootId) return undefined;
      // Priority group, kiosk and phone are filled in by the issuing command right after.
      await client.query(
        `insert into ticket (id, code, number, service_day, seq, service_id, agency_id, priority, channel,
           status, issued_at, queue_ticket_id, last_seq)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'waiting', $10, $1, $11)`,
        [
          t.id,
          randomBytes(12).toString('base64url'),
          t.label,
          t.serviceDay,
          t.sequence,
          t.serviceId,
          t.agencyId,
          t.priorityClass === PRIORITY_CLASS
            ? (this.catalogue.config.priorityClasses[0] ?? 'elderly')
            : 'regular',
          t.channel === 'kiosk' ? 'kiosk' : 'online',
          new Date(t.issuedAt),
          event.seq,
        ],
      );
      row = { id: t.id, queue_ticket_id: t.id, counter_id: null };
    } else if (row.queue_ticket_id !== t.id && row.queue_ticket_id !== t.parentId) {
      // an event of an earlier ticket of the lineage (e.g. the parent of a transfer)
      return undefined;
    }
    const status = STATUS[t.status];
    await client.query(
      `update ticket set queue_ticket_id = $2, status = $3, service_id = $4, agency_id = $5,
         counter_id = $6, recall_count = $7, called_at = $8, started_at = $9, finished_at = $10,
         last_seq = $11
       where id = $1`,
      [
        row.id,
        t.id,
        status,
        t.serviceId,
        t.agencyId,
        status === 'parked' ? null : t.counterId,
        Math.max(t.callCount - 1, 0),
        t.lastCalledAt === null ? null : new Date(t.lastCalledAt),
        t.servingAt === null ? null : new Date(t.servingAt),
        t.finishedAt === null ? null : new Date(t.finishedAt),
        event.seq,
      ],
    );
    const kind = kindOf(event);
    if (!kind) return undefined;
    const counterId = t.counterId ?? (kind === 'parked' ? row.counter_id : null);
    const counterLabel = counterId ? (this.catalogue.counter(counterId)?.label ?? null) : null;
    const id = offset + event.seq;
    const at = new Date(event.at);
    await client.query(
      `insert into queue_event (id, at, agency_id, service_id, kind, ticket_id, payload)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict (id) do nothing`,
      [id, at, t.agencyId, t.serviceId, kind, row.id, { number: t.label, counterId, counterLabel }],
    );
    const ticket = await this.toTicket(client, row.id);
    if (!ticket) return undefined;
    return [
      {
        id,
        kind,
        at: at.toISOString(),
        agencyId: t.agencyId,
        serviceId: t.serviceId,
        ticketId: row.id,
        number: t.label,
        counterId,
        counterLabel,
      },
      ticket,
    ];
  }
}
