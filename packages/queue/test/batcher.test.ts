import fc from 'fast-check';
import { expect, test } from 'vitest';
import { createBatcher } from '../src/stores/postgres/batcher.js';

test('every request gets its own result; batches respect size, key and conflicts', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.record({ key: fc.constantFrom('a', 'b'), tag: fc.nat(3) }), { maxLength: 40 }),
      fc.integer({ min: 1, max: 5 }),
      fc.integer({ min: 1, max: 3 }),
      async (requests, maxBatch, maxInFlight) => {
        const batches: { key: string; tags: number[] }[] = [];
        const running = new Map<string, number>();
        const submit = createBatcher<{ tag: number; n: number }, number>(
          async (key, batch) => {
            batches.push({ key, tags: batch.map((r) => r.tag) });
            running.set(key, (running.get(key) ?? 0) + 1);
            expect(running.get(key)).toBeLessThanOrEqual(maxInFlight);
            await new Promise((r) => setTimeout(r, 1));
            running.set(key, (running.get(key) ?? 0) - 1);
            return batch.map((r) => r.n * 10);
          },
          { maxBatch, maxInFlight, conflicts: (x, y) => x.tag === 0 && y.tag === 0 },
        );
        const results = await Promise.all(requests.map((r, n) => submit(r.key, { tag: r.tag, n })));
        expect(results).toEqual(requests.map((_, n) => n * 10));
        for (const b of batches) {
          expect(b.tags.length).toBeLessThanOrEqual(maxBatch);
          expect(b.tags.filter((t) => t === 0).length).toBeLessThanOrEqual(1);
        }
        expect(batches.reduce((sum, b) => sum + b.tags.length, 0)).toBe(requests.length);
      },
    ),
    { numRuns: 50 },
  );
});

test('a failing batch fails each of its requests, and later batches still run', async () => {
  let calls = 0;
  const submit = createBatcher<number, number>(
    async (_key, batch) => {
      calls++;
      await new Promise((r) => setTimeout(r, 1));
      if (batch.includes(2)) throw new Error('boom');
      return batch;
    },
    { maxBatch: 2, maxInFlight: 1 },
  );
  const settled = await Promise.allSettled([1, 2, 3, 4].map((n) => submit('s', n)));
  // Batches: [1] (alone, at once), [2, 3] (fails), [4].
  expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
  expect(calls).toBe(3);
});
