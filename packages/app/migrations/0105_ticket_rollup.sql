-- Per-day (and per-month) roll-up of the ticket figures the analytics page shows, so a year of
-- analytics sums tens of thousands of roll-up rows instead of scanning a million tickets.
-- Closed days (before today in the instance's time zone) are rolled up lazily on first use;
-- today is always read live through the same function. See docs/decisions/0063.

-- The instance's time zone (hours and weekdays of arrival, and which days are closed), written by
-- the app before its first roll-up.
create table ticket_rollup_setting (
  id integer primary key check (id = 1),
  timezone text not null
);

-- Which services each counter calls, as the catalogue says (for "idle while its queue waits").
-- The app replaces it when the catalogue changes; days already rolled up keep the mapping that
-- was in force when they were rolled up.
create table ticket_rollup_counter (
  counter_id text not null,
  service_id text not null,
  primary key (counter_id, service_id)
);

-- grain 'd': one day; grain 'm': a closed calendar month summed from its days.
-- kind / a / x:
--   arr  service  isodow*100 + local hour of issue   arrivals
--   done service  0                                  served
--   nos  service  0                                  no-shows
--   w    service  waiting time, whole minutes rounded up (ceil)
--   s    service  service time (done tickets), whole minutes rounded up
--   cs   counter  0                                  served by the counter
--   idle counter  0                                  hours idle while one of its queues waited
create table ticket_rollup (
  grain "char" not null check (grain in ('d', 'm')),
  period_start date not null,
  kind text not null,
  agency_id text not null,
  a text not null,
  x integer not null,
  n bigint not null
);
create index ticket_rollup_period_idx on ticket_rollup (grain, period_start);

-- A period's rows are current when its mark is fresh. Any write to a ticket of a closed day marks
-- that day and its month stale (trigger below), so a late change is rolled up again on next use.
create table ticket_rollup_mark (
  grain "char" not null,
  period_start date not null,
  fresh boolean not null,
  primary key (grain, period_start)
);

-- The roll-up rows of the given days, straight from the ticket table: the one definition used both
-- to store closed days and to read today live.
create function mpp_ticket_rollup_rows(p_days date[])
  returns table (service_day date, kind text, agency_id text, a text, x integer, n bigint)
  language sql
  stable
  as $$
  with setting as (select timezone as tz from ticket_rollup_setting where id = 1),
  t as materialized (
    select t.service_day, t.service_id, t.agency_id, t.status, t.counter_id,
           extract(isodow from t.issued_at at time zone s.tz)::int as dow,
           extract(hour from t.issued_at at time zone s.tz)::int as ih,
           extract(hour from t.called_at at time zone s.tz)::int as ch,
           extract(hour from (t.called_at - interval '15 minutes') at time zone s.tz)::int as lh,
           extract(epoch from t.called_at - t.issued_at) / 60 as w,
           case when t.status = 'done'
             then extract(epoch from t.finished_at - coalesce(t.started_at, t.called_at)) / 60 end as sv
    from ticket t cross join setting s
    where t.service_day = any(p_days)
  ),
  calls as (
    select distinct t.service_day, t.agency_id, t.counter_id, t.ch
    from t where t.counter_id is not null and t.ch is not null
  ),
  span as (
    select c.service_day, c.agency_id, c.counter_id, min(c.ch) as lo, max(c.ch) as hi
    from calls c group by 1, 2, 3
  ),
  waiting as (
    select distinct t.service_day, t.agency_id, t.service_id, h.h
    from t cross join lateral generate_series(t.ih + 1, t.lh) as h(h)
    where t.w > 15
  ),
  idle as (
    select distinct sp.service_day, sp.agency_id, sp.counter_id, wt.h
    from span sp
    join ticket_rollup_counter m on m.counter_id = sp.counter_id
    join waiting wt on wt.service_day = sp.service_day and wt.agency_id = sp.agency_id
      and wt.service_id = m.service_id and wt.h between sp.lo and sp.hi
    where not exists (
      select 1 from calls c
      where c.service_day = sp.service_day and c.agency_id = sp.agency_id
        and c.counter_id = sp.counter_id and c.ch = wt.h)
  )
  select t.service_day, 'arr', t.agency_id, t.service_id, t.dow * 100 + t.ih, count(*)
    from t group by 1, 3, 4, 5
  union all
  select t.service_day, 'done', t.agency_id, t.service_id, 0, count(*)
    from t where t.status = 'done' group by 1, 3, 4
  union all
  select t.service_day, 'nos', t.agency_id, t.service_id, 0, count(*)
    from t where t.status = 'no_show' group by 1, 3, 4
  union all
  select t.service_day, 'w', t.agency_id, t.service_id, greatest(ceil(t.w), 0)::int, count(*)
    from t where t.w is not null group by 1, 3, 4, 5
  union all
  select t.service_day, 's', t.agency_id, t.service_id, greatest(ceil(t.sv), 0)::int, count(*)
    from t where t.sv is not null group by 1, 3, 4, 5
  union all
  select t.service_day, 'cs', t.agency_id, t.counter_id, 0, count(*)
    from t where t.status = 'done' and t.counter_id is not null group by 1, 3, 4
  union all
  select i.service_day, 'idle', i.agency_id, i.counter_id, 0, count(*)
    from idle i group by 1, 3, 4
  $$;

-- Marks the closed day (and its month) of a changed ticket stale. Upsert, not update: a roll-up
-- being built at the same moment then either waits for this transaction (and sees the change) or
-- this transaction waits for it (and marks its result stale).
create function mpp_ticket_rollup_stale() returns trigger
  language plpgsql
  as $$
declare
  tz text;
  days date[];
  d date;
begin
  select timezone into tz from ticket_rollup_setting where id = 1;
  if tz is null then
    return null; -- nothing rolled up yet
  end if;
  if tg_op = 'INSERT' then
    days := array[new.service_day];
  elsif tg_op = 'DELETE' then
    days := array[old.service_day];
  else
    days := array[old.service_day, new.service_day];
  end if;
  foreach d in array days loop
    if d < (now() at time zone tz)::date then
      insert into ticket_rollup_mark (grain, period_start, fresh) values ('d', d, false)
        on conflict (grain, period_start) do update set fresh = false;
      insert into ticket_rollup_mark (grain, period_start, fresh)
        values ('m', date_trunc('month', d)::date, false)
        on conflict (grain, period_start) do update set fresh = false;
    end if;
  end loop;
  return null;
end
$$;

create trigger ticket_rollup_stale
  after insert or delete or update of service_day, service_id, agency_id, status, counter_id,
    issued_at, called_at, started_at, finished_at
  on ticket
  for each row execute function mpp_ticket_rollup_stale();
