-- Administrative changes laid over mpp.config.yaml (issue 8, decision 0066): one row per change,
-- each holding the whole overlay after it, so the latest row is what applies and older rows are
-- its history. Only overlays that passed @mpp-kit/config's checks are stored.
create table admin_overlay (
  version bigserial primary key,
  at timestamptz not null default now(),
  username text not null,
  change jsonb not null,
  overlay jsonb not null
);
