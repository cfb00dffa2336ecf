-- Cordon schema v4: the current state of every gate that has reported (ADR 0006). It is a
-- projection of the journal's gate.state events: state_seq is the seq of the event that set the
-- state, so after a crash between the journal commit and this table's update the server catches up
-- from the journal. Portable SQL: H2 2.x and PostgreSQL 15.
create table gate_state (
  gate_id varchar(64) not null primary key,
  state varchar(16) not null,
  since timestamp(6) with time zone not null,
  last_report timestamp(6) with time zone not null,
  state_seq bigint not null,
  detail varchar(256) not null
);
