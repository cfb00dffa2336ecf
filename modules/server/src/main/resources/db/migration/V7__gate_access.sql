-- Cordon schema v7: gate access (issue 7). Every identification's decision and what followed it is
-- an access record, journalled as a gate.access event whose seq the row keeps; record_id is the
-- idempotency key of records uploaded by agents that decided offline. gate_presence holds each
-- holder's latest counted passage, so the server restores who is inside at start without
-- replaying the records. gate_cache_key is the SM2 key pair that signs the agents' caches.
-- Portable SQL: H2 2.x and PostgreSQL 15.

create table access_record (
  record_id varchar(64) not null primary key,
  seq bigint not null,
  gate_id varchar(64) not null,
  lane_id varchar(64) not null,
  direction varchar(5) not null,
  occurred_at timestamp(6) with time zone not null,
  credential_kind varchar(8) not null,
  holder varchar(64) not null,
  holder_name varchar(64) not null,
  holder_class varchar(16) not null,
  enterprise_id varchar(40) not null,
  passed boolean not null,
  rule varchar(40) not null,
  detail varchar(256) not null,
  permit_id varchar(20) not null,
  snapshot_ref varchar(256) not null,
  decided_offline boolean not null,
  passage_at timestamp(6) with time zone,
  forced boolean not null,
  tailgate boolean not null,
  recorded_at timestamp(6) with time zone not null
);
create index access_record_by_time on access_record (occurred_at, seq);
create index access_record_by_gate on access_record (gate_id, occurred_at);
create index access_record_by_holder on access_record (holder, occurred_at);

create table gate_presence (
  holder_key varchar(80) not null primary key,
  kind varchar(8) not null,
  holder varchar(64) not null,
  holder_class varchar(16) not null,
  enterprise_id varchar(40) not null,
  inside boolean not null,
  gate_id varchar(64) not null,
  since timestamp(6) with time zone not null,
  last_at timestamp(6) with time zone not null,
  record_id varchar(64) not null
);

create table gate_cache_key (
  key_id varchar(16) not null primary key,
  pem varchar(8000) not null,
  created_at timestamp(6) with time zone not null
);
