import { type AccumulatorState, SkmAccumulator } from '@mpp-kit/skm';
import type pg from 'pg';
import { transaction } from '../../shared/database/transaction.js';
import { periodContaining } from '../../shared/time/period-range.js';

/**
 * The SKM roll-up (`survey_rollup`, migration 0120, decision 0068): per month, service and
 * questionnaire, the `@mpp-kit/skm` accumulator's own serialised state. This module stores and
 * loads those states; what is inside them is `@mpp-kit/skm`'s business alone.
 */

/** One roll-up row as read back: the month (YYYY-MM-01), its service and agency, its counts. */
export interface RollupRow {
  month: string;
  serviceId: string;
  agencyId: string;
  accumulator: SkmAccumulator;
}

/** Where one response (or a bulk of them) belongs. */
export interface RollupCell {
  /** Any day of the month of service (YYYY-MM-DD). */
  day: string;
  serviceId: string;
  agencyId: string;
}

const MONTH = `date_trunc('month', $1::date)::date`;

/**
 * Folds an accumulator (usually one response) into its month's row, in the caller's
 * transaction: the row is locked while it is read, merged and written back, so concurrent
 * submissions for the same service and month never lose a count.
 */
export async function addToRollup(
  client: pg.PoolClient,
  cell: RollupCell,
  accumulator: SkmAccumulator,
): Promise<void> {
  const key = [cell.day, cell.serviceId, accumulator.questionnaire];
  const inserted = await client.query(
    `insert into survey_rollup (month, service_id, questionnaire, agency_id, respondents, state)
     values (${MONTH}, $2, $3, $4, $5, $6::jsonb) on conflict do nothing`,
    [...key, cell.agencyId, accumulator.respondents, JSON.stringify(accumulator.toJSON())],
  );
  if (inserted.rowCount === 1) return;
  const current = await client.query<{ state: AccumulatorState }>(
    `select state from survey_rollup
     where month = ${MONTH} and service_id = $2 and questionnaire = $3 for update`,
    key,
  );
  const state = current.rows[0]?.state;
  if (!state) throw new Error(`survey_rollup row for ${key.join(' ')} vanished during an update`);
  const merged = SkmAccumulator.fromJSON(state).merge(accumulator);
  await client.query(
    `update survey_rollup set respondents = $4, state = $5::jsonb
     where month = ${MONTH} and service_id = $2 and questionnaire = $3`,
    [...key, merged.respondents, JSON.stringify(merged.toJSON())],
  );
}

/** Roll-up rows of the months in [from, to) (days YYYY-MM-01), optionally one agency's. */
export async function readRollup(
  pool: pg.Pool,
  from: string,
  to: string,
  agencyId: string | null,
): Promise<RollupRow[]> {
  await ensureFreshRollup(pool);
  const r = await pool.query<{
    month: string;
    service_id: string;
    agency_id: string;
    state: AccumulatorState;
  }>(
    `select month::text, service_id, agency_id, state from survey_rollup
     where month >= $1::date and month < $2::date and ($3::text is null or agency_id = $3)`,
    [from, to, agencyId],
  );
  return r.rows.map((row) => ({
    month: row.month,
    serviceId: row.service_id,
    agencyId: row.agency_id,
    accumulator: SkmAccumulator.fromJSON(row.state),
  }));
}

/** Responses counted in the roll-up (all time). */
export async function rollupRespondents(pool: pg.Pool): Promise<number> {
  await ensureFreshRollup(pool);
  const r = await pool.query<{ n: string }>(
    'select coalesce(sum(respondents), 0) as n from survey_rollup',
  );
  return Number(r.rows[0]?.n ?? 0);
}

/**
 * Asks for a rebuild before the next read: for bulk loads that insert into `survey_response`
 * directly (the same as `insert into survey_rollup_stale default values on conflict do nothing`).
 */
export async function markRollupStale(db: pg.Pool | pg.PoolClient): Promise<void> {
  await db.query('insert into survey_rollup_stale default values on conflict do nothing');
}

/** Rebuilds the roll-up if a migration or a bulk load asked for it; one small query otherwise. */
export async function ensureFreshRollup(pool: pg.Pool): Promise<void> {
  const stale = await pool.query('select 1 from survey_rollup_stale');
  if (stale.rowCount !== 0) await rebuildSurveyRollup(pool, { onlyIfStale: true });
}

/**
 * Rebuilds every roll-up row from the stored responses, month by month, folding their packed
 * answers and profiles with `SkmAccumulator.addPacked`. One transaction: the table lock waits
 * for submissions in flight and holds new ones until the rebuilt rows are in, so each response
 * is counted exactly once. Returns the number of rows written.
 */
export async function rebuildSurveyRollup(
  pool: pg.Pool,
  options: { onlyIfStale?: boolean } = {},
): Promise<number> {
  return transaction(pool, async (client) => {
    await client.query('lock table survey_rollup in exclusive mode');
    if (options.onlyIfStale) {
      const stale = await client.query('select 1 from survey_rollup_stale');
      if (stale.rowCount === 0) return 0;
    }
    await client.query('delete from survey_rollup');
    const span = await client.query<{ first: string | null; last: string | null }>(
      `select date_trunc('month', min(service_day))::date::text as first,
              date_trunc('month', max(service_day))::date::text as last from survey_response`,
    );
    const { first, last } = span.rows[0] ?? { first: null, last: null };
    let written = 0;
    if (first !== null && last !== null) {
      for (let month = first; month <= last; month = periodContaining('month', month).to) {
        written += await rebuildMonth(client, month);
      }
    }
    await client.query('delete from survey_rollup_stale');
    return written;
  });
}

async function rebuildMonth(client: pg.PoolClient, month: string): Promise<number> {
  // Each response's stored bytes travel as comma-separated numbers, in the same order for
  // answers and profiles, and are folded in bulk: no per-response object on either side.
  const groups = await client.query<{
    service_id: string;
    questionnaire: string;
    agency_id: string;
    n: number;
    answers: string;
    profiles: string;
  }>(
    `select service_id, questionnaire, min(agency_id) as agency_id, count(*)::int as n,
            string_agg(array_to_string(answers, ','), ',' order by id) as answers,
            string_agg(array_to_string(profile, ','), ',' order by id) as profiles
     from survey_response
     where service_day >= $1::date and service_day < ($1::date + interval '1 month')
     group by service_id, questionnaire`,
    [month],
  );
  const rows = groups.rows.map((g) => {
    const acc = new SkmAccumulator(g.questionnaire).addPacked(
      bytes(g.answers, 'answers'),
      0,
      g.n,
      bytes(g.profiles, 'profile'),
    );
    return { ...g, state: JSON.stringify(acc.toJSON()) };
  });
  if (rows.length === 0) return 0;
  await client.query(
    `insert into survey_rollup (month, service_id, questionnaire, agency_id, respondents, state)
     select $1::date, s, q, a, n, st::jsonb
     from unnest($2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[]) as x(s, q, a, n, st)`,
    [
      month,
      rows.map((r) => r.service_id),
      rows.map((r) => r.questionnaire),
      rows.map((r) => r.agency_id),
      rows.map((r) => r.n),
      rows.map((r) => r.state),
    ],
  );
  return rows.length;
}

/** Comma-separated stored values as bytes; a value that is no byte is refused, never wrapped. */
function bytes(text: string, column: string): Uint8Array {
  const values = text.split(',');
  const out = new Uint8Array(values.length);
  values.forEach((v, i) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n > 255) {
      throw new RangeError(`survey_response.${column}: stored value "${v}" is not 0–255`);
    }
    out[i] = n;
  });
  return out;
}
