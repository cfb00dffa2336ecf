-- Cordon schema v11: incidents (issue 9, point 4). An incident groups alarms a supervisor reviews on one
-- timeline; its changes are journalled (incident.*), these tables hold its current state, written in the
-- same transaction as those events. Window and subjects derived from the alarms are computed when read;
-- only overrides and the supervisor's extra subjects are stored. Portable SQL: H2 2.x and PostgreSQL 15.

create table incident (
  incident_id varchar(32) not null primary key,
  title varchar(200) not null,
  -- optional overrides of the window derived from the alarms
  window_from timestamp(6) with time zone,
  window_to timestamp(6) with time zone,
  created_by varchar(64) not null,
  created_at timestamp(6) with time zone not null,
  -- all three set together when closed
  closed_by varchar(64),
  closed_at timestamp(6) with time zone,
  conclusion varchar(2000)
);
create index incident_by_created on incident (created_at);

create table incident_alarm (
  incident_id varchar(32) not null references incident (incident_id),
  ordinal integer not null,
  alarm_id varchar(32) not null,
  primary key (incident_id, ordinal)
);
create unique index incident_alarm_once on incident_alarm (incident_id, alarm_id);
create index incident_alarm_by_alarm on incident_alarm (alarm_id);

-- Subjects the supervisor added beyond the alarms' own.
create table incident_subject (
  incident_id varchar(32) not null references incident (incident_id),
  ordinal integer not null,
  kind varchar(32) not null,
  subject_id varchar(128) not null,
  primary key (incident_id, ordinal)
);
