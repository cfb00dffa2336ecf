-- Cordon schema v6: registry, applications and permits, violations, blacklist and appeals
-- (issue 6). The journal's events are the record of every change; these tables hold the current
-- state, written in the same transaction as those events. Each row keeps its object whole in
-- `body` (base64 of the binary cordon.v1 message, as the alarm table does) plus the columns the
-- queries need. Portable SQL: H2 2.x and PostgreSQL 15.

create table reg_enterprise (
  enterprise_id varchar(40) not null primary key,
  name varchar(100) not null,
  credit_code varchar(18) not null,
  version bigint not null,
  body varchar(200000) not null
);
create index reg_enterprise_by_name on reg_enterprise (name);

-- Which user accounts act for which enterprise (applicants).
create table reg_enterprise_account (
  username varchar(64) not null primary key,
  enterprise_id varchar(40) not null
);
create index reg_enterprise_account_by_enterprise on reg_enterprise_account (enterprise_id);

create table reg_person (
  person_id varchar(20) not null primary key,
  id_number varchar(18) not null,
  name varchar(50) not null,
  enterprise_id varchar(40),
  role varchar(24) not null,
  version bigint not null,
  body varchar(100000) not null
);
create unique index reg_person_by_id_number on reg_person (id_number);
create index reg_person_by_enterprise on reg_person (enterprise_id, person_id);

create table reg_vehicle (
  plate varchar(16) not null primary key,
  vehicle_class varchar(16) not null,
  owner_id varchar(40) not null,
  vin varchar(17) not null,
  version bigint not null,
  body varchar(20000) not null
);
create index reg_vehicle_by_owner on reg_vehicle (owner_id, plate);

-- Server-assigned ids (P-000001, A-000001 …): the last number given per prefix.
create table reg_counter (
  name varchar(16) not null primary key,
  last_value bigint not null
);

create table appointment_application (
  application_id varchar(20) not null primary key,
  kind varchar(32) not null,
  state varchar(16) not null,
  applicant_id varchar(40) not null,
  host_id varchar(40) not null,
  window_from timestamp(6) with time zone not null,
  window_until timestamp(6) with time zone not null,
  review_due timestamp(6) with time zone,
  version bigint not null,
  last_seq bigint not null,
  created_at timestamp(6) with time zone not null,
  body varchar(1000000) not null
);
create index appointment_by_state on appointment_application (state, review_due);
create index appointment_by_applicant on appointment_application (applicant_id, created_at);
create index appointment_by_host on appointment_application (host_id, created_at);
create index appointment_by_window on appointment_application (window_until, window_from);

-- The plates an application names, for the vehicle-booking (overlapping window) check.
create table appointment_plate (
  application_id varchar(20) not null references appointment_application (application_id),
  plate varchar(16) not null,
  primary key (application_id, plate)
);
create index appointment_plate_by_plate on appointment_plate (plate);

create table permit (
  permit_id varchar(20) not null primary key,
  application_id varchar(20) not null,
  host_id varchar(40) not null,
  window_from timestamp(6) with time zone not null,
  window_until timestamp(6) with time zone not null,
  revoked_at timestamp(6) with time zone,
  last_seq bigint not null,
  body varchar(200000) not null
);
create index permit_by_window on permit (window_until, window_from);

create table violation (
  violation_id varchar(20) not null primary key,
  kind varchar(32) not null,
  occurred_at timestamp(6) with time zone not null,
  person_id varchar(20),
  plate varchar(16),
  enterprise_id varchar(40),
  overturned_at timestamp(6) with time zone,
  body varchar(100000) not null
);
create index violation_by_person on violation (person_id, occurred_at);
create index violation_by_plate on violation (plate, occurred_at);
create index violation_by_enterprise on violation (enterprise_id, occurred_at);

create table blacklist_entry (
  entry_id varchar(40) not null primary key,
  subject_kind varchar(16) not null,
  subject_id varchar(40) not null,
  from_at timestamp(6) with time zone not null,
  until_at timestamp(6) with time zone,
  lifted_at timestamp(6) with time zone,
  violation_id varchar(20),
  body varchar(20000) not null
);
create index blacklist_by_subject on blacklist_entry (subject_kind, subject_id);
create index blacklist_by_until on blacklist_entry (until_at);

create table appeal (
  appeal_id varchar(20) not null primary key,
  violation_id varchar(20) not null,
  state varchar(16) not null,
  filed_at timestamp(6) with time zone not null,
  body varchar(20000) not null
);
create index appeal_by_state on appeal (state, filed_at);

-- Which departments a reviewer account reviews for (none listed: the safety department).
create table reviewer_department (
  username varchar(64) not null,
  department varchar(32) not null,
  primary key (username, department)
);
