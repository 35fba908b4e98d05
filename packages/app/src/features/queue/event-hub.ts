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
 * Fans queue events out to SSE subscribers. Events come from the queue service's subscription to
 * the engine's outbox, in sequence order: this process's commits at once, other replicas' after
 * the store's notification (or its fallback poll), so the hub needs no connection of its own.
 * Subscribers that reconnect replay from the outbox by id (`QueueService.eventsSince`).
 */
export class EventHub {
  private readonly subscribers = new Set<Subscriber>();
  private lastId = 0;
  private stopped = false;
  private outgoing: Delivery[] = [];
  private flushing = false;

  constructor(private readonly queue: QueueService) {}

  get size(): number {
    return this.subscribers.size;
  }

  async start(): Promise<void> {
    await this.queue.start();
    this.lastId = Math.max(this.lastId, await this.queue.lastEventId());
  }

  /**
   * An event from the engine's outbox. Ids grow with the outbox sequence (events screens do not
   * show leave gaps); one already delivered is ignored.
   */
  publish(event: QueueEvent): void {
    if (this.stopped || event.id <= this.lastId) return;
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
    await this.queue.stop();
  }
}
