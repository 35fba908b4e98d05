import {
  buildReport,
  checkSample,
  improvementPriorities,
  type SampleCheck,
  SKM_2017_VERSION,
  SkmAccumulator,
  type SkmReport,
  type SkmScore,
  scoreAccumulator,
} from '@mpp-kit/skm';
import type pg from 'pg';
import { transaction } from '../../shared/database/transaction.js';
import { AppError, notFound } from '../../shared/errors.js';
import { type PeriodRange, periodContaining } from '../../shared/time/period-range.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import type { PackedResponse } from './survey-form.js';
import { addToRollup, readRollup, rollupRespondents } from './survey-rollup.js';

/**
 * SKM counts for one group (a service, an agency, the MPP) over a period — an
 * `@mpp-kit/skm` accumulator — plus the served tickets of the group (population N).
 */
export class Rollup {
  readonly accumulator = new SkmAccumulator(SKM_2017_VERSION);
  /** Served tickets (population N for the sample check). */
  served = 0;

  get respondents(): number {
    return this.accumulator.respondents;
  }

  /** Adds counts (a roll-up row) into this group. */
  add(counts: SkmAccumulator): void {
    this.accumulator.merge(counts);
  }

  merge(other: Rollup): void {
    this.accumulator.merge(other.accumulator);
    this.served += other.served;
  }

  score(): SkmScore {
    return scoreAccumulator(this.accumulator);
  }

  sample(): SampleCheck | null {
    if (this.respondents === 0) return null;
    return checkSample(this.respondents, Math.max(this.served, this.respondents));
  }

  report(title: { id: string; en: string }): SkmReport {
    return buildReport(this.accumulator, { title, population: Math.max(this.served, 1) });
  }
}

export interface SurveyResults {
  range: PeriodRange;
  mpp: Rollup;
  byAgency: Map<string, Rollup>;
  byService: Map<string, Rollup>;
  /** Oldest first: MPP (or the agency's) roll-up per period. */
  trend: { range: PeriodRange; rollup: Rollup }[];
}

export type SurveyInvitation =
  | { state: 'open'; ticketId: string; serviceId: string; agencyId: string }
  | { state: 'answered' | 'not_served' };

/** The SKM survey: single-use invitation per served ticket, anonymous answers, results. */
export class SurveyService {
  constructor(
    private readonly pool: pg.Pool,
    private readonly catalogue: Catalogue,
  ) {}

  /** Whether the ticket behind a survey link may answer now; undefined for an unknown link. */
  async invitation(code: string): Promise<SurveyInvitation | undefined> {
    if (!/^[\w-]{1,64}$/.test(code)) return undefined;
    const r = await this.pool.query<{
      id: string;
      status: string;
      service_id: string;
      agency_id: string;
      answered: boolean;
    }>(
      `select t.id, t.status, t.service_id, t.agency_id, (r.ticket_id is not null) as answered
       from ticket_detail d join mpp_queue_visits t on t.id = d.id
       left join survey_receipt r on r.ticket_id = t.id where d.code = $1`,
      [code],
    );
    const row = r.rows[0];
    if (!row) return undefined;
    if (row.answered) return { state: 'answered' };
    if (row.status !== 'served') return { state: 'not_served' };
    return {
      state: 'open',
      ticketId: row.id,
      serviceId: row.service_id,
      agencyId: row.agency_id,
    };
  }

  /**
   * Stores one response for a served ticket. The receipt (ticket id) and the answers (no
   * ticket id) are written in one transaction; a second answer with the same link is refused.
   */
  async submit(code: string, response: PackedResponse): Promise<void> {
    if (!/^[\w-]{1,64}$/.test(code)) throw notFound('Survei / survey');
    await transaction(this.pool, async (client) => {
      const t = await client.query<{
        id: string;
        status: string;
        service_id: string;
        agency_id: string;
        service_day: string;
      }>(
        // the detail row is locked: two answers through one link wait for each other
        `select t.id, t.status, t.service_id, t.agency_id, t.service_day::text
         from ticket_detail d join mpp_queue_visits t on t.id = d.id where d.code = $1 for update of d`,
        [code],
      );
      const ticket = t.rows[0];
      if (!ticket) throw notFound('Survei / survey');
      if (ticket.status !== 'served') {
        throw new AppError(
          409,
          'not_served',
          'Survei dapat diisi setelah Anda selesai dilayani',
          'The survey opens once you have been served',
        );
      }
      const receipt = await client.query(
        `insert into survey_receipt (ticket_id, answered_on) values ($1, $2)
         on conflict (ticket_id) do nothing returning ticket_id`,
        [ticket.id, ticket.service_day],
      );
      if (receipt.rowCount === 0) {
        throw new AppError(
          409,
          'already_answered',
          'Survei untuk tiket ini sudah diisi; terima kasih',
          'The survey for this ticket has already been answered; thank you',
        );
      }
      await insertResponse(client, {
        day: ticket.service_day,
        serviceId: ticket.service_id,
        agencyId: ticket.agency_id,
        response,
      });
    });
  }

  /** Results for a period (and the `trendCount` periods before it), optionally one agency. */
  async results(
    range: PeriodRange,
    options: { agencyId?: string | null; trend?: PeriodRange[] } = {},
  ): Promise<SurveyResults> {
    const trendRanges = options.trend ?? [range];
    const from = trendRanges[0]?.from ?? range.from;
    const to = range.to;
    const agencyId = options.agencyId ?? null;
    // Periods are whole months, so month rows cover them exactly.
    const [rows, served] = await Promise.all([
      readRollup(this.pool, from, to, agencyId),
      this.served(range.from, range.to, agencyId),
    ]);
    const mpp = new Rollup();
    const byAgency = new Map<string, Rollup>();
    const byService = new Map<string, Rollup>();
    const trendMap = new Map(trendRanges.map((r) => [r.key, new Rollup()]));
    const inRange = (day: string) => day >= range.from && day < range.to;
    const get = (map: Map<string, Rollup>, key: string) => {
      let r = map.get(key);
      if (!r) {
        r = new Rollup();
        map.set(key, r);
      }
      return r;
    };
    for (const row of rows) {
      const agency = this.catalogue.service(row.serviceId)?.agencyId ?? row.agencyId;
      trendMap.get(periodContaining(range.period, row.month).key)?.add(row.accumulator);
      if (!inRange(row.month)) continue;
      mpp.add(row.accumulator);
      get(byAgency, agency).add(row.accumulator);
      get(byService, row.serviceId).add(row.accumulator);
    }
    for (const row of served) {
      const current = trendMap.get(range.key);
      if (current) current.served += row.n;
      mpp.served += row.n;
      const agency = this.catalogue.service(row.service_id)?.agencyId;
      if (agency) get(byAgency, agency).served += row.n;
      get(byService, row.service_id).served += row.n;
    }
    return {
      range,
      mpp,
      byAgency,
      byService,
      trend: trendRanges.map((r) => ({ range: r, rollup: trendMap.get(r.key) ?? new Rollup() })),
    };
  }

  /**
   * Served tickets per service between two days (population N). Past days come from
   * served_daily, filled up to yesterday on first need; today is counted live.
   */
  private async served(
    from: string,
    to: string,
    agencyId: string | null,
  ): Promise<{ service_id: string; n: number }[]> {
    const tz = this.catalogue.config.instance.timezone;
    await transaction(this.pool, async (client) => {
      await client.query('select pg_advisory_xact_lock(7072)');
      const mark = await client.query<{ through: string | null; yesterday: string }>(
        `select (select filled_through::text from served_daily_mark) as through,
                ((now() at time zone $1)::date - 1)::text as yesterday`,
        [tz],
      );
      const { through, yesterday } = mark.rows[0] as { through: string | null; yesterday: string };
      if (through !== null && through >= yesterday) return;
      await client.query(
        `insert into served_daily (service_day, service_id, agency_id, served)
         select service_day, service_id, min(agency_id), count(*) from mpp_queue_visits
         where status = 'served' and ($1::date is null or service_day > $1::date) and service_day <= $2::date
         group by 1, 2
         on conflict (service_day, service_id) do update set served = excluded.served`,
        [through, yesterday],
      );
      await client.query(
        `insert into served_daily_mark (id, filled_through) values (1, $1)
         on conflict (id) do update set filled_through = excluded.filled_through`,
        [yesterday],
      );
    });
    const r = await this.pool.query<{ service_id: string; n: number }>(
      `select service_id, sum(n)::float8 as n from (
         select service_id, served as n from served_daily
         where service_day >= $1::date and service_day < $2::date and ($3::text is null or agency_id = $3)
         union all
         select service_id, count(*) from mpp_queue_visits
         where status = 'served' and service_day = (now() at time zone $4)::date
           and service_day >= $1::date and service_day < $2::date and ($3::text is null or agency_id = $3)
         group by service_id) x
       group by service_id`,
      [from, to, agencyId, tz],
    );
    return r.rows;
  }

  /** Number of responses stored (all time). */
  async responseCount(): Promise<number> {
    return rollupRespondents(this.pool);
  }
}

export { improvementPriorities, SKM_2017_VERSION };

/** Inserts one response and folds it into its month's roll-up (same transaction). */
export async function insertResponse(
  client: pg.PoolClient,
  input: { day: string; serviceId: string; agencyId: string; response: PackedResponse },
): Promise<void> {
  const { response } = input;
  await client.query(
    `insert into survey_response (questionnaire, service_day, service_id, agency_id, answers, profile, saran)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [
      SKM_2017_VERSION,
      input.day,
      input.serviceId,
      input.agencyId,
      response.answers,
      response.profile,
      response.saran,
    ],
  );
  // Folded from the same stored bytes a rebuild reads, so both paths count alike.
  const one = new SkmAccumulator(SKM_2017_VERSION).addPacked(
    Uint8Array.from(response.answers),
    0,
    1,
    Uint8Array.from(response.profile),
  );
  await addToRollup(client, input, one);
}

export { rebuildSurveyRollup } from './survey-rollup.js';
