/**
 * Estimated wait as a range, following the walk-down-the-queue method (position × average
 * handling time ÷ counters able to serve): a range is honest, a single minute figure is not.
 */
export function estimateWaitMinutes(input: {
  ahead: number;
  averageServiceMinutes: number;
  counters: number;
}): { low: number; high: number } {
  const { ahead, averageServiceMinutes, counters } = input;
  if (ahead <= 0) return { low: 0, high: 0 };
  const perTicket = averageServiceMinutes / Math.max(1, counters);
  const central = ahead * perTicket;
  return { low: Math.floor(central * 0.8), high: Math.ceil(central * 1.2) };
}
