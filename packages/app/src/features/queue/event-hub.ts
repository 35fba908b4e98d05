import pg from 'pg';
import type { Logger } from 'pino';
import type { QueueEvent, QueueService } from './queue-service.js';

/** An event with its SSE wire form, serialised once for every subscriber. */
export interface Delivery {
  event: QueueEvent;
  frame: string;
}

export interface Subscriber {
  /** Whether this subscriber wants an event (its agencies, or its own ticket). */
  accepts(event: QueueEvent): boolean;
  /**
   * Events committed together that this subscriber accepts, in id order; `text` is their frames
   * joined (shared by every subscriber that accepts the same ones), so a stream gets one write.
   */
  send(batch: readonly Delivery[], text: string): void;
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
  private outgoing: Delivery[] = [];
  private flushing = false;

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

  /**
   * Queues an event for the subscribers. Events delivered in the same tick (a call-next commits
   * the previous ticket's finish and the new call together) go out as one write per stream.
   */
  private deliver(event: QueueEvent): void {
    this.lastId = event.id;
    this.outgoing.push({ event, frame: sseFrame(event) });
    if (this.flushing) return;
    this.flushing = true;
    queueMicrotask(() => this.flush());
  }

  /** One pass over the subscribers; each distinct selection of the batch is joined once. */
  private flush(): void {
    this.flushing = false;
    const batch = this.outgoing;
    this.outgoing = [];
    const joined = new Map<string, { items: Delivery[]; text: string }>();
    for (const s of this.subscribers) {
      let mask = '';
      for (const d of batch) mask += s.accepts(d.event) ? '1' : '0';
      if (!mask.includes('1')) continue;
      let selection = joined.get(mask);
      if (!selection) {
        const items = batch.filter((_, i) => mask[i] === '1');
        selection = { items, text: items.map((d) => d.frame).join('') };
        joined.set(mask, selection);
      }
      s.send(selection.items, selection.text);
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
