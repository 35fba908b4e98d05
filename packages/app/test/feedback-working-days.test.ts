// Complaint deadlines count working days: weekends and the configured holidays are skipped,
// on the instance's local calendar.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currentDeadline } from '../src/features/complaints/complaint-workflow.js';
import {
  addWorkingDays,
  isWorkingDay,
  type WorkingCalendar,
  workingCalendar,
} from '../src/shared/time/working-days.js';

const DAY = 86_400_000;
const ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;

const calendarArb = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    // holidays within the weeks the deadlines fall in
    offsets: fc.uniqueArray(fc.integer({ min: 0, max: 120 }), { maxLength: 25 }),
  })
  .map(({ timeZone, offsets }) =>
    workingCalendar(
      timeZone,
      offsets.map((o) => ({
        date: new Date(Date.UTC(2026, 10, 1) + o * DAY).toISOString().slice(0, 10),
      })),
    ),
  );
const startArb = fc
  .integer({ min: Date.UTC(2026, 10, 1), max: Date.UTC(2026, 11, 31) })
  .map((t) => new Date(t));

/** Working days in (start, end], stepping one day at a time. */
function workingDaysBetween(start: Date, end: Date, calendar: WorkingCalendar): number {
  let n = 0;
  for (let t = start.getTime() + DAY; t <= end.getTime(); t += DAY)
    if (isWorkingDay(new Date(t), calendar)) n++;
  return n;
}

describe('working days with holidays', () => {
  it('a deadline lands on a working day, exactly n working days later, at the same time of day', () => {
    fc.assert(
      fc.property(startArb, fc.integer({ min: 0, max: 20 }), calendarArb, (start, n, calendar) => {
        const due = addWorkingDays(start, n, calendar);
        expect((due.getTime() - start.getTime()) % DAY).toBe(0);
        expect(due.getTime()).toBeGreaterThanOrEqual(start.getTime() + n * DAY);
        expect(workingDaysBetween(start, due, calendar)).toBe(n);
        if (n > 0) expect(isWorkingDay(due, calendar)).toBe(true);
      }),
    );
  });

  it('adds up: n then m working days is n + m working days', () => {
    fc.assert(
      fc.property(
        startArb,
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        calendarArb,
        (start, n, m, calendar) => {
          expect(addWorkingDays(addWorkingDays(start, n, calendar), m, calendar)).toEqual(
            addWorkingDays(start, n + m, calendar),
          );
        },
      ),
    );
  });

  it('another holiday never brings a deadline forward', () => {
    fc.assert(
      fc.property(
        startArb,
        fc.integer({ min: 1, max: 15 }),
        calendarArb,
        fc.integer({ min: 0, max: 120 }),
        (start, n, calendar, extra) => {
          const day = new Date(Date.UTC(2026, 10, 1) + extra * DAY).toISOString().slice(0, 10);
          const more = { ...calendar, holidays: new Set([...calendar.holidays, day]) };
          expect(addWorkingDays(start, n, more).getTime()).toBeGreaterThanOrEqual(
            addWorkingDays(start, n, calendar).getTime(),
          );
        },
      ),
    );
  });

  it('skips weekends and holidays on the local calendar', () => {
    const wib = workingCalendar('Asia/Jakarta', [{ date: '2026-11-23' }, { date: '2026-11-24' }]);
    // Friday 2026-11-20 10:00 WIB + 3 working days, Monday and Tuesday off = Friday 2026-11-27
    expect(addWorkingDays(new Date('2026-11-20T03:00:00Z'), 3, wib).toISOString()).toBe(
      '2026-11-27T03:00:00.000Z',
    );
    // 20:00 UTC Friday is already Saturday 03:00 in WIB: not a working day there
    expect(isWorkingDay(new Date('2026-11-20T20:00:00Z'), wib)).toBe(false);
    expect(isWorkingDay(new Date('2026-11-20T20:00:00Z'))).toBe(true);
    expect(() => addWorkingDays(new Date(), 1.5, wib)).toThrow(/days must be/);
  });

  it('complaint deadlines use the calendar', () => {
    const wib = workingCalendar('Asia/Jakarta', [{ date: '2026-11-25' }]);
    const receivedAt = new Date('2026-11-23T02:00:00Z');
    const base = { receivedAt, verifiedAt: null, forwardedAt: null, answeredAt: null };
    const plain = currentDeadline({ ...base, status: 'received' }, receivedAt);
    const withHoliday = currentDeadline({ ...base, status: 'received' }, receivedAt, wib);
    expect(plain?.due.toISOString()).toBe('2026-11-26T02:00:00.000Z');
    expect(withHoliday?.due.toISOString()).toBe('2026-11-27T02:00:00.000Z');
  });
});
