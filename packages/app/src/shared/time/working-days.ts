/**
 * The days on which an MPP's offices work: Monday–Friday in the instance's time zone, minus the
 * holidays configured in `mpp.config.yaml` (`holidays`). SP4N-LAPOR! deadlines are counted in
 * working days on this calendar.
 */
export interface WorkingCalendar {
  /** IANA time zone the days are counted in (the instance's). */
  timeZone: string;
  /** Holiday dates, YYYY-MM-DD. */
  holidays: ReadonlySet<string>;
}

/** Weekends only, in UTC: the calendar when none is configured. */
export const UTC_WEEKDAYS: WorkingCalendar = { timeZone: 'UTC', holidays: new Set() };

/** A calendar from the instance time zone and the configured holidays. */
export function workingCalendar(
  timeZone: string,
  holidays: readonly { date: string }[],
): WorkingCalendar {
  return { timeZone, holidays: new Set(holidays.map((h) => h.date)) };
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** The local date (YYYY-MM-DD) and ISO weekday (1 = Monday … 7 = Sunday) of an instant. */
function localDate(at: Date, timeZone: string): { day: string; weekday: number } {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
    });
    formats.set(timeZone, f);
  }
  const parts = f.formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  return { day: `${get('year')}-${get('month')}-${get('day')}`, weekday };
}

/** Whether the local day of `at` is a working day on `calendar`. */
export function isWorkingDay(at: Date, calendar: WorkingCalendar = UTC_WEEKDAYS): boolean {
  const { day, weekday } = localDate(at, calendar.timeZone);
  return weekday <= 5 && !calendar.holidays.has(day);
}

/**
 * Adds working days to an instant, keeping the time of day: each step moves one calendar day
 * and counts it only when it is a working day (weekends and holidays are skipped). Indonesian
 * time zones have no daylight saving, so a day is always 24 hours.
 */
export function addWorkingDays(
  start: Date,
  days: number,
  calendar: WorkingCalendar = UTC_WEEKDAYS,
): Date {
  if (!Number.isInteger(days) || days < 0)
    throw new RangeError(
      `hari kerja harus bilangan bulat ≥ 0 / days must be a non-negative integer, got ${days}`,
    );
  let t = start.getTime();
  let left = days;
  // a calendar with every day a holiday would never end: stop after ten years of searching
  for (let guard = 0; left > 0; guard++) {
    if (guard > 3660)
      throw new RangeError('no working day within ten years / tidak ada hari kerja');
    t += 86_400_000;
    if (isWorkingDay(new Date(t), calendar)) left -= 1;
  }
  return new Date(t);
}
