import { readDayRange } from '../../shared/time/date-range.js';
import { addDays, localDay } from '../../shared/time/local-day.js';
import type { AppContext } from '../app-context.js';
import type { Analytics, AnalyticsRange } from './analytics-figures.js';

/** ?dari=&sampai= (inclusive days); default the last 28 days up to yesterday. Max 366 days. */
export function readAnalyticsRange(app: AppContext, url: URL): AnalyticsRange {
  const asked = readDayRange(url);
  const today = localDay(app.catalogue.config.instance.timezone);
  // No figures exist after today; a far-future day would only make empty, huge ranges.
  let to = [asked.to ?? addDays(today, -1), today].sort()[0] as string;
  let from = asked.from ?? addDays(to, -27);
  if (from > to) [from, to] = [to, from];
  if (Date.parse(to) - Date.parse(from) > 366 * 86_400_000) from = addDays(to, -366);
  return { from, to };
}

/** Service-level target in minutes of waiting (MPP_SERVICE_LEVEL_MINUTES, default 15). */
export function serviceLevelTarget(): number {
  const v = Number(process.env.MPP_SERVICE_LEVEL_MINUTES ?? 15);
  return Number.isInteger(v) && v > 0 && v <= 240 ? v : 15;
}

/**
 * The analytics a page or endpoint shows for its URL (`?dari=&sampai=`) and the staff member's
 * scope (an agency, or null for all), with the configured service-level target.
 */
export async function analyticsForUrl(
  app: AppContext,
  url: URL,
  scope: string | null,
): Promise<{ range: AnalyticsRange; figures: Analytics }> {
  const range = readAnalyticsRange(app, url);
  return {
    range,
    figures: await app.analytics.compute(range, scope, serviceLevelTarget()),
  };
}
