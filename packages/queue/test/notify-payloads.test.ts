import fc from 'fast-check';
import { expect, test } from 'vitest';
import { notifyPayloads } from '../src/stores/postgres/postgres-store.js';

test('site ids travel in NOTIFY payloads under the size limit, each exactly once, in order', () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.stringMatching(/^[a-z0-9-]{1,300}$/), { maxLength: 400 }),
      (ids) => {
        const payloads = notifyPayloads(ids);
        for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThan(8000);
        expect(payloads.flatMap((p) => p.split('\n'))).toEqual(ids);
      },
    ),
    { numRuns: 200 },
  );
});
