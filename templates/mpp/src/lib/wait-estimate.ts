import { defaultPolicy, estimateWait } from '@mpp-kit/queue';

/**
 * Estimated wait in whole minutes as a range, by `@mpp-kit/queue`'s `estimateWait` (position ×
 * average recent service time ÷ counters able to serve, times its optimistic and pessimistic
 * factors). `recentServiceSeconds` are today's measured service times of the service; with none,
 * the configured average is used.
 */
export function estimateWaitMinutes(input: {
  ahead: number;
  averageServiceMinutes: number;
  counters: number;
  recentServiceSeconds?: readonly number[];
}): { low: number; high: number } {
  if (input.ahead <= 0) return { low: 0, high: 0 };
  const estimate = estimateWait(input.ahead, input.recentServiceSeconds ?? [], input.counters, {
    ...defaultPolicy.estimate,
    defaultServiceSeconds: input.averageServiceMinutes * 60,
  });
  return { low: Math.floor(estimate.minSeconds / 60), high: Math.ceil(estimate.maxSeconds / 60) };
}
