import type pg from 'pg';
import type { Catalogue } from '../lib/catalogue.js';
import { forecastDay, type HourForecast, nextOpenDay } from '../lib/forecast.js';

export interface AnalyticsRange {
  /** First day, inclusive (YYYY-MM-DD). */
  from: string;
  /** Last day, inclusive (YYYY-MM-DD). */
  to: string;
}

export interface ServiceFigures {
  serviceId: string;
  agencyId: string;
  arrivals: number;
  served: number;
  noShow: number;
  noShowRate: number | null;
  waitP50: number | null;
  waitP90: number | null;
  serviceP50: number | null;
  serviceP90: number | null;
  /** Share of called tickets that waited no longer than the target. */
  serviceLevel: number | null;
}

export interface Analytics {
  range: AnalyticsRange;
  targetMinutes: number;
  /** counts[isoWeekday 1–7][hour 0–23] of arrivals */
  heatmap: number[][];
  waitBuckets: { label: string; count: number }[];
  serviceBuckets: { label: string; count: number }[];
  services: ServiceFigures[];
  agencies: Omit<ServiceFigures, 'serviceId'>[];
  counters: { counterId: string; agencyId: string; served: number; idleHours: number }[];
  forecast: { day: string; services: { serviceId: string; hours: HourForecast[] }[] };
  totals: { arrivals: number; served: number; noShow: number; serviceLevel: number | null };
}

/** One row of the combined analytics query; `k` says which aggregate it belongs to. */
interface AggregateRow {
  k: 'service' | 'heat' | 'wait' | 'serve' | 'counter' | 'calls' | 'waiting';
  a: string | null;
  d: string | null;
  x: number | null;
  n: number;
  served: number | null;
  no_show: number | null;
  called: number | null;
  within: number | null;
  w50: number | null;
  w90: number | null;
  s50: number | null;
  s90: number | null;
}

const WAIT_EDGES = [5, 10, 15, 20, 30, 45, 60];
const SERVICE_EDGES = [2, 4, 6, 8, 10, 15, 20, 30];

function bucketLabels(edges: number[]): string[] {
  const labels = [`< ${edges[0]}`];
  for (let i = 1; i < edges.length; i++) labels.push(`${edges[i - 1]}–${edges[i]}`);
  labels.push(`≥ ${edges[edges.length - 1]}`);
  return labels;
}

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** Queue analytics for managers, read straight from the ticket table for a day range. */
export class AnalyticsService {
  constructor(
    private readonly pool: pg.Pool,
    private readonly catalogue: Catalogue,
  ) {}

  private get tz(): string {
    return this.catalogue.config.instance.timezone;
  }

  async compute(
    range: AnalyticsRange,
    agencyId: string | null,
    targetMinutes = 15,
  ): Promise<Analytics> {
    const params = [range.from, range.to, agencyId, this.tz];
    const scope = `service_day >= $1::date and service_day <= $2::date and ($3::text is null or agency_id = $3)`;
    const forecastFor = nextOpenDay(range.to, [
      ...new Set(this.catalogue.config.hours.flatMap((h) => h.days)),
    ]);
    const sampleDays = [1, 2, 3, 4].map((w) =>
      new Date(Date.parse(`${forecastFor}T00:00:00Z`) - w * 7 * 86_400_000)
        .toISOString()
        .slice(0, 10),
    );
    // One scan of the range feeds every figure: the rows are read once into a materialised CTE
    // and each aggregate is one branch of a UNION ALL, told apart by `k`.
    const [combined, history] = await Promise.all([
      this.pool.query<AggregateRow>(
        `with t as materialized (
           select service_day, service_id, status, counter_id,
                  extract(isodow from issued_at at time zone $4)::int as dow,
                  extract(hour from issued_at at time zone $4)::int as ih,
                  extract(hour from called_at at time zone $4)::int as ch,
                  extract(hour from (called_at - interval '15 minutes') at time zone $4)::int as lh,
                  extract(epoch from called_at - issued_at) / 60 as w,
                  case when status = 'done' then extract(epoch from finished_at - coalesce(started_at, called_at)) / 60 end as s
           from ticket where ${scope})
         select 'service' as k, service_id as a, null::text as d, null::int as x, count(*)::int as n,
                count(*) filter (where status = 'done')::int as served,
                count(*) filter (where status = 'no_show')::int as no_show,
                count(w)::int as called,
                count(*) filter (where w <= $5)::int as within,
                percentile_cont(0.5) within group (order by w) as w50,
                percentile_cont(0.9) within group (order by w) as w90,
                percentile_cont(0.5) within group (order by s) as s50,
                percentile_cont(0.9) within group (order by s) as s90
         from t group by service_id
         union all
         select 'heat', null, null, dow * 100 + ih, count(*)::int, null, null, null, null, null, null, null, null from t group by dow, ih
         union all
         select 'wait', null, null, width_bucket(w, $6::float8[]), count(*)::int, null, null, null, null, null, null, null, null from t where w is not null group by 4
         union all
         select 'serve', null, null, width_bucket(s, $7::float8[]), count(*)::int, null, null, null, null, null, null, null, null from t where s is not null group by 4
         union all
         select 'counter', counter_id, null, null, count(*)::int, null, null, null, null, null, null, null, null from t where status = 'done' and counter_id is not null group by counter_id
         union all
         select 'calls', counter_id, service_day::text, ch, count(*)::int, null, null, null, null, null, null, null, null from t where counter_id is not null and ch is not null group by counter_id, service_day, ch
         union all
         select distinct 'waiting', t.service_id, t.service_day::text, h.h, 0, null::int, null::int, null::int, null::int, null::float8, null::float8, null::float8, null::float8
         from t cross join lateral generate_series(t.ih + 1, t.lh) as h(h) where t.w > 15`,
        [...params, targetMinutes, WAIT_EDGES, SERVICE_EDGES],
      ),
      this.pool.query<{ service_id: string; d: string; h: number; n: number }>(
        `select service_id, service_day::text as d, extract(hour from issued_at at time zone $2)::int as h, count(*)::int as n
         from ticket where service_day = any($1::date[]) and ($3::text is null or agency_id = $3)
         group by 1, 2, 3`,
        [sampleDays, this.tz, agencyId],
      ),
    ]);
    const rowsOf = (k: AggregateRow['k']) => combined.rows.filter((r) => r.k === k);
    const heat = {
      rows: rowsOf('heat').map((r) => ({
        dow: Math.floor((r.x ?? 0) / 100),
        h: (r.x ?? 0) % 100,
        n: r.n,
      })),
    };
    const perService = {
      rows: rowsOf('service').map((r) => ({
        service_id: r.a ?? '',
        arrivals: r.n,
        served: r.served ?? 0,
        no_show: r.no_show ?? 0,
        called: r.called ?? 0,
        within: r.within ?? 0,
        w50: r.w50,
        w90: r.w90,
        s50: r.s50,
        s90: r.s90,
      })),
    };
    const waitHist = { rows: rowsOf('wait').map((r) => ({ b: r.x ?? 0, n: r.n })) };
    const serviceHist = { rows: rowsOf('serve').map((r) => ({ b: r.x ?? 0, n: r.n })) };
    const counters = {
      rows: rowsOf('counter')
        .map((r) => ({ counter_id: r.a ?? '', n: r.n }))
        .sort((a, b) => b.n - a.n),
    };
    const waiting = {
      rows: rowsOf('waiting').map((r) => ({ d: r.d ?? '', service_id: r.a ?? '', h: r.x ?? 0 })),
    };
    const calls = {
      rows: rowsOf('calls').map((r) => ({
        d: r.d ?? '',
        counter_id: r.a ?? '',
        h: r.x ?? 0,
        n: r.n,
      })),
    };

    const heatmap = Array.from({ length: 8 }, () => new Array<number>(24).fill(0));
    for (const r of heat.rows) (heatmap[r.dow] as number[])[r.h] = r.n;

    const toBuckets = (rows: { b: number; n: number }[], edges: number[]) => {
      const labels = bucketLabels(edges);
      const counts = new Array<number>(labels.length).fill(0);
      for (const r of rows) {
        const i = Math.min(Math.max(r.b, 0), labels.length - 1);
        counts[i] = (counts[i] as number) + r.n;
      }
      return labels.map((label, i) => ({ label, count: counts[i] as number }));
    };

    const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
    const services: (ServiceFigures & { called: number; within: number })[] = perService.rows
      .map((r) => ({
        serviceId: r.service_id,
        agencyId: this.catalogue.service(r.service_id)?.agencyId ?? '-',
        arrivals: r.arrivals,
        served: r.served,
        noShow: r.no_show,
        noShowRate: rate(r.no_show, r.served + r.no_show),
        waitP50: round(r.w50),
        waitP90: round(r.w90),
        serviceP50: round(r.s50),
        serviceP90: round(r.s90),
        serviceLevel: rate(r.within, r.called),
        called: r.called,
        within: r.within,
      }))
      .sort((a, b) => b.arrivals - a.arrivals);

    const agencyMap = new Map<
      string,
      {
        arrivals: number;
        served: number;
        noShow: number;
        called: number;
        within: number;
        w: number[];
        s: number[];
      }
    >();
    for (const s of services) {
      const a = agencyMap.get(s.agencyId) ?? {
        arrivals: 0,
        served: 0,
        noShow: 0,
        called: 0,
        within: 0,
        w: [],
        s: [],
      };
      a.arrivals += s.arrivals;
      a.served += s.served;
      a.noShow += s.noShow;
      a.called += s.called;
      a.within += s.within;
      agencyMap.set(s.agencyId, a);
    }
    // Agency medians would need the raw waits; weighted means of the services' medians are a
    // fair summary for a table that links through to the services.
    const weighted = (agency: string, pick: (s: ServiceFigures) => number | null) => {
      let sum = 0;
      let weight = 0;
      for (const s of services) {
        const v = pick(s);
        if (s.agencyId !== agency || v === null) continue;
        sum += v * s.served;
        weight += s.served;
      }
      return weight > 0 ? Math.round((sum / weight) * 10) / 10 : null;
    };
    const agencies = [...agencyMap].map(([id, a]) => ({
      agencyId: id,
      arrivals: a.arrivals,
      served: a.served,
      noShow: a.noShow,
      noShowRate: rate(a.noShow, a.served + a.noShow),
      waitP50: weighted(id, (s) => s.waitP50),
      waitP90: weighted(id, (s) => s.waitP90),
      serviceP50: weighted(id, (s) => s.serviceP50),
      serviceP90: weighted(id, (s) => s.serviceP90),
      serviceLevel: rate(a.within, a.called),
    }));

    // Idle while waiting: a counter that worked that day (between its first and last call)
    // called nobody in an hour in which one of its services had someone waiting.
    const waitingHours = new Set(waiting.rows.map((r) => `${r.d}|${r.service_id}|${r.h}`));
    const callsAt = new Map<string, Map<number, number>>();
    for (const r of calls.rows) {
      const key = `${r.d}|${r.counter_id}`;
      const hours = callsAt.get(key) ?? new Map<number, number>();
      hours.set(r.h, r.n);
      callsAt.set(key, hours);
    }
    const idle = new Map<string, number>();
    for (const [key, hours] of callsAt) {
      const [day = '', counterId = ''] = key.split('|');
      const serviceIds = this.catalogue.counterServices(counterId);
      const first = Math.min(...hours.keys());
      const last = Math.max(...hours.keys());
      for (let h = first; h <= last; h++) {
        if (hours.has(h)) continue;
        if (serviceIds.some((s) => waitingHours.has(`${day}|${s}|${h}`)))
          idle.set(counterId, (idle.get(counterId) ?? 0) + 1);
      }
    }
    const counterRows = counters.rows.map((r) => ({
      counterId: r.counter_id,
      agencyId: this.catalogue.counter(r.counter_id)?.agency ?? '-',
      served: r.n,
      idleHours: idle.get(r.counter_id) ?? 0,
    }));

    const historyByService = new Map<string, { day: string; hour: number; count: number }[]>();
    for (const r of history.rows) {
      const list = historyByService.get(r.service_id) ?? [];
      list.push({ day: r.d, hour: r.h, count: r.n });
      historyByService.set(r.service_id, list);
    }
    const forecast = {
      day: forecastFor,
      services: [...historyByService]
        .map(([serviceId, list]) => ({ serviceId, hours: forecastDay(list, forecastFor) }))
        .sort((a, b) => a.serviceId.localeCompare(b.serviceId)),
    };

    const totals = services.reduce(
      (t, s) => ({
        arrivals: t.arrivals + s.arrivals,
        served: t.served + s.served,
        noShow: t.noShow + s.noShow,
        called: t.called + s.called,
        within: t.within + s.within,
      }),
      { arrivals: 0, served: 0, noShow: 0, called: 0, within: 0 },
    );
    return {
      range,
      targetMinutes,
      heatmap,
      waitBuckets: toBuckets(waitHist.rows, WAIT_EDGES),
      serviceBuckets: toBuckets(serviceHist.rows, SERVICE_EDGES),
      services: services.map(({ called: _c, within: _w, ...s }) => s),
      agencies,
      counters: counterRows,
      forecast,
      totals: {
        arrivals: totals.arrivals,
        served: totals.served,
        noShow: totals.noShow,
        serviceLevel: rate(totals.within, totals.called),
      },
    };
  }
}
