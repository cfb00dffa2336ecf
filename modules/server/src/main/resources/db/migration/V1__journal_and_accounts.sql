-- Cordon schema v1: the append-only event journal, device request idempotency, users and sessions.
-- Portable SQL only: it runs unchanged on H2 2.x and PostgreSQL 15.

-- One row holding the last allocated journal sequence number. Appenders lock it (SELECT ... FOR
-- UPDATE) so sequence numbers are gapless and commit in sequence order, on one node or many.
create table journal_head (
  id integer not null primary key,
  last_seq bigint not null
);
insert into journal_head (id, last_seq) values (1, 0);

create table journal_event (
  seq bigint not null primary key,
  occurred_at timestamp(6) with time zone not null,
  recorded_at timestamp(6) with time zone not null,
  event_type varchar(100) not null,
  lon double precision,
  lat double precision,
  summary varchar(500) not null,
  attributes varchar(4000) not null
);
create index journal_event_by_time on journal_event (occurred_at, seq);
create index journal_event_by_type on journal_event (event_type, seq);

-- What an event is about; ordinal 0 is the main subject.
create table event_subject (
  seq bigint not null references journal_event (seq),
  ordinal integer not null,
  kind varchar(32) not null,
  subject_id varchar(128) not null,
  primary key (seq, ordinal)
);
create index event_subject_by_subject on event_subject (kind, subject_id, seq);

-- Client request ids already recorded, so that a repeated mutating call records nothing new.
create table processed_request (
  request_key varchar(200) not null primary key,
  seq bigint not null,
  recorded_at timestamp(6) with time zone not null
);

create table users (
  username varchar(64) not null primary key,
  display_name varchar(128) not null,
  password_hash varchar(256) not null,
  created_at timestamp(6) with time zone not null
);

create table user_role (
  username varchar(64) not null references users (username),
  role_name varchar(32) not null,
  primary key (username, role_name)
);

-- Only a hash of each bearer token is stored.
create table user_session (
  token_hash varchar(64) not null primary key,
  username varchar(64) not null references users (username),
  created_at timestamp(6) with time zone not null,
  expires_at timestamp(6) with time zone not null
);
create index user_session_by_expiry on user_session (expires_at);
