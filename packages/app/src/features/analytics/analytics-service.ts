import type pg from 'pg';
import { addDays, localDay } from '../../shared/time/local-day.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import { type Analytics, type AnalyticsRange, analyticsFromRollup } from './analytics-figures.js';
import { planRange, TicketRollup } from './analytics-rollup.js';
import { nextOpenDay } from './forecast.js';

export type { Analytics, AnalyticsRange, ServiceFigures } from './analytics-figures.js';

/**
 * Queue analytics for managers: closed days come from the per-day/per-month roll-up (built on
 * first use), today is read live from the ticket table through the same SQL definition.
 */
export class AnalyticsService {
  readonly rollup: TicketRollup;

  constructor(
    pool: pg.Pool,
    private readonly catalogue: Catalogue,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.rollup = new TicketRollup(pool);
  }

  /**
   * Rolls up the closed days (and whole closed months) of the last `days` days ahead of time, so
   * the first analytics view after a start or after midnight does not pay for it. Already fresh
   * periods are skipped, so running it hourly costs one small query.
   */
  async rollUpClosedDays(days = 366): Promise<void> {
    const today = localDay(this.catalogue.config.instance.timezone, this.now());
    const plan = planRange(addDays(today, -days), addDays(today, -1), today);
    await this.rollup.prepare(this.catalogue);
    await this.rollup.ensure(plan.days, plan.months);
  }

  async compute(
    range: AnalyticsRange,
    agencyId: string | null,
    targetMinutes = 15,
  ): Promise<Analytics> {
    const tz = this.catalogue.config.instance.timezone;
    const today = localDay(tz, this.now());
    const forecastFor = nextOpenDay(range.to, [
      ...new Set(this.catalogue.config.hours.flatMap((h) => h.days)),
    ]);
    const sampleDays = [1, 2, 3, 4].map((w) => addDays(forecastFor, -7 * w));
    const plan = planRange(range.from, range.to, today);
    const closedSamples = sampleDays.filter((d) => d < today);
    const liveSamples = sampleDays.filter((d) => d === today);
    await this.rollup.prepare(this.catalogue);
    await this.rollup.ensure([...plan.days, ...closedSamples], plan.months);
    const [rows, history] = await Promise.all([
      this.rollup.rows(plan, agencyId),
      this.rollup.arrivalsByHour(closedSamples, liveSamples, agencyId),
    ]);
    return analyticsFromRollup({
      range,
      targetMinutes,
      rows,
      history,
      forecastFor,
      catalogue: this.catalogue,
    });
  }
}
