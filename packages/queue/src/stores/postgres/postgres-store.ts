/**
 * PostgreSQL store (node-postgres). Every command is one transaction in READ
 * COMMITTED. Lock order is always counter → ticket → site row, and the site row
 * (which carries the outbox sequence) is written last, in the single statement that
 * flushes all writes, so the per-site sequence is gap-free in commit order and the
 * lock on it is held only for that statement and the commit.
 */
import type { CommandResult } from '../../core/commands.js';
import { errors, isQueueError } from '../../core/errors.js';
import type { QueueEvent } from '../../core/events.js';
import type { Site, Ticket } from '../../core/model.js';
import { rankCandidates } from '../../core/ordering.js';
import type {
  CallNextRequest,
  IdempotencyClaim,
  QueueStore,
  QueueTransaction,
  TicketFilter,
} from '../../store.js';
import { resultOf } from '../memory-store.js';
import { createWriteBuffer } from '../write-buffer.js';
import { createBatcher } from './batcher.js';
import type { PgClientLike, PgPoolLike, PgResult } from './pg-types.js';
import {
  counterFromRow,
  counterToRow,
  isUuid,
  SESSION_COLUMNS,
  sessionFromRow,
  sessionToRow,
  TICKET_COLUMNS,
  ticketFromRow,
  ticketToRow,
} from './rows.js';
import { inline } from './sql-literal.js';

/** Options of {@link createPostgresStore}. */
export interface PostgresStoreOptions {
  /** A `pg.Pool` (owned by the caller: `close()` does not end it). */
  readonly pool: PgPoolLike;
  /** How long a site's configuration is cached, ms. Default 1000. */
  readonly siteCacheMs?: number;
  /** Attempts for a transaction hitting a transient conflict. Default 20. */
  readonly maxAttempts?: number;
  /** Tickets read per (service, class, band) group by a claim at first (more when they are taken). Default 2, as in `mpp_queue_call_next`. */
  readonly headsPerGroup?: number;
  /**
   * Most call-nexts of one site sent together in one statement and transaction when
   * they arrive while another is in flight (1 turns batching off). Default 32.
   */
  readonly callNextBatch?: number;
  /** Fallback poll interval for `watch` besides LISTEN/NOTIFY, ms. Default 2000. */
  readonly pollMs?: number;
  /** Minimum interval between this store's cross-process NOTIFYs (all sites in one), ms. Default 20. */
  readonly notifyDebounceMs?: number;
}

const CHANNEL = 'mpp_queue_events';
/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
const MAX_PAYLOAD_BYTES = 7900;

/** Site ids, one per line, in as few NOTIFY payloads as the size limit allows. */
export function notifyPayloads(siteIds: readonly string[]): string[] {
  const payloads: string[] = [];
  let current = '';
  for (const id of siteIds) {
    const next = current === '' ? id : `${current}\n${id}`;
    if (current !== '' && Buffer.byteLength(next) > MAX_PAYLOAD_BYTES) {
      payloads.push(current);
      current = id;
    } else current = next;
  }
  if (current !== '') payloads.push(current);
  return payloads;
}

/** One session's result from `mpp_queue_call_next` (migrations/0003). */
interface CallOutcome {
  readonly replay?: boolean;
  readonly fingerprint?: string;
  readonly firstSeq?: number;
  readonly count?: number;
  readonly refused?: string;
  readonly counterId?: string;
  readonly ticketId?: string;
  readonly seq?: number;
  readonly event?: Omit<QueueEvent, 'seq'>;
}

/** SQLSTATEs retried inside the store: serialization failure, deadlock, lock not available. */
const TRANSIENT = new Set(['40001', '40P01', '55P03']);

function isTransient(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string };
  if (e.code !== undefined && TRANSIENT.has(e.code)) return true;
  // Two concurrent commands with the same idempotency key: the loser retries and replays.
  return e.code === '23505' && e.constraint === 'mpp_queue_idempotency_pkey';
}

// The command's final write (migrations/0003): the site row (outbox sequence) is its last step.
const FLUSH = 'SELECT mpp_queue_flush($1, $2, $3, $4, $5, $6, $7)::text AS base';

const HEADS = `
SELECT ${TICKET_COLUMNS}
FROM unnest($2::text[]) AS s(sid)
CROSS JOIN generate_series(0, $3::int) AS r(rnk)
CROSS JOIN unnest(ARRAY['appointment', 'walk-in']) AS b(bnd)
CROSS JOIN LATERAL (
  SELECT * FROM mpp_queue_tickets t
  WHERE t.site_id = $1 AND t.service_id = s.sid AND t.class_rank = r.rnk AND t.band = b.bnd
    AND t.status = 'waiting' AND t.callable_at <= $4
  ORDER BY t.order_at, t.issue_order
  LIMIT $5
) h`;

// Functions (migrations/0003) so the plans are made once per connection.
const TICKET_FOR_UPDATE = `SELECT ${TICKET_COLUMNS} FROM mpp_queue_lock_ticket($2, $1)`;
const SESSION_FOR_UPDATE = 'SELECT * FROM mpp_queue_lock_session($2, $1)';

const CLAIM = `
SELECT ${TICKET_COLUMNS} FROM mpp_queue_tickets
WHERE id = ANY($1::uuid[]) AND status = 'waiting'
ORDER BY array_position($1::uuid[], id)
LIMIT 1
FOR UPDATE SKIP LOCKED`;

/** Creates a store on a node-postgres pool. Run {@link migrate} (or the shipped SQL) first. */
export function createPostgresStore(options: PostgresStoreOptions): QueueStore {
  const { pool } = options;
  const siteCacheMs = options.siteCacheMs ?? 1000;
  const maxAttempts = options.maxAttempts ?? 20;
  const headsPerGroup = options.headsPerGroup ?? 2;
  const pollMs = options.pollMs ?? 2000;
  const callNextBatch = Math.max(1, options.callNextBatch ?? 32);
  const notifyDebounceMs = options.notifyDebounceMs ?? 20;
  const cache = new Map<string, { site: Site; at: number }>();
  const watchers = new Map<string, Set<() => void>>();
  let listener: PgClientLike | undefined;
  let listening: Promise<void> | undefined;
  let poller: ReturnType<typeof setInterval> | undefined;

  const loadSite = async (siteId: string): Promise<Site | undefined> => {
    const hit = cache.get(siteId);
    if (hit && Date.now() - hit.at < siteCacheMs) return hit.site;
    const { rows } = await pool.query('SELECT config FROM mpp_queue_sites WHERE id = $1', [siteId]);
    const site = rows[0]?.config as Site | undefined;
    if (site) cache.set(siteId, { site, at: Date.now() });
    return site;
  };

  const readEvents = async (
    client: PgClientLike | PgPoolLike,
    siteId: string,
    afterSeq: number,
    limit: number,
  ): Promise<QueueEvent[]> => {
    const { rows } = await client.query(
      'SELECT seq::text AS seq, body FROM mpp_queue_events WHERE site_id = $1 AND seq > $2 ORDER BY mpp_queue_events.seq LIMIT $3',
      [siteId, afterSeq, limit],
    );
    return rows.map(
      (r: { seq: string; body: object }) => ({ ...r.body, seq: Number(r.seq) }) as QueueEvent,
    );
  };

  const attempt = async (
    client: PgClientLike,
    site: Site,
    claim: IdempotencyClaim | null,
    work: (tx: QueueTransaction) => Promise<void>,
  ): Promise<CommandResult> => {
    let begun = false;
    // The first statement carries BEGIN with it: one round trip fewer per command.
    const q = async (text: string, values: unknown[]): Promise<PgResult> => {
      if (begun) return client.query(text, values);
      begun = true;
      const results = (await client.query(
        `BEGIN; ${inline(text, values)}`,
      )) as unknown as PgResult[];
      return results[results.length - 1] as PgResult;
    };
    if (claim) {
      const seen = await q(
        'SELECT fingerprint, first_seq::text AS first_seq, event_count FROM mpp_queue_idempotency WHERE site_id = $1 AND key = $2',
        [site.id, claim.key],
      );
      const row = seen.rows[0];
      if (row) {
        await client.query('ROLLBACK');
        if (row.fingerprint !== claim.fingerprint) throw errors.idempotencyKeyReused(claim.key);
        return resultOf(
          await readEvents(client, site.id, Number(row.first_seq) - 1, Number(row.event_count)),
        );
      }
    }
    const buffer = createWriteBuffer();
    const { tickets, counters, sessions, events: pending } = buffer;
    const prefetched = new Map<string, Ticket | undefined>();
    const tx: QueueTransaction = {
      site,
      async lockCounter(counterId) {
        const found = counters.get(counterId);
        if (found) return found;
        const { rows } = await q(
          'SELECT active_ticket_id::text AS active_ticket_id, priority_streak FROM mpp_queue_counters WHERE site_id = $1 AND counter_id = $2 FOR UPDATE',
          [site.id, counterId],
        );
        if (!rows[0]) throw errors.unknownCounter(counterId);
        return counterFromRow(counterId, rows[0]);
      },
      async lockSession(sessionId, thenTicketId) {
        const own = sessions.get(sessionId);
        if (!isUuid(sessionId)) return undefined;
        const sessionQuery = SESSION_FOR_UPDATE;
        let row: unknown;
        if (thenTicketId !== undefined && isUuid(thenTicketId) && !tickets.has(thenTicketId)) {
          // Counter, then ticket: the usual lock order, in one round trip.
          const batch = `${begun ? '' : 'BEGIN; '}${inline(sessionQuery, [sessionId, site.id])}; ${inline(
            TICKET_FOR_UPDATE,
            [thenTicketId, site.id],
          )}`;
          begun = true;
          const results = (await client.query(batch)) as unknown as PgResult[];
          const ticketRows = results[results.length - 1]?.rows ?? [];
          prefetched.set(thenTicketId, ticketRows[0] ? ticketFromRow(ticketRows[0]) : undefined);
          row = results[results.length - 2]?.rows[0];
        } else {
          row = (await q(sessionQuery, [sessionId, site.id])).rows[0];
        }
        if (!row && !own) return undefined;
        const session = own ?? sessionFromRow(row);
        const counter =
          counters.get(session.counterId) ?? counterFromRow(session.counterId, row ?? {});
        return { session, counter };
      },
      async openSessionAt(counterId) {
        for (const s of sessions.values())
          if (s.counterId === counterId && s.closedAt === null) return s;
        const { rows } = await q(
          `SELECT ${SESSION_COLUMNS} FROM mpp_queue_sessions WHERE site_id = $1 AND counter_id = $2 AND closed_at IS NULL`,
          [site.id, counterId],
        );
        return rows[0] ? sessionFromRow(rows[0]) : undefined;
      },
      async lockTicket(ticketId) {
        const own = tickets.get(ticketId);
        if (own) return own;
        if (prefetched.has(ticketId)) return prefetched.get(ticketId);
        if (!isUuid(ticketId)) return undefined;
        const { rows } = await q(TICKET_FOR_UPDATE, [ticketId, site.id]);
        return rows[0] ? ticketFromRow(rows[0]) : undefined;
      },
      async allocateNumber(service, serviceDay) {
        const { rows } = await q('SELECT * FROM mpp_queue_take_number($1, $2, $3, $4, $5, $6)', [
          site.id,
          service.id,
          serviceDay,
          service.firstNumber,
          service.dailyCap ?? 2147483647,
          service.lastNumber,
        ]);
        const row = rows[0];
        return row
          ? { sequence: Number(row.last_number), issueOrder: Number(row.issue_order) }
          : null;
      },
      async allocateIssueOrder() {
        const { rows } = await q("SELECT nextval('mpp_queue_issue_order')::text AS n", []);
        return Number(rows[0].n);
      },
      async claimNext(ctx) {
        const services = [...ctx.routingWeights.keys()];
        const ranks = site.policy.priorityClasses.length;
        for (let k = headsPerGroup; ; k *= 4) {
          const { rows } = await q(HEADS, [site.id, services, ranks, ctx.now, k]);
          const heads = rows.map(ticketFromRow);
          if (heads.length === 0) return null;
          const ranked = rankCandidates(heads, ctx).map((t) => t.id);
          if (ranked.length === 0) return null;
          const claimed = await q(CLAIM, [ranked]);
          if (claimed.rows[0]) return ticketFromRow(claimed.rows[0]);
          // Every head was taken by concurrent callers. If no group was cut off by
          // the limit, nothing else is callable; otherwise look deeper.
          if (heads.length < k) return null;
        }
      },
      putTicket: buffer.putTicket,
      putCounter: buffer.putCounter,
      putSession: buffer.putSession,
      emit: buffer.emit,
    };
    await work(tx);
    if (buffer.isEmpty()) {
      // Nothing changed (e.g. call-next with nobody waiting). A keyed command still
      // records its empty result, so a retry answers the same.
      const remember = claim
        ? `${inline(
            'INSERT INTO mpp_queue_idempotency (site_id, key, fingerprint, first_seq, event_count) VALUES ($1, $2, $3, 0, 0)',
            [site.id, claim.key, claim.fingerprint],
          )}; `
        : '';
      await client.query(`${begun ? '' : 'BEGIN; '}${remember}COMMIT`);
      return resultOf([]);
    }
    const flush = inline(FLUSH, [
      site.id,
      JSON.stringify([...tickets.values()].map((t) => ticketToRow(t, site))),
      JSON.stringify([...counters.values()].map((c) => counterToRow(site.id, c))),
      JSON.stringify([...sessions.values()].map(sessionToRow)),
      JSON.stringify(pending),
      claim?.key ?? null,
      claim?.fingerprint ?? null,
    ]);
    // The flush takes the site row (outbox sequence) lock; sending COMMIT in the same
    // round trip keeps that lock for the shortest possible time.
    const results = (await client.query(
      `${begun ? '' : 'BEGIN; '}${flush}; COMMIT`,
    )) as unknown as PgResult[];
    const flushed = results[begun ? 0 : 1];
    const base = Number(flushed?.rows[0]?.base ?? 0);
    if (pending.length > 0) announceCommit(site.id);
    return resultOf(pending.map((e, i) => ({ ...e, seq: base + i + 1 }) as QueueEvent));
  };

  // NOTIFY inside the command's transaction would serialize every commit of the
  // server on the notification queue lock (held through the WAL flush). Instead:
  // wake this process's watchers at once, and tell other processes after the commit,
  // with at most one NOTIFY transaction per `notifyDebounceMs` for all sites together
  // (one per site cost almost a transaction per command at a busy server).
  const changedSites = new Set<string>();
  let notifyTimer: ReturnType<typeof setTimeout> | undefined;
  let lastNotify = 0;
  const sendNotify = async (): Promise<void> => {
    notifyTimer = undefined;
    lastNotify = Date.now();
    const payloads = notifyPayloads([...changedSites]);
    changedSites.clear();
    await pool
      .query(`SELECT pg_notify('${CHANNEL}', p) FROM unnest($1::text[]) AS p`, [payloads])
      .catch(() => undefined);
  };
  const announceCommit = (siteId: string): void => {
    for (const wake of watchers.get(siteId) ?? []) queueMicrotask(wake);
    changedSites.add(siteId);
    if (notifyTimer) return;
    notifyTimer = setTimeout(
      () => void sendNotify(),
      Math.max(0, lastNotify + notifyDebounceMs - Date.now()),
    );
    notifyTimer.unref?.();
  };

  const startListening = (): Promise<void> => {
    listening ??= (async () => {
      const client = await pool.connect();
      client.on('notification', (message) => {
        for (const siteId of message.payload?.split('\n') ?? [])
          for (const wake of watchers.get(siteId) ?? []) wake();
      });
      client.on('error', () => {
        listener = undefined;
        listening = undefined;
      });
      await client.query(`LISTEN ${CHANNEL}`);
      listener = client;
    })();
    poller ??= setInterval(() => {
      for (const set of watchers.values()) for (const wake of set) wake();
      if (!listener && watchers.size > 0) void startListening().catch(() => undefined);
    }, pollMs);
    poller.unref?.();
    return listening;
  };

  /** Retries `run` on transient conflicts, like {@link QueueStore.transaction}. */
  const retrying = async <T>(run: () => Promise<T>): Promise<T> => {
    for (let n = 1; ; n++) {
      try {
        return await run();
      } catch (error) {
        if (isQueueError(error) || !isTransient(error) || n >= maxAttempts) throw error;
      }
      await new Promise((r) => setTimeout(r, Math.min(50, 2 ** n) * Math.random()));
    }
  };

  // Call-nexts for one site arriving while one is in flight go together in the next
  // statement: one transaction and one commit for all of them (decision 0036).
  const callBatch = createBatcher<CallNextRequest, CallOutcome>(
    async (siteId, batch) => {
      const { rows } = await retrying(() =>
        pool.query({
          // Named: parsed once per connection.
          name: 'mpp_queue_call_next',
          text: 'SELECT mpp_queue_call_next($1, $2, $3, $4, $5) AS r',
          values: [
            siteId,
            batch.map((c) => c.sessionId),
            batch.map((c) => c.now),
            batch.map((c) => c.idempotency?.key ?? null),
            batch.map((c) => c.idempotency?.fingerprint ?? null),
          ],
        }),
      );
      return rows[0]?.r as CallOutcome[];
    },
    {
      maxBatch: callNextBatch,
      // One statement per site at a time: a second one would only wait for the site row.
      maxInFlight: 1,
      // Two uses of one idempotency key never share a batch: the second must see the first.
      conflicts: (a, b) => a.idempotency !== null && a.idempotency.key === b.idempotency?.key,
    },
  );

  return {
    async callNext(request) {
      const { siteId, sessionId, idempotency } = request;
      const site = await loadSite(siteId);
      if (!site) throw errors.unknownSite(siteId);
      if (!isUuid(sessionId)) throw errors.unknownSession(sessionId);
      const r = await callBatch(site.id, request);
      if (r.replay) {
        if (r.fingerprint !== idempotency?.fingerprint)
          throw errors.idempotencyKeyReused(idempotency?.key ?? '');
        return resultOf(await readEvents(pool, site.id, Number(r.firstSeq) - 1, Number(r.count)));
      }
      switch (r.refused) {
        case undefined:
          break;
        case 'unknown-session':
          throw errors.unknownSession(sessionId);
        case 'session-closed':
          throw errors.sessionClosed(sessionId);
        case 'counter-busy':
          throw errors.counterBusy(r.counterId ?? '', r.ticketId ?? '');
        default:
          throw errors.unknownCounter(r.counterId ?? '');
      }
      if (!r.event || r.seq === undefined) return resultOf([]);
      announceCommit(site.id);
      return resultOf([{ ...r.event, seq: Number(r.seq) } as QueueEvent]);
    },

    async saveSite(site) {
      // Configuration, counters, routes and class ranks of waiting tickets, in one
      // statement (migrations/0003).
      await pool.query('SELECT mpp_queue_save_site($1, $2)', [site.id, JSON.stringify(site)]);
      cache.set(site.id, { site, at: Date.now() });
    },

    loadSite,

    async transaction(siteId, claim, work) {
      for (let n = 1; ; n++) {
        const site = await loadSite(siteId);
        if (!site) throw errors.unknownSite(siteId);
        const client = await pool.connect();
        let broken = false;
        try {
          return await attempt(client, site, claim, work);
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {
            broken = true;
          });
          if (isQueueError(error) || !isTransient(error) || n >= maxAttempts) throw error;
        } finally {
          client.release(broken);
        }
        // Back off a little, with jitter, before trying again.
        await new Promise((r) => setTimeout(r, Math.min(50, 2 ** n) * Math.random()));
      }
    },

    async getTicket(siteId, ticketId) {
      if (!isUuid(ticketId)) return undefined;
      const { rows } = await pool.query(
        `SELECT ${TICKET_COLUMNS} FROM mpp_queue_tickets WHERE id = $1 AND site_id = $2`,
        [ticketId, siteId],
      );
      return rows[0] ? ticketFromRow(rows[0]) : undefined;
    },

    async listTickets(siteId, filter: TicketFilter = {}) {
      const { rows } = await pool.query(
        `SELECT ${TICKET_COLUMNS} FROM mpp_queue_tickets
         WHERE site_id = $1 AND ($2::date IS NULL OR service_day = $2::date)
           AND ($3::text IS NULL OR service_id = $3) AND ($4::text IS NULL OR status = $4)
         ORDER BY issue_order`,
        [siteId, filter.serviceDay ?? null, filter.serviceId ?? null, filter.status ?? null],
      );
      return rows.map(ticketFromRow);
    },

    async getSession(siteId, sessionId) {
      if (!isUuid(sessionId)) return undefined;
      const { rows } = await pool.query(
        `SELECT ${SESSION_COLUMNS} FROM mpp_queue_sessions WHERE id = $1 AND site_id = $2`,
        [sessionId, siteId],
      );
      return rows[0] ? sessionFromRow(rows[0]) : undefined;
    },

    async listOpenSessions(siteId) {
      const { rows } = await pool.query(
        `SELECT ${SESSION_COLUMNS} FROM mpp_queue_sessions WHERE site_id = $1 AND closed_at IS NULL`,
        [siteId],
      );
      return rows.map(sessionFromRow);
    },

    async recentServiceSeconds(siteId, serviceId, limit) {
      const { rows } = await pool.query(
        `SELECT (finished_at - serving_at) / 1000.0 AS s FROM mpp_queue_tickets
         WHERE site_id = $1 AND service_id = $2 AND status = 'served' AND serving_at IS NOT NULL
         ORDER BY finished_at DESC, issue_order DESC LIMIT $3`,
        [siteId, serviceId, limit],
      );
      return rows.map((r: { s: string }) => Number(r.s)).reverse();
    },

    readEvents: (siteId, afterSeq, limit) => readEvents(pool, siteId, afterSeq, limit),

    watch(siteId, wake) {
      let set = watchers.get(siteId);
      if (!set) {
        set = new Set();
        watchers.set(siteId, set);
      }
      set.add(wake);
      void startListening().catch(() => undefined);
      return () => {
        set.delete(wake);
        if (set.size === 0) watchers.delete(siteId);
      };
    },

    async close() {
      watchers.clear();
      // Other processes still hear of the last commits.
      if (notifyTimer) {
        clearTimeout(notifyTimer);
        await sendNotify();
      }
      if (poller) clearInterval(poller);
      poller = undefined;
      const client = listener;
      listener = undefined;
      listening = undefined;
      if (client) {
        await client.query(`UNLISTEN ${CHANNEL}`).catch(() => undefined);
        client.release();
      }
    },
  };
}
