import type { IncomingMessage, ServerResponse } from 'node:http';
import { type EventHub, sseFrame } from '../features/queue/event-hub.js';
import type { QueueEvent, QueueService } from '../features/queue/queue-service.js';

export const HEARTBEAT_MS = 15_000;

/** Open server-sent-event responses, so shutdown can drain them. */
export class SseConnections {
  readonly open = new Set<ServerResponse>();

  /** Ends every stream with a `shutdown` event; clients reconnect (to another replica). */
  drain(): void {
    for (const res of this.open) {
      res.end('event: shutdown\ndata: {}\n\n');
    }
    this.open.clear();
  }
}

/**
 * Serves one SSE stream: replays outbox rows after Last-Event-ID (or `?since=`), then live
 * events, with a comment heartbeat every 15 s so proxies and clients see a live connection.
 */
export async function serveEventStream(
  req: IncomingMessage,
  res: ServerResponse,
  options: {
    hub: EventHub;
    queue: QueueService;
    connections: SseConnections;
    accepts: (event: QueueEvent) => boolean;
    replayAgencies: string[] | null;
    since: number | undefined;
  },
): Promise<void> {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 2000\n\n');
  const write = (event: QueueEvent) => {
    res.write(sseFrame(event));
  };
  // Buffer live events until the replay is written, so order is kept and nothing is doubled.
  let buffered: QueueEvent[] | null = [];
  let lastSent = options.since ?? 0;
  const unsubscribe = options.hub.subscribe({
    accepts: options.accepts,
    send(batch, text) {
      if (buffered) {
        for (const d of batch) buffered.push(d.event);
        return;
      }
      // the usual case: everything is new, and the shared text goes out in one write
      if (batch.every((d) => d.event.id > lastSent)) {
        lastSent = batch[batch.length - 1]?.event.id ?? lastSent;
        res.write(text);
        return;
      }
      let out = '';
      for (const d of batch) {
        if (d.event.id <= lastSent) continue;
        lastSent = d.event.id;
        out += d.frame;
      }
      if (out) res.write(out);
    },
  });
  options.connections.open.add(res);
  const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
  const close = () => {
    clearInterval(heartbeat);
    unsubscribe();
    options.connections.open.delete(res);
  };
  req.on('close', close);
  res.on('close', close);
  if (options.since !== undefined) {
    const missed = await options.queue.eventsSince(options.since, options.replayAgencies, 1000);
    for (const event of missed) {
      if (!options.accepts(event) || event.id <= lastSent) continue;
      lastSent = event.id;
      write(event);
    }
  }
  const live = buffered;
  buffered = null;
  for (const event of live) {
    if (event.id > lastSent) {
      lastSent = event.id;
      write(event);
    }
  }
}

/** The replay point: the Last-Event-ID header a reconnecting EventSource sends, else `?since=`. */
export function replayPoint(req: IncomingMessage, url: URL): number | undefined {
  const raw = req.headers['last-event-id'] ?? url.searchParams.get('since') ?? undefined;
  if (raw === undefined || Array.isArray(raw)) return undefined;
  const n = Number(raw);
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}
