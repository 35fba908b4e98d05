-- One source of truth for tickets (issue 14, decision 0110): the queue engine's tables hold ticket
-- state; the app keeps only what the engine does not know, in `ticket_detail` keyed by the
-- engine's ticket id (the visit's first ticket), and reads state through @mpp-kit/queue's views
-- (mpp_queue_visits, mpp_queue_ticket_events, created by its migration 0006, applied before this
-- file). The projection (`ticket` columns, `queue_event`, `queue_projection`) is retired.

-- 1. Tickets the engine never held (from before the app ran on the engine, and generated demo
--    history) become closed engine tickets with their ids, numbers and times, so their codes,
--    survey receipts and figures keep working. Open ones were already cancelled by 0005.
select mpp_queue_import_tickets('mpp', coalesce((
  select jsonb_agg(jsonb_build_object(
    'id', t.id, 'serviceId', t.service_id, 'agencyId', t.agency_id,
    'serviceDay', t.service_day, 'sequence', t.seq, 'label', t.number, 'channel', t.channel,
    'priorityClass', case when t.priority = 'regular' then null else 'rentan' end,
    'status', case t.status
      when 'done' then 'served' when 'no_show' then 'no-show' when 'transferred' then 'transferred'
      else 'cancelled' end,
    'issuedAt', (extract(epoch from t.issued_at) * 1000)::bigint,
    'calledAt', (extract(epoch from t.called_at) * 1000)::bigint,
    'servingAt', (extract(epoch from t.started_at) * 1000)::bigint,
    'finishedAt', (extract(epoch from coalesce(t.finished_at,
      case when t.status in ('waiting', 'called', 'serving', 'parked') then now() end)) * 1000)::bigint,
    'counterId', t.counter_id,
    'callCount', case when t.called_at is null then 0 else t.recall_count + 1 end))
  from ticket t
  where not exists (select 1 from mpp_queue_tickets q where q.id = t.id)
), '[]'::jsonb))
where exists (select 1 from ticket t where not exists (select 1 from mpp_queue_tickets q where q.id = t.id));

-- 2. The narrow table: public code, the declared vulnerable group, kiosk and reminder phone.
--    Renamed rather than recreated so survey receipts keep their foreign key.
drop trigger if exists ticket_rollup_stale on ticket;
alter table queue_event rename to queue_event_before_engine;
comment on table queue_event_before_engine is
  'The app''s outbox before issue 14: kept for the record; the engine''s outbox (mpp_queue_events) replaced it.';
alter table ticket rename to ticket_detail;
alter table ticket_detail drop constraint if exists ticket_priority_check;
-- The priority group in the regulation's vocabulary (@mpp-kit/service-standard's KELOMPOK_RENTAN).
update ticket_detail set priority = case priority
  when 'elderly' then 'lanjut-usia' when 'disability' then 'disabilitas'
  when 'pregnant' then 'ibu-hamil' when 'child' then 'anak' else priority end;
alter table ticket_detail add constraint ticket_detail_priority_check check (priority in (
  'regular', 'disabilitas', 'lanjut-usia', 'ibu-hamil', 'ibu-menyusui', 'anak',
  'korban-bencana-alam', 'korban-bencana-sosial'));
alter table ticket_detail
  drop column number, drop column service_day, drop column seq, drop column service_id,
  drop column agency_id, drop column channel, drop column status, drop column counter_id,
  drop column transferred_from, drop column recall_count, drop column issued_at,
  drop column called_at, drop column started_at, drop column finished_at,
  drop column queue_ticket_id, drop column last_seq;
alter table ticket_detail alter column id drop default;
comment on table ticket_detail is
  'What the app knows of a visit beside the queue engine: id = the engine''s first ticket id (mpp_queue_visits.id).';
create index ticket_detail_phone_idx on ticket_detail (phone) where phone is not null;
-- Numbering before the engine (unused since 0005).
drop table ticket_sequence;

-- 3. SSE event ids stay above the ids the app's own outbox handed out (boards replay by id):
--    id = offset + the engine's outbox sequence, as before.
create table queue_event_id_offset (
  site_id text primary key,
  id_offset bigint not null
);
insert into queue_event_id_offset (site_id, id_offset) select site_id, id_offset from queue_projection;
drop table queue_projection;

-- 4. The analytics roll-up reads the engine's visits (same figures, the engine's statuses).
create or replace function mpp_ticket_rollup_rows(p_days date[])
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
           case when t.status = 'served'
             then extract(epoch from t.finished_at - coalesce(t.serving_at, t.called_at)) / 60 end as sv
    from mpp_queue_visits t cross join setting s
    where t.site_id = 'mpp' and t.service_day = any(p_days)
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
    from t where t.status = 'served' group by 1, 3, 4
  union all
  select t.service_day, 'nos', t.agency_id, t.service_id, 0, count(*)
    from t where t.status = 'no-show' group by 1, 3, 4
  union all
  select t.service_day, 'w', t.agency_id, t.service_id, greatest(ceil(t.w), 0)::int, count(*)
    from t where t.w is not null group by 1, 3, 4, 5
  union all
  select t.service_day, 's', t.agency_id, t.service_id, greatest(ceil(t.sv), 0)::int, count(*)
    from t where t.sv is not null group by 1, 3, 4, 5
  union all
  select t.service_day, 'cs', t.agency_id, t.counter_id, 0, count(*)
    from t where t.status = 'served' and t.counter_id is not null group by 1, 3, 4
  union all
  select i.service_day, 'idle', i.agency_id, i.counter_id, 0, count(*)
    from idle i group by 1, 3, 4
  $$;

-- A change to a ticket of a closed day marks the day stale, now on the engine's table. The WHEN
-- clause keeps most of the engine's hot path free of it: a day cannot be closed in any zone the
-- engine accepts before it has ended in Asia/Jayapura (the easternmost), so the function runs
-- only for tickets of days before Jayapura's today; it then checks the day in the instance's
-- own zone. Today's tickets of a WIB or WITA instance still run it (cheaply: one read of
-- ticket_rollup_setting, no write) in the hours when Jayapura's date is already tomorrow
-- (from 22:00 WIB); a WHEN clause cannot read the instance's zone.
create trigger ticket_rollup_stale_insert after insert on mpp_queue_tickets for each row
  when (new.service_day < (now() at time zone 'Asia/Jayapura')::date)
  execute function mpp_ticket_rollup_stale();
create trigger ticket_rollup_stale_update
  after update of service_day, service_id, agency_id, status, counter_id, issued_at,
    last_called_at, serving_at, finished_at
  on mpp_queue_tickets for each row
  when (old.service_day < (now() at time zone 'Asia/Jayapura')::date
    or new.service_day < (now() at time zone 'Asia/Jayapura')::date)
  execute function mpp_ticket_rollup_stale();
create trigger ticket_rollup_stale_delete after delete on mpp_queue_tickets for each row
  when (old.service_day < (now() at time zone 'Asia/Jayapura')::date)
  execute function mpp_ticket_rollup_stale();
