/** A minimal EventSource for Node tests: records events, exposes the last id. */
export interface SseEvent {
  id: number | undefined;
  event: string;
  data: string;
}

export class SseClient {
  readonly events: SseEvent[] = [];
  private readonly controller = new AbortController();
  readonly done: Promise<void>;
  status = 0;

  constructor(url: string, lastEventId?: number) {
    this.done = this.run(url, lastEventId).catch(() => {});
  }

  get lastId(): number | undefined {
    return [...this.events].reverse().find((e) => e.id !== undefined)?.id;
  }

  close(): void {
    this.controller.abort();
  }

  async waitFor(predicate: (events: SseEvent[]) => boolean, timeoutMs = 5000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!predicate(this.events)) {
      if (Date.now() > until)
        throw new Error(`SSE wait timed out; got ${JSON.stringify(this.events.slice(-5))}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private async run(url: string, lastEventId?: number): Promise<void> {
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (lastEventId !== undefined) headers['last-event-id'] = String(lastEventId);
    const res = await fetch(url, { headers, signal: this.controller.signal });
    this.status = res.status;
    if (!res.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = { id: undefined as number | undefined, event: 'message', data: '' };
        let hasData = false;
        for (const line of block.split('\n')) {
          if (line.startsWith('id: ')) fields.id = Number(line.slice(4));
          else if (line.startsWith('event: ')) fields.event = line.slice(7);
          else if (line.startsWith('data: ')) {
            fields.data += line.slice(6);
            hasData = true;
          }
        }
        if (hasData) this.events.push(fields);
        end = buffer.indexOf('\n\n');
      }
    }
  }
}
