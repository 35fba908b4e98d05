// Property: analytics read from the roll-up (closed months and days stored, today live) equal the
// same figures computed here, independently, from the raw ticket rows, also after tickets of
// closed days change (the trigger marks them stale and they are rolled up again).

import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analytics, AnalyticsRange } from '../src/features/analytics/analytics-figures.js';
import { planRange } from '../src/features/analytics/analytics-rollup.js';
import { AnalyticsService } from '../src/features/analytics/analytics-service.js';
import { forecastDay, nextOpenDay } from '../src/features/analytics/forecast.js';
import { buildCatalogue, type Catalogue } from '../src/features/catalogue/catalogue.js';
import { loadConfig } from '../src/features/catalogue/load-config.js';
import { addDays, localDay } from '../src/shared/time/local-day.js';
import { type AppProcess, demoConfigFile, startApp } from './support/app-process.js';

interface RawTicket {
  service_day: string;
  service_id: string;
  agency_id: string;
  status: string;
  counter_id: string | null;
  issued_at: Date;
  called_at: Date | null;
  started_at: Date | null;
  finished_at: Date | null;
}

const WAIT = [5, 10, 15, 20, 30, 45, 60];

// The reference below keeps the old words; rows are stored in the engine's vocabulary.
const engineStatus = (expr: string) =>
  `case ${expr} when 'done' then 'served' when 'no_show' then 'no-show' else ${expr} end`;
const SERVE = [2, 4, 6, 8, 10, 15, 20, 30];

function localParts(tz: string, at: Date): { dow: number; hour: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    weekday: 'short',
    hour: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(at);
  const wd = parts.find((p) => p.type === 'weekday')?.value ?? '';
  const dow = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(wd) + 1;
  return { dow, hour: Number(parts.find((p) => p.type === 'hour')?.value) };
}

function nearestRank(values: number[], pct: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((values.length * pct) / 100) - 1] ?? null;
}

function bucketCounts(values: number[], edges: number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (const v of values) {
    let i = 0;
    while (i < edges.length && v > (edges[i] as number)) i++;
    counts[i] = (counts[i] as number) + 1;
  }
  return counts;
}

/** The figures straight from ticket rows, written without the roll-up's code. */
function reference(
  all: RawTicket[],
  catalogue: Catalogue,
  range: AnalyticsRange,
  today: string,
  agencyId: string | null,
  target: number,
): Omit<Analytics, 'waitBuckets' | 'serviceBuckets'> & {
  waitCounts: number[];
  serviceCounts: number[];
} {
  const tz = catalogue.config.instance.timezone;
  const scoped = all.filter((t) => agencyId === null || t.agency_id === agencyId);
  const last = range.to < today ? range.to : today;
  const tickets = scoped.filter((t) => t.service_day >= range.from && t.service_day <= last);
  const minutes = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 60_000;
  const waitOf = (t: RawTicket) => (t.called_at ? minutes(t.issued_at, t.called_at) : null);
  const serveOf = (t: RawTicket) => {
    const from = t.started_at ?? t.called_at;
    return t.status === 'done' && t.finished_at && from ? minutes(from, t.finished_at) : null;
  };
  const up = (v: number) => Math.max(Math.ceil(v), 0);
  const heatmap = Array.from({ length: 8 }, () => new Array<number>(24).fill(0));
  for (const t of tickets) {
    const { dow, hour } = localParts(tz, t.issued_at);
    (heatmap[dow] as number[])[hour] = ((heatmap[dow] as number[])[hour] as number) + 1;
  }
  const figures = (group: RawTicket[]) => {
    const waits = group.map(waitOf).filter((w): w is number => w !== null);
    const serves = group.map(serveOf).filter((s): s is number => s !== null);
    const served = group.filter((t) => t.status === 'done').length;
    const noShow = group.filter((t) => t.status === 'no_show').length;
    return {
      arrivals: group.length,
      served,
      noShow,
      noShowRate: served + noShow > 0 ? noShow / (served + noShow) : null,
      waitP50: nearestRank(waits.map(up), 50),
      waitP90: nearestRank(waits.map(up), 90),
      serviceP50: nearestRank(serves.map(up), 50),
      serviceP90: nearestRank(serves.map(up), 90),
      serviceLevel:
        waits.length > 0 ? waits.filter((w) => w <= target).length / waits.length : null,
    };
  };
  const groupBy = <K>(list: RawTicket[], key: (t: RawTicket) => K) => {
    const m = new Map<K, RawTicket[]>();
    for (const t of list) m.set(key(t), [...(m.get(key(t)) ?? []), t]);
    return m;
  };
  const agencyOf = (serviceId: string) => catalogue.service(serviceId)?.agencyId ?? '-';
  const services = [...groupBy(tickets, (t) => t.service_id)]
    .map(([serviceId, g]) => ({ serviceId, agencyId: agencyOf(serviceId), ...figures(g) }))
    .sort((a, b) => b.arrivals - a.arrivals || a.serviceId.localeCompare(b.serviceId));
  const agencies = [...groupBy(tickets, (t) => agencyOf(t.service_id))]
    .map(([id, g]) => ({ agencyId: id, ...figures(g) }))
    .sort((a, b) => b.arrivals - a.arrivals || a.agencyId.localeCompare(b.agencyId));

  // idle: per day, agency and counter, hours between its first and last call without a call
  // while one of its services had someone waiting over 15 minutes in that hour
  const idle = new Map<string, number>();
  for (const [, dayTickets] of groupBy(tickets, (t) => `${t.service_day}|${t.agency_id}`)) {
    const waitingHours = new Set<string>();
    const calls = new Map<string, Set<number>>();
    for (const t of dayTickets) {
      const w = waitOf(t);
      if (t.called_at && w !== null && w > 15) {
        const from = localParts(tz, t.issued_at).hour + 1;
        const to = localParts(tz, new Date(t.called_at.getTime() - 15 * 60_000)).hour;
        for (let h = from; h <= to; h++) waitingHours.add(`${t.service_id}|${h}`);
      }
      if (t.counter_id && t.called_at) {
        const set = calls.get(t.counter_id) ?? new Set<number>();
        set.add(localParts(tz, t.called_at).hour);
        calls.set(t.counter_id, set);
      }
    }
    for (const [counterId, hours] of calls) {
      const lo = Math.min(...hours);
      const hi = Math.max(...hours);
      for (let h = lo; h <= hi; h++) {
        if (hours.has(h)) continue;
        if (catalogue.counterServices(counterId).some((s) => waitingHours.has(`${s}|${h}`)))
          idle.set(counterId, (idle.get(counterId) ?? 0) + 1);
      }
    }
  }
  const counters = [
    ...groupBy(
      tickets.filter((t) => t.status === 'done' && t.counter_id),
      (t) => t.counter_id as string,
    ),
  ]
    .map(([counterId, g]) => ({
      counterId,
      agencyId: catalogue.counter(counterId)?.agency ?? '-',
      served: g.length,
      idleHours: idle.get(counterId) ?? 0,
    }))
    .sort((a, b) => b.served - a.served || a.counterId.localeCompare(b.counterId));

  const forecastFor = nextOpenDay(range.to, [
    ...new Set(catalogue.config.hours.flatMap((h) => h.days)),
  ]);
  const samples = [1, 2, 3, 4].map((w) => addDays(forecastFor, -7 * w));
  const history = new Map<string, Map<string, number>>();
  for (const t of scoped.filter((x) => samples.includes(x.service_day) && x.service_day <= today)) {
    const key = `${t.service_day}|${localParts(tz, t.issued_at).hour}`;
    const m = history.get(t.service_id) ?? new Map<string, number>();
    m.set(key, (m.get(key) ?? 0) + 1);
    history.set(t.service_id, m);
  }
  const total = figures(tickets);
  return {
    range,
    targetMinutes: target,
    heatmap,
    waitCounts: bucketCounts(
      tickets
        .map(waitOf)
        .filter((w) => w !== null)
        .map(up),
      WAIT,
    ),
    serviceCounts: bucketCounts(
      tickets
        .map(serveOf)
        .filter((s) => s !== null)
        .map(up),
      SERVE,
    ),
    services,
    agencies,
    counters,
    forecast: {
      day: forecastFor,
      services: [...history]
        .map(([serviceId, m]) => ({
          serviceId,
          hours: forecastDay(
            [...m].map(([k, count]) => {
              const [day = '', hour = '0'] = k.split('|');
              return { day, hour: Number(hour), count };
            }),
            forecastFor,
          ),
        }))
        .sort((a, b) => a.serviceId.localeCompare(b.serviceId)),
    },
    totals: {
      arrivals: total.arrivals,
      served: total.served,
      noShow: total.noShow,
      serviceLevel: total.serviceLevel,
    },
  };
}

function comparable(a: Analytics) {
  const { waitBuckets, serviceBuckets, ...rest } = a;
  return {
    ...rest,
    waitCounts: waitBuckets.map((b) => b.count),
    serviceCounts: serviceBuckets.map((b) => b.count),
  };
}

describe('analytics roll-up', () => {
  it('plans whole closed months, closed days and today', () => {
    expect(planRange('2026-09-15', '2026-11-23', '2026-11-23')).toEqual({
      months: ['2026-10-01'],
      days: [
        ...Array.from({ length: 16 }, (_, i) => addDays('2026-09-15', i)),
        ...Array.from({ length: 22 }, (_, i) => addDays('2026-11-01', i)),
      ],
      live: ['2026-11-23'],
    });
    // a month that ends today is not closed
    expect(planRange('2026-11-01', '2026-11-30', '2026-11-30').months).toEqual([]);
    expect(planRange('2026-12-01', '2026-12-31', '2026-11-30')).toEqual({
      months: [],
      days: [],
      live: [],
    });
  });

  let app: AppProcess;
  let pool: pg.Pool;
  let catalogue: Catalogue;
  beforeAll(async () => {
    app = await startApp({ env: { MPP_DEMO_HISTORY: 'false' } });
    pool = new pg.Pool({ connectionString: app.databaseUrl, max: 3 });
    // a connection still closing when the app's database stops at the end is no failure
    pool.on('connect', (client) => client.on('error', () => {}));
    catalogue = buildCatalogue(await loadConfig(demoConfigFile));
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    await app?.stop();
  });

  it('equals figures computed from the raw ticket rows, before and after closed days change', async () => {
    const tz = catalogue.config.instance.timezone;
    const today = localDay(tz);
    // two agencies, a few services each, and their counters
    const agencyIds = catalogue.agencies.slice(0, 2).map((a) => a.id);
    const services = catalogue.agencies
      .slice(0, 2)
      .flatMap((a) => a.services.slice(0, 3).map((s) => ({ id: s.id, agency: a.id })));
    const countersOf = (serviceId: string) =>
      catalogue.config.counters.filter((c) => c.services.includes(serviceId)).map((c) => c.id);
    const ticketArb = fc.record({
      dayBack: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 75 })),
      service: fc.integer({ min: 0, max: services.length - 1 }),
      counter: fc.nat(),
      status: fc.constantFrom('done', 'done', 'no_show', 'waiting', 'called', 'serving'),
      issuedMinute: fc.integer({ min: 0, max: 12 * 60 }),
      waitSeconds: fc.oneof(
        fc.integer({ min: 0, max: 5400 }),
        fc.constantFrom(0, 300, 900, 901, 1800),
      ),
      startedAfter: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
      serveSeconds: fc.integer({ min: 0, max: 2400 }),
    });
    const mutationArb = fc.array(
      fc.record({
        pick: fc.nat(),
        status: fc.constantFrom('done', 'no_show'),
        waitSeconds: fc.integer({ min: 0, max: 4000 }),
      }),
      { maxLength: 5 },
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(ticketArb, { minLength: 30, maxLength: 250 }),
        mutationArb,
        fc.integer({ min: 1, max: 60 }),
        async (specs, mutations, target) => {
          run++;
          await pool.query("delete from mpp_queue_tickets where site_id = 'mpp'");
          // the engine lets a counter hold one called or serving ticket (a unique index): a
          // second one drawn for the same counter is recorded as served
          const holding = new Set<string>();
          const rows: RawTicket[] = specs.map((s) => {
            const svc = services[s.service] as { id: string; agency: string };
            const day = addDays(today, -s.dayBack);
            // 07:00 WIB-ish onwards; the figures use whatever local hour results
            const issued = new Date(Date.parse(`${day}T00:00:00Z`) + s.issuedMinute * 60_000);
            const called =
              s.status === 'waiting' ? null : new Date(issued.getTime() + s.waitSeconds * 1000);
            const counters = countersOf(svc.id);
            const counter =
              called && counters.length > 0
                ? (counters[s.counter % counters.length] as string)
                : null;
            let status = s.status;
            if (counter && (status === 'called' || status === 'serving')) {
              if (holding.has(counter)) status = 'done';
              else holding.add(counter);
            }
            const started =
              called && s.startedAfter !== null
                ? new Date(called.getTime() + s.startedAfter * 1000)
                : null;
            const finished =
              status === 'done' && called
                ? new Date((started ?? called).getTime() + s.serveSeconds * 1000)
                : null;
            return {
              service_day: day,
              service_id: svc.id,
              agency_id: svc.agency,
              status: called ? status : 'waiting',
              counter_id: counter,
              issued_at: issued,
              called_at: called,
              started_at: started,
              finished_at: finished,
            };
          });
          await pool.query(
            // the engine's table, in any state (a test fixture: no engine command sets past times)
            `insert into mpp_queue_tickets (id, site_id, service_id, agency_id, service_day,
               number_service_id, sequence, label, channel, priority_class, class_rank, band, status,
               issued_at, arrival_at, order_at, callable_at, called_at, last_called_at, serving_at,
               finished_at, call_count, counter_id, root_id, issue_order, updated_at)
             select u.id, 'mpp', s, a, d, 'fixture/' || s, i::int, 'p${run}-' || i, 'kiosk', null, 1,
                    'walk-in', ${engineStatus('st')}, ms(ia), ms(ia), ms(ia), ms(ia), ms(ca), ms(ca), ms(sa),
                    ms(fa), case when ca is null then 0 else 1 end, c, u.id, i, ms(ia)
             from unnest($1::date[], $2::text[], $3::text[], $4::text[], $5::text[],
                         $6::timestamptz[], $7::timestamptz[], $8::timestamptz[], $9::timestamptz[])
                  with ordinality as x(d, s, a, st, c, ia, ca, sa, fa, i)
             -- naming the row draws a uuid per row (an uncorrelated subquery runs once)
             cross join lateral (select gen_random_uuid() as id, x.i as for_row) u`.replaceAll(
              /ms\(([a-z]+)\)/g,
              '(extract(epoch from $1) * 1000)::bigint',
            ),
            [
              rows.map((r) => r.service_day),
              rows.map((r) => r.service_id),
              rows.map((r) => r.agency_id),
              rows.map((r) => r.status),
              rows.map((r) => r.counter_id),
              rows.map((r) => r.issued_at),
              rows.map((r) => r.called_at),
              rows.map((r) => r.started_at),
              rows.map((r) => r.finished_at),
            ],
          );
          const analytics = new AnalyticsService(pool, catalogue);
          const ranges: AnalyticsRange[] = [
            { from: addDays(today, -75), to: today },
            { from: addDays(today, -40), to: addDays(today, -1) },
            { from: addDays(today, -6), to: today },
          ];
          const check = async () => {
            for (const range of ranges)
              for (const agency of [null, agencyIds[0] as string]) {
                const got = await analytics.compute(range, agency, target);
                expect(comparable(got)).toEqual(
                  reference(rows, catalogue, range, today, agency, target),
                );
              }
          };
          await check();
          // late changes to closed days are rolled up again
          const past = rows
            .map((r, i) => ({ r, i }))
            .filter(({ r }) => r.service_day < today && r.called_at);
          for (const m of mutations) {
            if (past.length === 0) break;
            const { r, i } = past[m.pick % past.length] as { r: RawTicket; i: number };
            r.status = m.status;
            r.called_at = new Date(r.issued_at.getTime() + m.waitSeconds * 1000);
            r.started_at = null;
            r.finished_at = m.status === 'done' ? new Date(r.called_at.getTime() + 240_000) : null;
            await pool.query(
              `update mpp_queue_tickets set status = ${engineStatus('$2::text')},
                 called_at = (extract(epoch from $3::timestamptz) * 1000)::bigint,
                 last_called_at = (extract(epoch from $3::timestamptz) * 1000)::bigint, serving_at = null,
                 finished_at = (extract(epoch from $4::timestamptz) * 1000)::bigint
               where label = $1`,
              [`p${run}-${i + 1}`, r.status, r.called_at, r.finished_at],
            );
          }
          await check();
        },
      ),
      { numRuns: 12 },
    );
  }, 240_000);

  it('rolls up the closed days ahead of the first view (the background job), skipping fresh ones', async () => {
    const analytics = new AnalyticsService(pool, catalogue);
    const fresh = async () =>
      Number(
        (
          await pool.query<{ n: string }>(
            `select count(*) as n from ticket_rollup_mark where grain = 'd' and fresh`,
          )
        ).rows[0]?.n,
      );
    await pool.query('delete from ticket_rollup_mark');
    await analytics.rollUpClosedDays(40);
    // 40 closed days, each marked fresh (whole months are built from their days)
    expect(await fresh()).toBe(40);
    // a ticket written to a closed day marks it stale; the next run builds it again
    const today = localDay(catalogue.config.instance.timezone);
    const touched = await pool.query(
      `update mpp_queue_tickets set last_called_at = last_called_at
        where service_day >= $1::date and service_day < $2::date returning service_day`,
      [addDays(today, -40), today],
    );
    const staleDays = new Set(touched.rows.map((r) => String(r.service_day))).size;
    expect(await fresh()).toBe(40 - staleDays);
    await analytics.rollUpClosedDays(40);
    expect(await fresh()).toBe(40);
  }, 60_000);
});
