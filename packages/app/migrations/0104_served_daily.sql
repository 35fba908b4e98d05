-- Served tickets per service and past day: the population N of the SKM sample check. Past days
-- are final, so they are counted once (lazily, up to yesterday) instead of on every results page.
create table served_daily (
  service_day date not null,
  service_id text not null,
  agency_id text not null,
  served bigint not null,
  primary key (service_day, service_id)
);

create table served_daily_mark (
  id integer primary key check (id = 1),
  filled_through date not null
);
