/**
 * Groups concurrent requests per key into batches: while a batch for a key is in
 * flight, new requests for that key wait and then go together in the next batch. The
 * PostgreSQL store uses it so call-nexts arriving together at one site share one
 * transaction and one commit instead of queueing one by one on the site's outbox row
 * (decision 0036). A lone request runs at once, alone.
 */

/** Options of {@link createBatcher}. */
export interface BatcherOptions<Req> {
  /** Largest batch. */
  readonly maxBatch: number;
  /** True when two requests must not share a batch (the later one waits for the next). */
  readonly conflicts?: (a: Req, b: Req) => boolean;
}

/** Submits requests; each promise settles with its own element of its batch's result. */
export type Batcher<Req, Res> = (key: string, request: Req) => Promise<Res>;

interface Waiting<Req, Res> {
  readonly request: Req;
  readonly resolve: (result: Res) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Creates a batcher. `run` gets a key and its batch (in arrival order) and returns one
 * result per request, in the same order; if it throws, every request of the batch
 * fails with that error.
 */
export function createBatcher<Req, Res>(
  run: (key: string, batch: readonly Req[]) => Promise<readonly Res[]>,
  options: BatcherOptions<Req>,
): Batcher<Req, Res> {
  const waiting = new Map<string, Waiting<Req, Res>[]>();
  const running = new Set<string>();

  const drain = async (key: string): Promise<void> => {
    running.add(key);
    try {
      for (;;) {
        const queue = waiting.get(key) ?? [];
        if (queue.length === 0) break;
        const batch: Waiting<Req, Res>[] = [];
        const later: Waiting<Req, Res>[] = [];
        for (const w of queue) {
          const fits =
            batch.length < options.maxBatch &&
            !batch.some((b) => options.conflicts?.(b.request, w.request));
          (fits ? batch : later).push(w);
        }
        waiting.set(key, later);
        try {
          const results = await run(
            key,
            batch.map((w) => w.request),
          );
          for (const [i, w] of batch.entries()) {
            if (i < results.length) w.resolve(results[i] as Res);
            else
              w.reject(new Error(`batch returned ${results.length} results for ${batch.length}`));
          }
        } catch (error) {
          for (const w of batch) w.reject(error);
        }
      }
    } finally {
      waiting.delete(key);
      running.delete(key);
    }
  };

  return (key, request) =>
    new Promise<Res>((resolve, reject) => {
      let queue = waiting.get(key);
      if (!queue) {
        queue = [];
        waiting.set(key, queue);
      }
      queue.push({ request, resolve, reject });
      if (!running.has(key)) void drain(key);
    });
}
