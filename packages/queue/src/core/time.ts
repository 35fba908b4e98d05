/**
 * Service days and local clock times. Indonesia has kept fixed offsets without
 * daylight saving since 1964, so fixed arithmetic is exact and much faster than Intl.
 */
import type { IndonesianTimeZone } from './model.js';

const OFFSET_MINUTES: Readonly<Record<IndonesianTimeZone, number>> = {
  'Asia/Jakarta': 7 * 60,
  'Asia/Makassar': 8 * 60,
  'Asia/Jayapura': 9 * 60,
};

/** Short Indonesian name of a zone: WIB, WITA or WIT. */
export function zoneAbbreviation(timeZone: IndonesianTimeZone): 'WIB' | 'WITA' | 'WIT' {
  return timeZone === 'Asia/Jakarta' ? 'WIB' : timeZone === 'Asia/Makassar' ? 'WITA' : 'WIT';
}

/** UTC offset of the zone in minutes. */
export function offsetMinutes(timeZone: IndonesianTimeZone): number {
  const offset = OFFSET_MINUTES[timeZone];
  if (offset === undefined) throw new RangeError(`unknown time zone ${timeZone}`);
  return offset;
}

/** The service day (`YYYY-MM-DD`, local calendar date) of an instant at the site. */
export function serviceDayOf(at: number, timeZone: IndonesianTimeZone): string {
  return new Date(at + offsetMinutes(timeZone) * 60_000).toISOString().slice(0, 10);
}

/** Local wall-clock time `HH:MM` of an instant at the site. */
export function localTimeOf(at: number, timeZone: IndonesianTimeZone): string {
  return new Date(at + offsetMinutes(timeZone) * 60_000).toISOString().slice(11, 16);
}

/** The instant a service day starts (local midnight) as epoch milliseconds. */
export function serviceDayStart(serviceDay: string, timeZone: IndonesianTimeZone): number {
  return Date.parse(`${serviceDay}T00:00:00Z`) - offsetMinutes(timeZone) * 60_000;
}

/** Local `YYYY-MM-DD HH:MM <zone>` for messages. */
export function formatLocal(at: number, timeZone: IndonesianTimeZone): string {
  return `${serviceDayOf(at, timeZone)} ${localTimeOf(at, timeZone)} ${zoneAbbreviation(timeZone)}`;
}
