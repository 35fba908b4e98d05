-- SKM survey (issue 8). Answers are anonymous: no ticket, name, NIK or phone is stored with
-- them. survey_receipt only remembers that a served ticket has answered (single use).

create table survey_receipt (
  ticket_id uuid primary key references ticket (id) on delete cascade,
  answered_on date not null
);

create table survey_response (
  id bigserial primary key,
  questionnaire text not null,
  -- the day of service only, not the time: weakens linking a response to a ticket
  service_day date not null,
  service_id text not null,
  agency_id text not null,
  -- nine answers in @mpp-kit/skm UNSUR_CODES order, 0 = not answered
  answers smallint[] not null check (array_length(answers, 1) = 9),
  -- jenisKelamin, usia group, pendidikan, pekerjaan: 0 = not answered, k = k-th category
  profile smallint[] not null check (array_length(profile, 1) = 4),
  -- free-text suggestion; may hold personal data, so the retention job clears it
  saran text
);
create index survey_response_day_idx on survey_response (service_day, service_id);

-- Daily roll-up per service: the accumulator's counts (9 unsur x 5 slots, profile slots),
-- kept in the same transaction as each response so result pages never scan responses.
create table survey_daily (
  service_day date not null,
  service_id text not null,
  agency_id text not null,
  respondents bigint not null,
  hist bigint[] not null,
  profile bigint[] not null,
  primary key (service_day, service_id)
);

create function mpp_array_add(a bigint[], b bigint[]) returns bigint[]
  language sql immutable
  as $$ select array_agg(coalesce(x, 0) + coalesce(y, 0) order by i) from unnest(a, b) with ordinality as t(x, y, i) $$;

-- Analytics read tickets by day range; the queue's own indexes only cover waiting tickets.
create index ticket_day_idx on ticket (service_day, service_id);

-- Sums roll-up arrays across rows (a null state starts from the first array).
create aggregate mpp_array_sum(bigint[]) (sfunc = mpp_array_add, stype = bigint[]);

-- Population N for the sample check: served tickets per service and day.
create index ticket_done_day_idx on ticket (service_day, service_id) where status = 'done';
