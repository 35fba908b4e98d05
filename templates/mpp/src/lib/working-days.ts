/**
 * Adds working days (Monday–Friday) to an instant, keeping the time of day: SP4N-LAPOR!
 * deadlines are counted in working days. Public holidays are not known here (no official
 * machine-readable calendar), so deadlines can only be early, never late.
 */
export function addWorkingDays(start: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 0)
    throw new RangeError(`days must be a non-negative integer, got ${days}`);
  const d = new Date(start.getTime());
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) left -= 1;
  }
  return d;
}
