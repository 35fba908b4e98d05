import { readPeriodParam } from '../../shared/time/date-range.js';
import { localDay } from '../../shared/time/local-day.js';
import {
  isPeriod,
  type Period,
  type PeriodRange,
  periodContaining,
  periodsEndingWith,
} from '../../shared/time/period-range.js';
import type { AppContext } from '../app-context.js';
import type { SurveyResults } from './survey-service.js';

export interface ResultsQuery {
  period: Period;
  range: PeriodRange;
  agencyId: string | null;
  /** Periods offered in the chooser, newest first. */
  choices: PeriodRange[];
}

/** Reads ?periode=&p=&instansi= with safe defaults (this month, whole MPP). */
export function readResultsQuery(app: AppContext, url: URL): ResultsQuery {
  const today = localDay(app.catalogue.config.instance.timezone);
  const periodParam = url.searchParams.get('periode');
  const period: Period = isPeriod(periodParam) ? periodParam : 'month';
  const current = periodContaining(period, today);
  const asked = readPeriodParam(url);
  const range = asked && asked.period === period ? asked : current;
  const agencyParam = url.searchParams.get('instansi');
  const agencyId = agencyParam && app.catalogue.agency(agencyParam) ? agencyParam : null;
  const choices = periodsEndingWith(current, 8).reverse();
  return { period, range, agencyId, choices };
}

/** Results for the query with a six-period trend. */
export function loadResults(app: AppContext, q: ResultsQuery): Promise<SurveyResults> {
  return app.survey.results(q.range, {
    agencyId: q.agencyId,
    trend: periodsEndingWith(q.range, 6),
  });
}
