-- The queue now runs on @mpp-kit/queue's engine and tables (mpp_queue_*, applied before this
-- file). `ticket` and `queue_event` stay as the app's projection of the engine's outbox: one
-- `ticket` row per visit (id = the engine's first ticket id of the lineage, so a transfer keeps
-- the public code), holding what only the app knows (public code, phone, kiosk, priority group),
-- and one `queue_event` row per event the screens use. Analytics, survey and open data read them.
alter table ticket add column queue_ticket_id uuid unique;
alter table ticket add column last_seq bigint;
alter table ticket drop constraint ticket_status_check;
alter table ticket add constraint ticket_status_check
  check (status in ('waiting', 'called', 'serving', 'done', 'no_show', 'parked', 'transferred', 'cancelled'));

-- How far the projection has read the engine's outbox. `id_offset` keeps SSE event ids growing
-- past the ids the app's own outbox used before this migration (boards replay by id).
create table queue_projection (
  site_id text primary key,
  last_seq bigint not null default 0,
  id_offset bigint not null
);
insert into queue_projection (site_id, last_seq, id_offset)
select 'mpp', 0, coalesce(max(id), 0) from queue_event;

-- Tickets still open when the engine took over cannot be carried into it: close them.
update ticket set status = 'cancelled', finished_at = now()
where status in ('waiting', 'called', 'serving', 'parked');
