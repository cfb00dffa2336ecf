-- Cordon schema v13: statistics (issue 9 point 7). The alarm and application tables keep their objects
-- whole in `body`; reports group by what is inside (type, zone, verdict, first acknowledgement; goods
-- classes and amounts), so the statistics keep these columns in projections of their own, caught up
-- by last_seq before each report (stats_cursor), and aggregate them with GROUP BY.
-- Portable SQL: H2 2.x and PostgreSQL 15.

create table stats_alarm (
  alarm_id varchar(32) not null primary key,
  alarm_type varchar(40) not null,
  zone_id varchar(64) not null,
  zone_class varchar(24) not null,
  outcome varchar(32) not null,
  raised_at timestamp(6) with time zone not null,
  acknowledged_at timestamp(6) with time zone,
  response_ms bigint,
  auto_acknowledged boolean not null,
  source_seq bigint not null
);
create index stats_alarm_by_raised on stats_alarm (raised_at);

-- The goods lines of applications (permit_id = application_id), normalised to t, m3 or pcs.
create table stats_goods (
  application_id varchar(20) not null,
  line integer not null,
  hazard_class varchar(8) not null,
  un_number varchar(16) not null,
  amount decimal(18, 4) not null,
  measure varchar(4) not null,
  primary key (application_id, line)
);

-- How far each projection has read its source table's last_seq.
create table stats_cursor (
  name varchar(16) not null primary key,
  last_seq bigint not null
);
insert into stats_cursor (name, last_seq) values ('alarm', 0);
insert into stats_cursor (name, last_seq) values ('goods', 0);
