import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateWaitMinutes } from './wait-estimate.js';

const input = fc.record({
  ahead: fc.integer({ min: 0, max: 500 }),
  averageServiceMinutes: fc.integer({ min: 1, max: 240 }),
  counters: fc.integer({ min: 0, max: 30 }),
  recentServiceSeconds: fc.array(fc.integer({ min: 0, max: 7200 }), { maxLength: 30 }),
});

describe('estimateWaitMinutes', () => {
  it('is a range that is zero for the head of the queue', () => {
    expect(estimateWaitMinutes({ ahead: 0, averageServiceMinutes: 10, counters: 2 })).toEqual({
      low: 0,
      high: 0,
    });
    fc.assert(
      fc.property(input, (i) => {
        const { low, high } = estimateWaitMinutes(i);
        expect(low).toBeGreaterThanOrEqual(0);
        expect(high).toBeGreaterThanOrEqual(low);
      }),
    );
  });

  it('uses the configured average when nothing was measured yet', () => {
    // 3 ahead × 10 min ÷ 2 counters = 15 min, shown as 0.8×–1.25×
    expect(estimateWaitMinutes({ ahead: 3, averageServiceMinutes: 10, counters: 2 })).toEqual({
      low: 12,
      high: 19,
    });
    expect(
      estimateWaitMinutes({
        ahead: 3,
        averageServiceMinutes: 10,
        counters: 2,
        recentServiceSeconds: [120, 120],
      }),
    ).toEqual({ low: 2, high: 4 });
  });

  it('never shrinks when more people are ahead, never grows with more counters', () => {
    fc.assert(
      fc.property(input, (i) => {
        const base = estimateWaitMinutes(i);
        expect(estimateWaitMinutes({ ...i, ahead: i.ahead + 1 }).high).toBeGreaterThanOrEqual(
          base.high,
        );
        expect(estimateWaitMinutes({ ...i, counters: i.counters + 1 }).high).toBeLessThanOrEqual(
          base.high,
        );
      }),
    );
  });
});
