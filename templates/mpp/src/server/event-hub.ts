import pg from 'pg';
import type { Logger } from 'pino';
import type { QueueEvent, QueueService } from '../app/queue-service.js';

export interface Subscriber {
  /** Whether this subscriber wants an event (its agencies, or its own ticket). */
  accepts(event: QueueEvent): boolean;
  /** `frame` is the event already serialised as an SSE message (shared by all subscribers). */
  send(event: QueueEvent, frame: string): void;
}

/** The SSE wire form of an outbox row; its id is the replay point. */
export function sseFrame(event: QueueEvent): string {
  return `id: ${event.id}\nevent: queue\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * Fans committed outbox rows out to SSE subscribers. Rows this process committed are handed
 * over at once (`publish`), in order; anything else — another replica's rows, a gap in the ids —
 * waits for PostgreSQL NOTIFY (sent at commit), after which the hub reads every row after the
 * last one it delivered, so a dropped notification or a reconnect of the listening connection
 * loses nothing.
 */
export class EventHub {
  private readonly subscribers = new Set<Subscriber>();
  private lastId = 0;
  private client: pg.Client | undefined;
  private draining: Promise<void> = Promise.resolve();
  private pending = false;
  private stopped = false;
  private poll: NodeJS.Timeout | undefined;

  constructor(
    private readonly url: string,
    private readonly queue: QueueService,
    private readonly logger: Logger,
  ) {}

  get size(): number {
    return this.subscribers.size;
  }

  async start(): Promise<void> {
    // the queue engine's events not yet projected (a crash mid-command) are projected first
    await this.queue.start();
    this.lastId = await this.queue.lastEventId();
    await this.connect();
    // Safety net: also look every 5 s, in case the listening connection silently died.
    this.poll = setInterval(() => this.wake(), 5_000);
    this.poll.unref();
  }

  /**
   * An outbox row this process has just committed. Delivered now when it is the next row
   * (ids are consecutive); otherwise the hub reads from PostgreSQL, so order is kept and
   * nothing is skipped.
   */
  publish(event: QueueEvent): void {
    if (this.stopped) return;
    if (event.id !== this.lastId + 1) {
      if (event.id > this.lastId) this.wake();
      return;
    }
    this.deliver(event);
  }

  /** Serialises an event once and writes it to every subscriber that wants it, in one pass. */
  private deliver(event: QueueEvent): void {
    this.lastId = event.id;
    const frame = sseFrame(event);
    for (const s of this.subscribers) {
      if (s.accepts(event)) s.send(event, frame);
    }
  }

  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poll);
    await this.draining;
    await this.client?.end().catch(() => {});
    await this.queue.stop();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      this.logger.warn({ err: error.message }, 'event listener connection lost; reconnecting');
      this.client = undefined;
      if (!this.stopped) setTimeout(() => this.connect().catch(() => {}), 1_000).unref();
    });
    await client.connect();
    await client.query('listen mpp_queue_event');
    this.client = client;
    this.wake();
  }

  private wake(): void {
    if (this.pending || this.stopped) return;
    this.pending = true;
    this.draining = this.draining.then(async () => {
      this.pending = false;
      try {
        for (;;) {
          const events = await this.queue.eventsSince(this.lastId, null, 500);
          for (const event of events) {
            // rows published while the read was under way are already out
            if (event.id > this.lastId) this.deliver(event);
          }
          if (events.length < 500) break;
        }
      } catch (error) {
        this.logger.warn({ err: (error as Error).message }, 'event delivery failed');
      }
    });
  }
}
