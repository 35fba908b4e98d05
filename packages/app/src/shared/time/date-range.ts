import { AppError, isAppError } from '../errors.js';
import { parseDay } from './local-day.js';
import { type PeriodRange, parsePeriodKey } from './period-range.js';

/**
 * The one check of the dates and periods a URL asks for (`?dari=&sampai=`, `?p=`) on the
 * analytics, open-data and results pages: a real date (YYYY-MM-DD) or period key in the years
 * 2000–9999, and a start not after the end. Anything else is a 400 naming the parameter, thrown
 * before any figure is read or any byte streamed (PostgreSQL has no year 0, and a range reaching
 * back past year 1 made the date arithmetic leave four-digit years).
 */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 9999;

const inYears = (year: number) => year >= FIRST_YEAR && year <= LAST_YEAR;

function badDate(param: string, value: string): AppError {
  const shown = value.slice(0, 40);
  return new AppError(
    400,
    'invalid_date',
    `Tanggal ${param}=${shown} tidak sah: gunakan YYYY-MM-DD antara tahun ${FIRST_YEAR} dan ${LAST_YEAR}`,
    `Date ${param}=${shown} is not valid: use YYYY-MM-DD between the years ${FIRST_YEAR} and ${LAST_YEAR}`,
  );
}

/** A day parameter: undefined when absent or empty; a 400 when it is not a day in range. */
export function readDayParam(url: URL, param: string): string | undefined {
  const raw = url.searchParams.get(param);
  if (raw === null || raw === '') return undefined;
  const day = parseDay(raw);
  if (!day || !inYears(Number(day.slice(0, 4)))) throw badDate(param, raw);
  return day;
}

/** `?dari=&sampai=` (inclusive days, each optional), checked; a 400 when `dari` is after `sampai`. */
export function readDayRange(url: URL): { from?: string; to?: string } {
  const from = readDayParam(url, 'dari');
  const to = readDayParam(url, 'sampai');
  if (from && to && from > to) {
    throw new AppError(
      400,
      'invalid_date_range',
      `Tanggal dari=${from} sesudah sampai=${to}`,
      `Date dari=${from} is after sampai=${to}`,
    );
  }
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** `?p=` (2026-11, 2026-Q4, 2026-S2, 2026): undefined when absent; a 400 when not a period in range. */
export function readPeriodParam(url: URL, param = 'p'): PeriodRange | undefined {
  const raw = url.searchParams.get(param);
  if (raw === null || raw === '') return undefined;
  const range = parsePeriodKey(raw);
  if (!range || !inYears(Number(raw.slice(0, 4)))) {
    const shown = raw.slice(0, 40);
    throw new AppError(
      400,
      'invalid_period',
      `Periode ${param}=${shown} tidak sah: gunakan 2026-11, 2026-Q4, 2026-S2 atau 2026 (tahun ${FIRST_YEAR}–${LAST_YEAR})`,
      `Period ${param}=${shown} is not valid: use 2026-11, 2026-Q4, 2026-S2 or 2026 (years ${FIRST_YEAR}–${LAST_YEAR})`,
    );
  }
  return range;
}

/**
 * Runs a page's reading of its query; a refusal becomes a 400 response with the message in both
 * languages (a page cannot throw an AppError: Astro would answer 500).
 */
export async function orBadRequest<T>(read: () => T | Promise<T>): Promise<T | Response> {
  try {
    return await read();
  } catch (error) {
    if (!isAppError(error)) throw error;
    return new Response(`${error.messageId}\n${error.messageEn}\n`, {
      status: error.status,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
}
