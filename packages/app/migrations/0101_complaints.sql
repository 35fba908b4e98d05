-- Complaints (pengaduan, issue 8): workflow with SP4N-LAPOR! deadlines and an event trail.

create table complaint (
  id uuid primary key default gen_random_uuid(),
  -- shown to the citizen to track the complaint; unguessable
  tracking_code text not null unique,
  category text not null,
  agency_id text not null,
  service_id text,
  description text not null,
  anonymous boolean not null,
  -- personal data: only when not anonymous; cleared by the retention job
  contact_name text,
  contact_email text,
  contact_phone text,
  contact_deleted_at timestamptz,
  status text not null default 'received'
    check (status in ('received', 'verified', 'forwarded', 'in_progress', 'answered', 'closed')),
  received_at timestamptz not null default now(),
  verified_at timestamptz,
  forwarded_at timestamptz,
  answered_at timestamptz,
  closed_at timestamptz,
  answer text
);
create index complaint_agency_idx on complaint (agency_id, received_at desc);
create index complaint_status_idx on complaint (status);

create table complaint_event (
  id bigserial primary key,
  complaint_id uuid not null references complaint (id) on delete cascade,
  at timestamptz not null default now(),
  actor text not null,
  from_status text,
  to_status text not null,
  note text
);
create index complaint_event_idx on complaint_event (complaint_id, id);

create table complaint_attachment (
  id uuid primary key default gen_random_uuid(),
  complaint_id uuid not null references complaint (id) on delete cascade,
  -- a safe display name only; the stored bytes are served as a download, never inline
  filename text not null,
  media_type text not null check (media_type in ('image/jpeg', 'image/png', 'application/pdf')),
  size integer not null check (size > 0 and size <= 2097152),
  data bytea not null
);
create index complaint_attachment_idx on complaint_attachment (complaint_id);
