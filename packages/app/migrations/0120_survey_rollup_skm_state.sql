-- SKM roll-up, second form (decision 0068): one row per month and service holding the
-- @mpp-kit/skm accumulator's own serialised state (SkmAccumulator.toJSON). Only @mpp-kit/skm
-- knows what is inside `state`: the app folds responses with `addPacked`, merges rows with
-- `merge` and scores with `scoreAccumulator`, so no SQL here reads into it.

-- The first form mirrored the accumulator's layout in SQL (45 answer slots, profile slots).
drop function mpp_rebuild_survey_daily();
drop table survey_daily;
drop aggregate mpp_array_sum(bigint[]);
drop function mpp_array_add(bigint[], bigint[]);

create table survey_rollup (
  -- first day of the month of service (result periods are whole months)
  month date not null check (extract(day from month) = 1),
  service_id text not null,
  questionnaire text not null,
  agency_id text not null,
  -- the state's respondent count, kept beside it so counting needs no parsing
  respondents bigint not null check (respondents > 0),
  state jsonb not null,
  primary key (month, service_id, questionnaire)
);
create index survey_rollup_agency_idx on survey_rollup (agency_id, month);

-- A row here means the roll-up must be rebuilt from survey_response before it is read: set by
-- this migration for an upgrading MPP (its responses are all kept) and by bulk loads.
create table survey_rollup_stale (
  id smallint primary key default 1 check (id = 1),
  since timestamptz not null default now()
);
insert into survey_rollup_stale (id) select 1 where exists (select 1 from survey_response);
