import { randomBytes } from 'node:crypto';
import { formatTicketNumber } from '@mpp-kit/queue';
import type pg from 'pg';
import { transaction } from '../../shared/database/transaction.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import { PRIORITY_CLASS, SITE_ID } from '../queue/queue-site.js';
import { rebuildSurveyRollup } from '../survey/survey-service.js';

/** Small deterministic generator (mulberry32) so demo data is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface HistoryOptions {
  /** Days to fill, YYYY-MM-DD, oldest first. */
  days: string[];
  /** Multiplies the arrival rate (1 ≈ 25 tickets per service per open day). */
  scale: number;
  /** Share of served tickets that answer the survey. */
  surveyShare: number;
  seed?: number;
}

export interface TicketBatch {
  tickets: {
    code: string[];
    number: string[];
    day: string[];
    seq: number[];
    service: string[];
    agency: string[];
    priority: string[];
    channel: string[];
    status: string[];
    counter: (string | null)[];
    issued: string[];
    called: (string | null)[];
    started: (string | null)[];
    finished: (string | null)[];
  };
  responses: {
    day: string[];
    service: string[];
    agency: string[];
    answers: string[];
    profile: string[];
  };
}

const HOUR_SHAPE = [0.6, 1.4, 1.6, 1.3, 1.0, 0.7, 0.9, 0.8, 0.5];
const WEEKDAY_FACTOR = [0, 1.35, 1.1, 1.0, 1.0, 0.8, 0.5];

const pad = (n: number) => String(n).padStart(2, '0');
function localStamp(day: string, minutes: number): string {
  const m = Math.floor(minutes);
  const s = Math.floor((minutes - m) * 60);
  return `${day} ${pad(Math.floor(m / 60))}:${pad(m % 60)}:${pad(s)}`;
}

function emptyBatch(): TicketBatch {
  return {
    tickets: {
      code: [],
      number: [],
      day: [],
      seq: [],
      service: [],
      agency: [],
      priority: [],
      channel: [],
      status: [],
      counter: [],
      issued: [],
      called: [],
      started: [],
      finished: [],
    },
    responses: { day: [], service: [], agency: [], answers: [], profile: [] },
  };
}

/**
 * Generates plausible history day by day: arrivals shaped by weekday and hour, waits that
 * grow with load, service times around each service's average, some no-shows, and survey
 * answers whose level differs per service (so the improvement priorities differ too).
 * Yields one batch per day; times are local wall-clock strings (converted in SQL).
 */
export function* generateHistory(
  catalogue: Catalogue,
  options: HistoryOptions,
): Generator<TicketBatch> {
  const rnd = seededRandom(options.seed ?? 20_261_123);
  const services = catalogue.agencies.flatMap((a) =>
    a.services.map((s) => ({ ...s, agencyId: a.id })),
  );
  const countersFor = new Map(
    services.map((s) => [
      s.id,
      catalogue.config.counters.filter((c) => catalogue.counterServices(c.id).includes(s.id)),
    ]),
  );
  for (const day of options.days) {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const hours = catalogue.config.hours.find((h) => h.days.includes(weekday));
    if (!hours) continue;
    const [oh = 8, om = 0] = hours.open.split(':').map(Number);
    const [ch = 15, cm = 0] = hours.close.split(':').map(Number);
    const open = oh * 60 + om;
    const close = ch * 60 + cm;
    const batch = emptyBatch();
    const t = batch.tickets;
    services.forEach((service, si) => {
      const popularity = 0.4 + ((si * 7919) % 13) / 10;
      const quality = 2.7 + ((si * 104_729) % 10) / 10;
      const weak = si % 9;
      const counters = countersFor.get(service.id) ?? [];
      const perHour = 3 * popularity * (WEEKDAY_FACTOR[weekday] ?? 1) * options.scale;
      let seq = 0;
      // a small queue simulation: each arrival goes to the earliest free desk
      const desks = new Array<number>(Math.max(1, counters.length)).fill(open);
      for (let minute = open; minute < close - 30; minute += 60) {
        const shape = HOUR_SHAPE[Math.floor((minute - open) / 60)] ?? 0.5;
        const n = Math.round(perHour * shape * (0.7 + rnd() * 0.6));
        const arrivals = Array.from({ length: n }, () => minute + rnd() * 60).sort((a, b) => a - b);
        for (const issuedMin of arrivals) {
          seq += 1;
          const counter =
            counters.length > 0 ? counters[Math.floor(rnd() * counters.length)] : undefined;
          const serviceMinutes = service.averageServiceMinutes * (0.5 + rnd());
          const desk = desks.indexOf(Math.min(...desks));
          const calledMin = Math.max(issuedMin + rnd() * 2, desks[desk] as number);
          desks[desk] = calledMin + serviceMinutes + 1;
          const noShow = rnd() < 0.06;
          t.code.push(randomBytes(12).toString('base64url'));
          t.number.push(formatTicketNumber(service.prefix, seq));
          t.day.push(day);
          t.seq.push(seq);
          t.service.push(service.id);
          t.agency.push(service.agencyId);
          t.priority.push(rnd() < 0.08 ? 'lanjut-usia' : 'regular');
          t.channel.push(rnd() < 0.45 ? 'online' : 'kiosk');
          t.status.push(noShow ? 'no-show' : 'served');
          t.counter.push(counter?.id ?? null);
          t.issued.push(localStamp(day, issuedMin));
          t.called.push(localStamp(day, Math.min(calledMin, close + 90)));
          const start = Math.min(calledMin, close + 90) + 0.5 + rnd();
          t.started.push(noShow ? null : localStamp(day, start));
          t.finished.push(localStamp(day, noShow ? start + 2 : start + serviceMinutes));
          if (!noShow && rnd() < options.surveyShare) {
            const answers = Array.from({ length: 9 }, (_, u) => {
              const level = quality - (u === weak ? 0.7 : 0) + (rnd() - 0.5) * 1.6;
              return Math.min(4, Math.max(1, Math.round(level)));
            });
            const profile = [
              1 + Math.floor(rnd() * 2),
              1 + Math.floor(rnd() * 6),
              1 + Math.floor(rnd() * 6),
              rnd() < 0.2 ? 0 : 1 + Math.floor(rnd() * 6),
            ];
            batch.responses.day.push(day);
            batch.responses.service.push(service.id);
            batch.responses.agency.push(service.agencyId);
            batch.responses.answers.push(`{${answers.join(',')}}`);
            batch.responses.profile.push(`{${profile.join(',')}}`);
          }
        }
      }
    });
    yield batch;
  }
}

/** Writes one generated batch (tickets and anonymous responses) in one statement each. */
export async function insertBatch(
  client: pg.PoolClient | pg.Pool,
  batch: TicketBatch,
  timezone: string,
): Promise<void> {
  const t = batch.tickets;
  if (t.code.length > 0) {
    // Closed tickets go into the engine through its import function (the engine's table stays
    // the one source of truth); the app's detail rows carry code and declared group.
    await client.query(
      `with x as materialized (
         select gen_random_uuid() as id, code, number, day::date as day, seq, service, agency,
                priority, channel, status, counter,
                issued::timestamp at time zone $15 as issued, called::timestamp at time zone $15 as called,
                started::timestamp at time zone $15 as started, finished::timestamp at time zone $15 as finished
         from unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[],
                     $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])
           as u(code, number, day, seq, service, agency, priority, channel, status, counter, issued, called, started, finished)
       ), detail as (
         insert into ticket_detail (id, code, priority) select id, code, priority from x
       )
       select mpp_queue_import_tickets($16, (select jsonb_agg(jsonb_build_object(
         'id', id, 'serviceId', service, 'agencyId', agency, 'serviceDay', day, 'sequence', seq,
         'label', number, 'channel', channel,
         'priorityClass', case when priority = 'regular' then null else $17::text end, 'status', status,
         'issuedAt', (extract(epoch from issued) * 1000)::bigint,
         'calledAt', (extract(epoch from called) * 1000)::bigint,
         'servingAt', (extract(epoch from started) * 1000)::bigint,
         'finishedAt', (extract(epoch from finished) * 1000)::bigint,
         'counterId', counter)) from x))`,
      [
        t.code,
        t.number,
        t.day,
        t.seq,
        t.service,
        t.agency,
        t.priority,
        t.channel,
        t.status,
        t.counter,
        t.issued,
        t.called,
        t.started,
        t.finished,
        timezone,
        SITE_ID,
        PRIORITY_CLASS,
      ],
    );
  }
  const r = batch.responses;
  if (r.day.length > 0) {
    await client.query(
      `insert into survey_response (questionnaire, service_day, service_id, agency_id, answers, profile)
       select 'permenpanrb-14-2017', day::date, service, agency, answers::smallint[], profile::smallint[]
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) as x(day, service, agency, answers, profile)`,
      [r.day, r.service, r.agency, r.answers, r.profile],
    );
  }
}

/** Days before `today` (YYYY-MM-DD), oldest first. */
export function daysBefore(today: string, count: number): string[] {
  const end = Date.parse(`${today}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) =>
    new Date(end - (count - i) * 86_400_000).toISOString().slice(0, 10),
  );
}

const DEMO_COMPLAINTS: { category: string; text: string; status: string; ageDays: number }[] = [
  {
    category: 'waktu',
    text: 'Antrean KTP-el sangat lama pada hari Senin pagi.',
    status: 'received',
    ageDays: 1,
  },
  {
    category: 'sarana',
    text: 'Pendingin ruangan di lantai 2 tidak berfungsi.',
    status: 'verified',
    ageDays: 2,
  },
  {
    category: 'petugas',
    text: 'Petugas loket kurang ramah saat menjelaskan persyaratan.',
    status: 'forwarded',
    ageDays: 4,
  },
  {
    category: 'biaya',
    text: 'Diminta biaya fotokopi yang tidak tercantum di standar pelayanan.',
    status: 'in_progress',
    ageDays: 6,
  },
  {
    category: 'pelayanan',
    text: 'Berkas saya dinyatakan hilang dan harus mengulang.',
    status: 'answered',
    ageDays: 9,
  },
  {
    category: 'lainnya',
    text: 'Papan informasi jam layanan tidak jelas.',
    status: 'closed',
    ageDays: 20,
  },
];

/**
 * Seeds weeks of history on first start of the demo, so every chart and table has
 * something meaningful to show. Does nothing once any ticket older than today exists.
 */
export async function seedDemoHistory(
  pool: pg.Pool,
  catalogue: Catalogue,
  options: { weeks?: number; today?: string } = {},
): Promise<{ tickets: number; responses: number } | null> {
  const tz = catalogue.config.instance.timezone;
  const r = await pool.query<{ today: string; has: boolean }>(
    `select (now() at time zone $1)::date::text as today,
            exists (select 1 from mpp_queue_tickets where service_day < (now() at time zone $1)::date) as has`,
    [tz],
  );
  const row = r.rows[0];
  if (!row || row.has) return null;
  const days = daysBefore(options.today ?? row.today, (options.weeks ?? 6) * 7);
  let tickets = 0;
  let responses = 0;
  await transaction(pool, async (client) => {
    for (const batch of generateHistory(catalogue, { days, scale: 1, surveyShare: 0.35 })) {
      await insertBatch(client, batch, tz);
      tickets += batch.tickets.code.length;
      responses += batch.responses.day.length;
    }
    const agencies = catalogue.agencies;
    for (const [i, c] of DEMO_COMPLAINTS.entries()) {
      const agency = agencies[i % agencies.length];
      if (!agency) continue;
      const inserted = await client.query<{ id: string }>(
        `insert into complaint (tracking_code, category, agency_id, service_id, description, anonymous,
           status, received_at, verified_at, forwarded_at, answered_at, closed_at, answer)
         values ($1, $2, $3, $4, $5, true, $6, now() - make_interval(days => $7),
           case when $6 <> 'received' then now() - make_interval(days => $7 - 1) end,
           case when $6 in ('forwarded', 'in_progress', 'answered', 'closed') then now() - make_interval(days => $7 - 2) end,
           case when $6 in ('answered', 'closed') then now() - make_interval(days => $7 - 3) end,
           case when $6 = 'closed' then now() - make_interval(days => 1) end,
           case when $6 in ('answered', 'closed') then 'Terima kasih; sudah kami tindak lanjuti.' end)
         returning id`,
        [
          `ADU-DEMO-${'ABCDEFGH'[i]}${'ABCDEFGH'[i]}${i + 2}${i + 2}`,
          c.category,
          agency.id,
          agency.services[0]?.id ?? null,
          c.text,
          c.status,
          c.ageDays,
        ],
      );
      await client.query(
        `insert into complaint_event (complaint_id, at, actor, from_status, to_status)
         values ($1, now() - make_interval(days => $2), 'warga', null, 'received')`,
        [inserted.rows[0]?.id, c.ageDays],
      );
    }
  });
  await rebuildSurveyRollup(pool);
  return { tickets, responses };
}
