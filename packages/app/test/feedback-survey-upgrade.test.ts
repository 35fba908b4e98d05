// Upgrading an MPP whose survey roll-up has the first form (`survey_daily`, migrations 0100 and
// 0102: answer and profile slots in SQL arrays) to the second (`survey_rollup`, migration 0120:
// the @mpp-kit/skm accumulator's own state). Every response is kept and every published figure
// (IKM, NRR per unsur, respondents, profile) stays the same.

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type AccumulatorState,
  PROFILE_CATEGORIES,
  PROFILE_FIELDS,
  SKM_2017_VERSION,
  SkmAccumulator,
  type SkmScore,
  scoreAccumulator,
  UNSUR_CODES,
} from '@mpp-kit/skm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue, type Catalogue } from '../src/features/catalogue/catalogue.js';
import { loadConfig } from '../src/features/catalogue/load-config.js';
import { seededRandom } from '../src/features/demo/demo-history.js';
import { markRollupStale } from '../src/features/survey/survey-rollup.js';
import { insertResponse, SurveyService } from '../src/features/survey/survey-service.js';
import { type EmbeddedDatabase, startEmbeddedDatabase } from '../src/server/database/embedded.js';
import { appMigrations, migrate } from '../src/server/database/migrate.js';
import { transaction } from '../src/shared/database/transaction.js';
import { periodContaining } from '../src/shared/time/period-range.js';
import { demoConfigFile, freePort, removeDataDir } from './support/app-process.js';

const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations');
const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];

/**
 * How the first form's pages read a roll-up (the removed `toAccumulatorState`, kept here as the
 * reference of the old behaviour): 9 × 5 answer slots, then per profile field "not answered"
 * and one slot per category.
 */
function oldAccumulator(respondents: number, hist: number[], profile: number[]): SkmAccumulator {
  const counts = UNSUR_CODES.map((_, u) => hist.slice(u * 5, u * 5 + 5));
  const byField: Record<string, Record<string, number>> = {};
  let base = 0;
  for (const field of PROFILE_FIELDS) {
    const categories = PROFILE_CATEGORIES[field];
    byField[field] = { '-': profile[base] ?? 0 };
    categories.forEach((c, i) => {
      (byField[field] as Record<string, number>)[c] = profile[base + i + 1] ?? 0;
    });
    base += categories.length + 1;
  }
  return SkmAccumulator.fromJSON({
    questionnaire: SKM_2017_VERSION,
    respondents,
    counts,
    profile: byField as AccumulatorState['profile'],
  });
}

/** What a results page publishes of a score. */
const published = (s: SkmScore) => ({
  respondents: s.respondents,
  ikm: s.ikm,
  ikmText: s.ikmText,
  mutu: s.mutu,
  unsur: s.unsur.map((u) => ({ code: u.code, answered: u.answered, sum: u.sum, nrr: u.nrr })),
  score: s,
});

describe('survey roll-up upgrade (migration 0120)', () => {
  let db: EmbeddedDatabase;
  let pool: pg.Pool;
  let dataDir: string;
  let catalogue: Catalogue;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'mpp-survey-upgrade-'));
    db = await startEmbeddedDatabase({ dataDir, port: await freePort(), log: () => {} });
    pool = new pg.Pool({ connectionString: db.url, max: 3 });
    // the database shutdown in afterAll ends connections the pool is still closing
    pool.on('error', () => {});
    catalogue = buildCatalogue(await loadConfig(demoConfigFile));
  });
  afterAll(async () => {
    await pool?.end();
    await db?.stop();
    if (dataDir) await removeDataDir(dataDir);
  });

  it('keeps every response and gives identical IKM and NRR per unsur, service and period', async () => {
    const all = await appMigrations(migrationsDir);
    const before = all.filter((m) => !/^0(1[2-9]|[2-9]\d)\d_/.test(m.name));
    expect(before.some((m) => m.name === '0102_survey_rebuild.sql')).toBe(true);
    await migrate(pool, before);

    // Responses the old way: a bulk load rebuilt with mpp_rebuild_survey_daily(), then single
    // submissions added with the old upsert. Some answers left empty (0), profiles mixed.
    const services = catalogue.agencies.flatMap((a) =>
      a.services.slice(0, 2).map((s) => ({ id: s.id, agency: a.id })),
    );
    const rnd = seededRandom(20_170_614);
    const pick = (n: number) => Math.floor(rnd() * n);
    const response = () => {
      const service = services[pick(services.length)] as { id: string; agency: string };
      const month = MONTHS[pick(MONTHS.length)] as string;
      return {
        day: `${month}-${String(1 + pick(28)).padStart(2, '0')}`,
        service,
        answers: UNSUR_CODES.map(() => (rnd() < 0.04 ? 0 : 1 + pick(4))),
        profile: PROFILE_FIELDS.map((f) => pick(PROFILE_CATEGORIES[f].length + 1)),
      };
    };
    const bulk = Array.from({ length: 3000 }, response);
    await pool.query(
      `insert into survey_response (questionnaire, service_day, service_id, agency_id, answers, profile)
       select $1, d::date, s, a, an::smallint[], p::smallint[]
       from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) as x(d, s, a, an, p)`,
      [
        SKM_2017_VERSION,
        bulk.map((r) => r.day),
        bulk.map((r) => r.service.id),
        bulk.map((r) => r.service.agency),
        bulk.map((r) => `{${r.answers.join(',')}}`),
        bulk.map((r) => `{${r.profile.join(',')}}`),
      ],
    );
    await pool.query('select mpp_rebuild_survey_daily()');
    for (const r of Array.from({ length: 200 }, response)) {
      const hist = new Array<number>(45).fill(0);
      r.answers.forEach((v, u) => {
        hist[u * 5 + v] = 1;
      });
      const profile = new Array<number>(24).fill(0);
      let base = 0;
      r.profile.forEach((slot, f) => {
        profile[base + slot] = 1;
        base += PROFILE_CATEGORIES[PROFILE_FIELDS[f] as (typeof PROFILE_FIELDS)[number]].length + 1;
      });
      await pool.query(
        `insert into survey_response (questionnaire, service_day, service_id, agency_id, answers, profile)
         values ($1, $2, $3, $4, $5, $6)`,
        [SKM_2017_VERSION, r.day, r.service.id, r.service.agency, r.answers, r.profile],
      );
      await pool.query(
        `insert into survey_daily (service_day, service_id, agency_id, respondents, hist, profile)
         values ($1, $2, $3, 1, $4, $5)
         on conflict (service_day, service_id) do update set
           respondents = survey_daily.respondents + 1,
           hist = mpp_array_add(survey_daily.hist, excluded.hist),
           profile = mpp_array_add(survey_daily.profile, excluded.profile)`,
        [r.day, r.service.id, r.service.agency, hist, profile],
      );
    }

    // The figures the old pages published: per month and service, per month for the MPP.
    const old = await pool.query<{
      m: string;
      service_id: string;
      n: number;
      h: number[];
      p: number[];
    }>(
      `select to_char(date_trunc('month', service_day), 'YYYY-MM') as m, service_id,
              sum(respondents)::float8 as n, mpp_array_sum(hist)::float8[] as h,
              mpp_array_sum(profile)::float8[] as p
       from survey_daily group by 1, 2`,
    );
    const oldByCell = new Map<string, SkmAccumulator>();
    const oldByMonth = new Map<string, SkmAccumulator>();
    for (const row of old.rows) {
      const acc = oldAccumulator(row.n, row.h, row.p);
      oldByCell.set(`${row.m} ${row.service_id}`, acc);
      const month = oldByMonth.get(row.m) ?? new SkmAccumulator();
      oldByMonth.set(row.m, month.merge(acc));
    }
    const responses = Number(
      (await pool.query<{ n: string }>('select count(*) as n from survey_response')).rows[0]?.n,
    );
    expect(responses).toBe(3200);

    expect(await migrate(pool, all)).toContain('0120_survey_rollup_skm_state.sql');
    const survey = new SurveyService(pool, catalogue);
    // the first read rebuilds the roll-up from the kept responses
    expect(await survey.responseCount()).toBe(responses);
    expect((await pool.query('select 1 from survey_rollup_stale')).rowCount).toBe(0);

    let compared = 0;
    for (const month of MONTHS) {
      const results = await survey.results(periodContaining('month', `${month}-01`));
      expect(published(results.mpp.score())).toEqual(
        published(scoreAccumulator(oldByMonth.get(month) ?? new SkmAccumulator())),
      );
      expect(results.mpp.accumulator.toJSON()).toEqual(oldByMonth.get(month)?.toJSON());
      for (const [serviceId, rollup] of results.byService) {
        const before = oldByCell.get(`${month} ${serviceId}`);
        expect(before, `${month} ${serviceId}`).toBeDefined();
        expect(published(rollup.score())).toEqual(
          published(scoreAccumulator(before as SkmAccumulator)),
        );
        compared++;
      }
    }
    expect(compared).toBe(oldByCell.size);

    // a semester, and one agency's semester, add up to the same totals
    const semester = periodContaining('semester', '2026-03-01');
    const total = [...oldByMonth.values()].reduce((a, b) => a.merge(b), new SkmAccumulator());
    const whole = await survey.results(semester);
    expect(published(whole.mpp.score())).toEqual(published(scoreAccumulator(total)));
    expect(whole.trend[0]?.rollup.respondents).toBe(responses);
    const agency = services[0]?.agency as string;
    const agencyTotal = new SkmAccumulator();
    for (const [key, acc] of oldByCell) {
      if (services.some((s) => s.agency === agency && key.endsWith(` ${s.id}`)))
        agencyTotal.merge(acc);
    }
    const scoped = await survey.results(semester, { agencyId: agency });
    expect(published(scoped.mpp.score())).toEqual(published(scoreAccumulator(agencyTotal)));
    expect(published((scoped.byAgency.get(agency) as { score(): SkmScore }).score())).toEqual(
      published(scoreAccumulator(agencyTotal)),
    );
  });

  it('counts every one of many simultaneous submissions, also while a rebuild runs', async () => {
    const survey = new SurveyService(pool, catalogue);
    const service = catalogue.service(catalogue.agencies[0]?.services[0]?.id ?? '');
    if (!service) throw new Error('demo config without services');
    const july = periodContaining('month', '2026-07-01');
    expect((await survey.results(july)).mpp.respondents).toBe(0);
    const submit = (i: number) =>
      transaction(pool, (client) =>
        insertResponse(client, {
          day: `2026-07-${String(1 + (i % 28)).padStart(2, '0')}`,
          serviceId: service.id,
          agencyId: service.agencyId,
          response: {
            answers: [4, 4, 4, 4, 4, 4, 4, 4, i % 4 === 0 ? 1 : 4],
            profile: [1, 2, 0, 0],
            saran: null,
          },
        }),
      );
    await Promise.all(Array.from({ length: 24 }, (_, i) => submit(i)));
    // a bulk load asks for a rebuild; submissions keep arriving while the next read rebuilds
    await markRollupStale(pool);
    await Promise.all([
      survey.results(july),
      ...Array.from({ length: 12 }, (_, i) => submit(24 + i)),
    ]);
    const after = (await survey.results(july)).byService.get(service.id);
    expect(after?.respondents).toBe(36);
    // 9 of the 36 answered 1 on the last unsur, the rest 4: NRR (9 + 27 × 4) / 36
    const last = after?.score().unsur.at(-1);
    expect([last?.answered, last?.sum]).toEqual([36, 9 + 27 * 4]);
  });
});
