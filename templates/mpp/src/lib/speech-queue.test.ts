import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpeechQueue } from './speech-queue.js';

describe('SpeechQueue', () => {
  it('speaks every text in order, one at a time, even when they arrive together', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { maxLength: 4 }), { maxLength: 10 }),
        (batches) => {
          const spoken: string[] = [];
          let inFlight = 0;
          let maxInFlight = 0;
          const waiting: (() => void)[] = [];
          const queue = new SpeechQueue((text, done) => {
            inFlight += 1;
            maxInFlight = Math.max(maxInFlight, inFlight);
            spoken.push(text);
            waiting.push(() => {
              inFlight -= 1;
              done();
            });
          });
          for (const batch of batches) queue.enqueue(...batch);
          while (waiting.length > 0) waiting.shift()?.();
          expect(spoken).toEqual(batches.flat());
          expect(maxInFlight).toBeLessThanOrEqual(1);
          expect(queue.size).toBe(0);
        },
      ),
    );
  });

  it('ignores a second completion signal for the same text', () => {
    const spoken: string[] = [];
    let finish: () => void = () => {};
    const queue = new SpeechQueue((text, done) => {
      spoken.push(text);
      finish = done;
    });
    queue.enqueue('a', 'b', 'c');
    const first = finish;
    first();
    first();
    expect(spoken).toEqual(['a', 'b']);
  });
});
