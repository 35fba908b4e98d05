-- Tickets, staff, sessions, audit log and the queue outbox of one MPP instance.
-- Catalogue data (agencies, services, counters, kiosks, boards) comes from mpp.config.yaml.

create table ticket_sequence (
  service_day date not null,
  service_id text not null,
  last_seq integer not null,
  primary key (service_day, service_id)
);

create table ticket (
  id uuid primary key default gen_random_uuid(),
  -- unguessable public handle used in the status link and QR code
  code text not null unique,
  number text not null,
  service_day date not null,
  seq integer not null,
  service_id text not null,
  agency_id text not null,
  priority text not null check (priority in ('regular', 'elderly', 'disability', 'pregnant', 'child')),
  channel text not null check (channel in ('online', 'kiosk')),
  kiosk_id text,
  -- optional, for a reminder; personal data, never logged
  phone text,
  status text not null default 'waiting'
    check (status in ('waiting', 'called', 'serving', 'done', 'no_show', 'parked', 'transferred')),
  counter_id text,
  transferred_from uuid references ticket (id),
  recall_count integer not null default 0,
  issued_at timestamptz not null default now(),
  called_at timestamptz,
  started_at timestamptz,
  finished_at timestamptz,
  unique (service_day, service_id, seq)
);
create index ticket_waiting_idx on ticket (agency_id, service_id, issued_at) where status = 'waiting';
create index ticket_counter_idx on ticket (counter_id) where status in ('called', 'serving');

-- Outbox: one row per queue change, written in the same transaction as the change.
-- Its id is the SSE event id, so clients replay from Last-Event-ID.
create table queue_event (
  id bigserial primary key,
  at timestamptz not null default now(),
  agency_id text not null,
  service_id text not null,
  kind text not null,
  ticket_id uuid not null references ticket (id),
  payload jsonb not null
);
create index queue_event_agency_idx on queue_event (agency_id, id);

create table staff (
  id uuid primary key default gen_random_uuid(),
  username text not null unique,
  display_name text not null,
  password_hash text not null,
  role text not null check (role in ('operator', 'agency_admin', 'mpp_manager', 'auditor')),
  agency_id text,
  failed_attempts integer not null default 0,
  locked_until timestamptz,
  created_at timestamptz not null default now(),
  check ((role in ('operator', 'agency_admin')) = (agency_id is not null))
);

create table staff_session (
  -- sha-256 of the cookie value: a database leak does not hand out live sessions
  token_hash text primary key,
  staff_id uuid not null references staff (id) on delete cascade,
  counter_id text,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index staff_session_expiry_idx on staff_session (expires_at);

create table audit_log (
  id bigserial primary key,
  at timestamptz not null default now(),
  staff_id uuid references staff (id),
  username text not null,
  role text not null,
  agency_id text,
  action text not null,
  target text,
  outcome text not null check (outcome in ('ok', 'denied', 'failed')),
  detail jsonb not null default '{}'
);
create index audit_log_agency_idx on audit_log (agency_id, id);
