-- Cordon schema v5: the alarm center (issue 4). The journal's alarm.* events are the record of
-- every change; these tables hold the current state the center reloads at start-up, written in
-- the same transaction as those events. Portable SQL: H2 2.x and PostgreSQL 15.

-- Every alarm as it is now: the stored form (base64 of the binary cordon.v1.Alarm without the SOP
-- texts) plus the columns queries and the reload need.
create table alarm (
  alarm_id varchar(32) not null primary key,
  state varchar(16) not null,
  version bigint not null,
  last_seq bigint not null,
  raised_at timestamp(6) with time zone not null,
  closed_at timestamp(6) with time zone,
  body varchar(1000000) not null
);
create index alarm_open on alarm (closed_at);

-- Nuisance sources an operator has snoozed.
create table alarm_snooze (
  source_kind varchar(16) not null,
  source_id varchar(64) not null,
  until_at timestamp(6) with time zone not null,
  reason varchar(200) not null,
  by_user varchar(64) not null,
  primary key (source_kind, source_id)
);

-- How far the center has consumed the journal's report events (one row).
create table alarm_cursor (
  id int not null primary key,
  last_seq bigint not null
);
insert into alarm_cursor (id, last_seq) values (1, 0);
