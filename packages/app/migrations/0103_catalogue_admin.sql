-- Catalogue revisions imported by administrators (issue 8). Only files that pass every check of
-- @mpp-kit/service-standard are stored; a failed import leaves this table unchanged.
create table catalogue_revision (
  id bigserial primary key,
  at timestamptz not null default now(),
  username text not null,
  -- [{ fileName, text }] as uploaded
  files jsonb not null,
  agencies integer not null,
  services integer not null
);
