/**
 * Groups concurrent requests per key into batches: while `maxInFlight` batches for a
 * key are running, new requests for that key wait and then go together in the next
 * batch. The PostgreSQL store uses it so call-nexts arriving together at one site share
 * one transaction and one commit instead of queueing one by one on the site's outbox
 * row (decision 0036). A request arriving when fewer batches are running goes at once.
 */

/** Options of {@link createBatcher}. */
export interface BatcherOptions<Req> {
  /** Largest batch. */
  readonly maxBatch: number;
  /** Batches of one key running at the same time (at least 1). */
  readonly maxInFlight: number;
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

interface Lane<Req, Res> {
  queue: Waiting<Req, Res>[];
  running: number;
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
  const lanes = new Map<string, Lane<Req, Res>>();
  const maxInFlight = Math.max(1, options.maxInFlight);

  const settle = async (key: string, lane: Lane<Req, Res>, batch: Waiting<Req, Res>[]) => {
    try {
      const results = await run(
        key,
        batch.map((w) => w.request),
      );
      for (const [i, w] of batch.entries()) {
        if (i < results.length) w.resolve(results[i] as Res);
        else w.reject(new Error(`batch returned ${results.length} results for ${batch.length}`));
      }
    } catch (error) {
      for (const w of batch) w.reject(error);
    } finally {
      lane.running--;
      pump(key, lane);
    }
  };

  const pump = (key: string, lane: Lane<Req, Res>): void => {
    while (lane.running < maxInFlight && lane.queue.length > 0) {
      const batch: Waiting<Req, Res>[] = [];
      const later: Waiting<Req, Res>[] = [];
      for (const w of lane.queue) {
        const fits =
          batch.length < options.maxBatch &&
          !batch.some((b) => options.conflicts?.(b.request, w.request));
        (fits ? batch : later).push(w);
      }
      lane.queue = later;
      lane.running++;
      void settle(key, lane, batch);
    }
    if (lane.running === 0 && lane.queue.length === 0) lanes.delete(key);
  };

  return (key, request) =>
    new Promise<Res>((resolve, reject) => {
      let lane = lanes.get(key);
      if (!lane) {
        lane = { queue: [], running: 0 };
        lanes.set(key, lane);
      }
      lane.queue.push({ request, resolve, reject });
      pump(key, lane);
    });
}
