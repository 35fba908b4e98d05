import type { Catalogue } from '../catalogue/catalogue.js';
import { forecastDay, type HourForecast } from './forecast.js';

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
  /** Waiting time percentiles in whole minutes, rounded up ("half waited at most N minutes"). */
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

/** Kinds of roll-up rows (migration 0105 documents each). */
export type RollupKind = 'arr' | 'done' | 'nos' | 'w' | 's' | 'cs' | 'idle';

/** One roll-up row summed over the days of a range: `a` is a service or counter id. */
export interface RollupRow {
  kind: RollupKind;
  a: string;
  x: number;
  n: number;
}

/** Upper edges (inclusive, whole minutes) of the chart buckets; the last bucket is "more". */
export const WAIT_EDGES = [5, 10, 15, 20, 30, 45, 60];
export const SERVICE_EDGES = [2, 4, 6, 8, 10, 15, 20, 30];

/** Labels for minute buckets: ≤ 5, 6–10, …, > 60 (minutes rounded up). */
export function bucketLabels(edges: readonly number[]): string[] {
  const labels = [`≤ ${edges[0]}`];
  for (let i = 1; i < edges.length; i++) labels.push(`${(edges[i - 1] as number) + 1}–${edges[i]}`);
  labels.push(`> ${edges[edges.length - 1]}`);
  return labels;
}

/** Index of the bucket holding `minutes` (whole minutes, rounded up). */
export function bucketOf(minutes: number, edges: readonly number[]): number {
  const i = edges.findIndex((e) => minutes <= e);
  return i === -1 ? edges.length : i;
}

/** Minute histogram: minutes → count. */
type Histogram = Map<number, number>;

function addTo(h: Histogram, minutes: number, n: number): void {
  h.set(minutes, (h.get(minutes) ?? 0) + n);
}

/**
 * Nearest-rank percentile of a minute histogram: the smallest minute m with at least
 * ceil(n × pct / 100) values ≤ m. Integer arithmetic, so it matches a sort of the raw values.
 */
export function histogramPercentile(h: Histogram, pct: number): number | null {
  let total = 0;
  for (const n of h.values()) total += n;
  if (total === 0) return null;
  const rank = Math.ceil((total * pct) / 100);
  let seen = 0;
  for (const m of [...h.keys()].sort((a, b) => a - b)) {
    seen += h.get(m) ?? 0;
    if (seen >= rank) return m;
  }
  return null;
}

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);

interface Acc {
  arrivals: number;
  served: number;
  noShow: number;
  wait: Histogram;
  service: Histogram;
}

const emptyAcc = (): Acc => ({
  arrivals: 0,
  served: 0,
  noShow: 0,
  wait: new Map(),
  service: new Map(),
});

function figuresOf(
  acc: Acc,
  targetMinutes: number,
): Omit<ServiceFigures, 'serviceId' | 'agencyId'> {
  let called = 0;
  let within = 0;
  for (const [m, n] of acc.wait) {
    called += n;
    if (m <= targetMinutes) within += n;
  }
  return {
    arrivals: acc.arrivals,
    served: acc.served,
    noShow: acc.noShow,
    noShowRate: rate(acc.noShow, acc.served + acc.noShow),
    waitP50: histogramPercentile(acc.wait, 50),
    waitP90: histogramPercentile(acc.wait, 90),
    serviceP50: histogramPercentile(acc.service, 50),
    serviceP90: histogramPercentile(acc.service, 90),
    serviceLevel: rate(within, called),
  };
}

/**
 * Every analytics figure from roll-up rows summed over a range (pure: the same code serves the
 * stored closed days and today's live rows, which arrive already summed together).
 * `history` is arrivals per service, day and hour on the forecast's sample days.
 */
export function analyticsFromRollup(input: {
  range: AnalyticsRange;
  targetMinutes: number;
  rows: readonly RollupRow[];
  history: readonly { serviceId: string; day: string; hour: number; count: number }[];
  forecastFor: string;
  catalogue: Pick<Catalogue, 'service' | 'counter'>;
}): Analytics {
  const { rows, catalogue, targetMinutes } = input;
  const heatmap = Array.from({ length: 8 }, () => new Array<number>(24).fill(0));
  const waitCounts = new Array<number>(WAIT_EDGES.length + 1).fill(0);
  const serviceCounts = new Array<number>(SERVICE_EDGES.length + 1).fill(0);
  const perService = new Map<string, Acc>();
  const counterServed = new Map<string, number>();
  const counterIdle = new Map<string, number>();
  const acc = (id: string) => {
    let a = perService.get(id);
    if (!a) {
      a = emptyAcc();
      perService.set(id, a);
    }
    return a;
  };
  for (const r of rows) {
    switch (r.kind) {
      case 'arr': {
        const row = heatmap[Math.floor(r.x / 100)];
        if (row) row[r.x % 100] = (row[r.x % 100] ?? 0) + r.n;
        acc(r.a).arrivals += r.n;
        break;
      }
      case 'done':
        acc(r.a).served += r.n;
        break;
      case 'nos':
        acc(r.a).noShow += r.n;
        break;
      case 'w': {
        addTo(acc(r.a).wait, r.x, r.n);
        const b = bucketOf(r.x, WAIT_EDGES);
        waitCounts[b] = (waitCounts[b] ?? 0) + r.n;
        break;
      }
      case 's': {
        addTo(acc(r.a).service, r.x, r.n);
        const b = bucketOf(r.x, SERVICE_EDGES);
        serviceCounts[b] = (serviceCounts[b] ?? 0) + r.n;
        break;
      }
      case 'cs':
        counterServed.set(r.a, (counterServed.get(r.a) ?? 0) + r.n);
        break;
      case 'idle':
        counterIdle.set(r.a, (counterIdle.get(r.a) ?? 0) + r.n);
        break;
    }
  }

  const agencyOf = (serviceId: string) => catalogue.service(serviceId)?.agencyId ?? '-';
  const services = [...perService]
    .filter(([, a]) => a.arrivals > 0)
    .map(([serviceId, a]) => ({
      serviceId,
      agencyId: agencyOf(serviceId),
      ...figuresOf(a, targetMinutes),
    }))
    .sort((a, b) => b.arrivals - a.arrivals || a.serviceId.localeCompare(b.serviceId));

  const perAgency = new Map<string, Acc>();
  const all = emptyAcc();
  for (const [serviceId, a] of perService) {
    if (a.arrivals === 0) continue;
    const agencyId = agencyOf(serviceId);
    const target = perAgency.get(agencyId) ?? emptyAcc();
    perAgency.set(agencyId, target);
    for (const sum of [target, all]) {
      sum.arrivals += a.arrivals;
      sum.served += a.served;
      sum.noShow += a.noShow;
      for (const [m, n] of a.wait) addTo(sum.wait, m, n);
      for (const [m, n] of a.service) addTo(sum.service, m, n);
    }
  }
  const agencies = [...perAgency]
    .map(([agencyId, a]) => ({ agencyId, ...figuresOf(a, targetMinutes) }))
    .sort((a, b) => b.arrivals - a.arrivals || a.agencyId.localeCompare(b.agencyId));

  const counters = [...counterServed]
    .map(([counterId, served]) => ({
      counterId,
      agencyId: catalogue.counter(counterId)?.agency ?? '-',
      served,
      idleHours: counterIdle.get(counterId) ?? 0,
    }))
    .sort((a, b) => b.served - a.served || a.counterId.localeCompare(b.counterId));

  const historyByService = new Map<string, { day: string; hour: number; count: number }[]>();
  for (const h of input.history) {
    const list = historyByService.get(h.serviceId) ?? [];
    list.push({ day: h.day, hour: h.hour, count: h.count });
    historyByService.set(h.serviceId, list);
  }
  const totals = figuresOf(all, targetMinutes);
  const waitLabels = bucketLabels(WAIT_EDGES);
  const serviceLabels = bucketLabels(SERVICE_EDGES);
  return {
    range: input.range,
    targetMinutes,
    heatmap,
    waitBuckets: waitLabels.map((label, i) => ({ label, count: waitCounts[i] ?? 0 })),
    serviceBuckets: serviceLabels.map((label, i) => ({ label, count: serviceCounts[i] ?? 0 })),
    services,
    agencies,
    counters,
    forecast: {
      day: input.forecastFor,
      services: [...historyByService]
        .map(([serviceId, list]) => ({ serviceId, hours: forecastDay(list, input.forecastFor) }))
        .sort((a, b) => a.serviceId.localeCompare(b.serviceId)),
    },
    totals: {
      arrivals: totals.arrivals,
      served: totals.served,
      noShow: totals.noShow,
      serviceLevel: totals.serviceLevel,
    },
  };
}
