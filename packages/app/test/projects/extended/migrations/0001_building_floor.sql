-- The project's own table: which floor each counter is on (the app's tables stay the package's).
create table building_floor (
  counter_id text primary key,
  floor integer not null
);
insert into building_floor (counter_id, floor) values ('loket-01', 1);
