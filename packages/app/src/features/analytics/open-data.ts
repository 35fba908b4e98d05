import { readDayRange } from '../../shared/time/date-range.js';
import { addDays, localDay } from '../../shared/time/local-day.js';
import type { AppContext } from '../app-context.js';
import { readResultsQuery } from '../survey/results-query.js';
import { csvCell } from '../survey/results-report.js';

/** Aggregate IKM rows for the period in the URL: MPP, agencies, services. No responses. */
export async function openIkmRows(app: AppContext, url: URL) {
  const q = readResultsQuery(app, url);
  const r = await app.survey.results(q.range);
  const row = (
    level: 'mpp' | 'agency' | 'service',
    agencyId: string | null,
    serviceId: string | null,
    rollup: typeof r.mpp,
  ) => {
    const s = rollup.score();
    return {
      period: q.range.key,
      level,
      agencyId,
      serviceId,
      respondents: rollup.respondents,
      ikm: s.ikmRounded,
      mutu: s.mutu,
    };
  };
  return [
    row('mpp', null, null, r.mpp),
    ...[...r.byAgency].map(([id, x]) => row('agency', id, null, x)),
    ...[...r.byService].map(([id, x]) =>
      row('service', app.catalogue.service(id)?.agencyId ?? null, id, x),
    ),
  ];
}

/**
 * Daily queue figures per service, streamed from PostgreSQL in pages so a year of data is
 * never held in memory at once. Only counts and a median leave the database.
 */
export function openQueuePages(app: AppContext, url: URL) {
  // checked now, when the handler calls this, not at the first read of the stream: a bad date is
  // a 400, never a 200 whose body is cut off
  const asked = readDayRange(url);
  const today = localDay(app.catalogue.config.instance.timezone);
  // No figures exist after today; clamping also keeps the weekly loop inside four-digit years.
  const to = [asked.to ?? addDays(today, -1), today].sort()[0] as string;
  let from = asked.from ?? addDays(to, -27);
  if (from > to) from = to;
  if (Date.parse(to) - Date.parse(from) > 366 * 86_400_000) from = addDays(to, -366);
  return queuePages(app, from, to);
}

async function* queuePages(app: AppContext, from: string, to: string) {
  for (let day = from; day <= to; day = addDays(day, 7)) {
    const end = [addDays(day, 6), to].sort()[0] as string;
    const r = await app.pool.query<{
      d: string;
      agency_id: string;
      service_id: string;
      arrivals: number;
      served: number;
      no_show: number;
      w50: number | null;
    }>(
      `select service_day::text as d, agency_id, service_id, count(*)::int as arrivals,
              count(*) filter (where status = 'served')::int as served,
              count(*) filter (where status = 'no-show')::int as no_show,
              percentile_cont(0.5) within group (order by extract(epoch from called_at - issued_at) / 60) as w50
       from mpp_queue_visits where service_day >= $1::date and service_day <= $2::date
       group by 1, 2, 3 order by 1, 2, 3`,
      [day, end],
    );
    yield r.rows.map((x) => ({
      day: x.d,
      agencyId: x.agency_id,
      serviceId: x.service_id,
      arrivals: x.arrivals,
      served: x.served,
      noShow: x.no_show,
      medianWaitMinutes: x.w50 === null ? null : Math.round(x.w50 * 10) / 10,
    }));
  }
}

/** The same rows one by one. */
export function openQueueRows(app: AppContext, url: URL) {
  const pages = openQueuePages(app, url);
  return (async function* () {
    for await (const page of pages) yield* page;
  })();
}

/** Objects as CSV with a header from the first row's keys. */
export function toCsv(rows: Record<string, unknown>[]): string {
  const first = rows[0];
  if (!first) return '';
  const keys = Object.keys(first);
  return `${[keys.join(','), ...rows.map((r) => keys.map((k) => csvCell(r[k] === null || r[k] === undefined ? '' : String(r[k]))).join(','))].join('\n')}\n`;
}

export const OPEN_HEADERS = {
  'access-control-allow-origin': '*',
  'cache-control': 'public, max-age=300',
};
