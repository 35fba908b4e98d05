import type pg from 'pg';
import { transaction } from '../../shared/database/transaction.js';
import { addDays } from '../../shared/time/local-day.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import type { RollupRow } from './analytics-figures.js';

/** How a day range is read: whole closed months, other closed days, and today (live). */
export interface RollupPlan {
  months: string[];
  days: string[];
  live: string[];
}

/**
 * Splits [from, to] into closed calendar months lying wholly inside it, the remaining closed
 * days, and today if included. Days after today have no tickets and are left out.
 */
export function planRange(from: string, to: string, today: string): RollupPlan {
  const plan: RollupPlan = { months: [], days: [], live: [] };
  let day = from;
  while (day <= to && day <= today) {
    if (day === today) {
      plan.live.push(day);
      break;
    }
    const monthEnd = addDays(`${nextMonth(day)}`, -1);
    if (day.endsWith('-01') && monthEnd <= to && monthEnd < today) {
      plan.months.push(day);
      day = nextMonth(day);
      continue;
    }
    plan.days.push(day);
    day = addDays(day, 1);
  }
  return plan;
}

function nextMonth(day: string): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  return m === 12
    ? `${y + 1}-01-01`
    : `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-01`;
}

function daysOfMonth(month: string): string[] {
  const end = nextMonth(month);
  const out: string[] = [];
  for (let d = month; d < end; d = addDays(d, 1)) out.push(d);
  return out;
}

/**
 * The stored roll-up of closed days (migration 0105): built lazily on first use, one transaction
 * per batch; a ticket write to a closed day marks it stale (trigger) and it is built again.
 */
export class TicketRollup {
  private prepared: Promise<void> | undefined;
  private preparedFor = '';
  private building: Promise<void> = Promise.resolve();

  constructor(private readonly pool: pg.Pool) {}

  /**
   * Records the time zone and the counters' services. A time zone change makes every stored
   * period stale; a counter change applies to days rolled up from now on.
   */
  prepare(catalogue: Catalogue): Promise<void> {
    const counters = catalogue.config.counters.flatMap((c) =>
      c.services.map((s) => [c.id, s] as const),
    );
    const key = JSON.stringify([catalogue.config.instance.timezone, counters]);
    if (this.prepared && this.preparedFor === key) return this.prepared;
    this.preparedFor = key;
    this.prepared = this.write(catalogue.config.instance.timezone, counters).catch((e) => {
      this.prepared = undefined;
      throw e;
    });
    return this.prepared;
  }

  private async write(timezone: string, counters: readonly (readonly [string, string])[]) {
    await transaction(this.pool, async (client) => {
      const old = await client.query<{ timezone: string }>(
        'select timezone from ticket_rollup_setting where id = 1 for update',
      );
      if (old.rows[0]?.timezone !== timezone) {
        await client.query(
          `insert into ticket_rollup_setting (id, timezone) values (1, $1)
           on conflict (id) do update set timezone = excluded.timezone`,
          [timezone],
        );
        await client.query('update ticket_rollup_mark set fresh = false');
      }
      await client.query('delete from ticket_rollup_counter');
      await client.query(
        `insert into ticket_rollup_counter (counter_id, service_id)
         select * from unnest($1::text[], $2::text[]) on conflict do nothing`,
        [counters.map((c) => c[0]), counters.map((c) => c[1])],
      );
    });
  }

  /** Makes sure the given closed days and months are rolled up and fresh. */
  async ensure(days: readonly string[], months: readonly string[]): Promise<void> {
    // One build at a time per process: concurrent page views would otherwise build the same days.
    const run = this.building.then(() => this.build(days, months));
    this.building = run.catch(() => {});
    return run;
  }

  private async build(days: readonly string[], months: readonly string[]): Promise<void> {
    const wantDays = [...new Set([...days, ...months.flatMap(daysOfMonth)])].sort();
    const stale = await this.pool.query<{ grain: string; d: string }>(
      `select 'd' as grain, d::text from unnest($1::date[]) as d
       where not exists (select 1 from ticket_rollup_mark m where m.grain = 'd' and m.period_start = d and m.fresh)
       union all
       select 'm', d::text from unnest($2::date[]) as d
       where not exists (select 1 from ticket_rollup_mark m where m.grain = 'm' and m.period_start = d and m.fresh)`,
      [wantDays, months],
    );
    if (stale.rows.length === 0) return;
    const staleDays = stale.rows.filter((r) => r.grain === 'd').map((r) => r.d);
    const staleMonths = stale.rows.filter((r) => r.grain === 'm').map((r) => r.d);
    // A month is summed from its days, so its days are rebuilt with it when they are stale.
    for (let i = 0; i < staleDays.length; i += 31) await this.buildDays(staleDays.slice(i, i + 31));
    for (const month of staleMonths) await this.buildMonth(month);
  }

  private async buildDays(days: string[]): Promise<void> {
    await transaction(this.pool, async (client) => {
      // Marking first takes the marks' row locks: a ticket write to one of these days either
      // committed before (its change is read below) or waits and marks the day stale again.
      await client.query(
        `insert into ticket_rollup_mark (grain, period_start, fresh)
         select 'd', d, true from unnest($1::date[]) as d order by d
         on conflict (grain, period_start) do update set fresh = true`,
        [days],
      );
      await client.query(
        `delete from ticket_rollup where grain = 'd' and period_start = any($1::date[])`,
        [days],
      );
      await client.query(
        `insert into ticket_rollup (grain, period_start, kind, agency_id, a, x, n)
         select 'd', service_day, kind, agency_id, a, x, n from mpp_ticket_rollup_rows($1::date[])`,
        [days],
      );
    });
  }

  private async buildMonth(month: string): Promise<void> {
    const days = daysOfMonth(month);
    await transaction(this.pool, async (client) => {
      await client.query(
        `insert into ticket_rollup_mark (grain, period_start, fresh) values ('m', $1, true)
         on conflict (grain, period_start) do update set fresh = true`,
        [month],
      );
      const fresh = await client.query<{ n: number }>(
        `select count(*)::int as n from ticket_rollup_mark
         where grain = 'd' and period_start = any($1::date[]) and fresh`,
        [days],
      );
      // A day went stale in between: leave the month stale, it is built on the next view.
      if ((fresh.rows[0]?.n ?? 0) !== days.length) {
        await client.query(
          `update ticket_rollup_mark set fresh = false where grain = 'm' and period_start = $1`,
          [month],
        );
        return;
      }
      await client.query(`delete from ticket_rollup where grain = 'm' and period_start = $1`, [
        month,
      ]);
      await client.query(
        `insert into ticket_rollup (grain, period_start, kind, agency_id, a, x, n)
         select 'm', $1::date, kind, agency_id, a, x, sum(n)
         from ticket_rollup where grain = 'd' and period_start = any($2::date[])
         group by kind, agency_id, a, x`,
        [month, days],
      );
    });
  }

  /** Roll-up rows of a plan, summed, optionally for one agency. */
  async rows(plan: RollupPlan, agencyId: string | null): Promise<RollupRow[]> {
    const result = await this.pool.query<RollupRow>(
      `select kind, a, x, sum(n)::float8 as n from (
         select kind, agency_id, a, x, n from ticket_rollup
           where grain = 'm' and period_start = any($1::date[])
         union all
         select kind, agency_id, a, x, n from ticket_rollup
           where grain = 'd' and period_start = any($2::date[])
         union all
         select kind, agency_id, a, x, n from mpp_ticket_rollup_rows($3::date[])
           where cardinality($3::date[]) > 0
       ) r
       where $4::text is null or agency_id = $4
       group by kind, a, x`,
      [plan.months, plan.days, plan.live, agencyId],
    );
    return result.rows;
  }

  /** Arrivals per service, day and hour on the given days (closed days stored, today live). */
  async arrivalsByHour(
    closedDays: readonly string[],
    liveDays: readonly string[],
    agencyId: string | null,
  ): Promise<{ serviceId: string; day: string; hour: number; count: number }[]> {
    const result = await this.pool.query<{
      serviceId: string;
      day: string;
      hour: number;
      count: number;
    }>(
      `select a as "serviceId", d::text as day, x % 100 as hour, sum(n)::float8 as count from (
         select period_start as d, agency_id, a, x, n from ticket_rollup
           where grain = 'd' and kind = 'arr' and period_start = any($1::date[])
         union all
         select service_day, agency_id, a, x, n from mpp_ticket_rollup_rows($2::date[])
           where kind = 'arr' and cardinality($2::date[]) > 0
       ) r
       where $3::text is null or agency_id = $3
       group by 1, 2, 3`,
      [closedDays, liveDays, agencyId],
    );
    return result.rows;
  }
}
