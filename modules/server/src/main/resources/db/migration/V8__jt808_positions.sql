-- Cordon schema v8: JT/T 808 tracking (issue 8). Positions of JT/T 808 terminals go to the same
-- vehicle_position table as the simulator's, with what the terminal said on top; terminals keep
-- their auth codes across restarts. Portable SQL: H2 2.x and PostgreSQL 15.

-- An unbound terminal's positions are stored under "终端:<terminal number>" (up to 23 characters).
alter table vehicle_position alter column plate set data type varchar(32);

-- The reporting terminal (12 or 20 digits); null for fixes of PositionIngestService.
alter table vehicle_position add column terminal_number varchar(20);
-- The open trip and its permit the position was matched to; null when none.
alter table vehicle_position add column trip_id varchar(64);
alter table vehicle_position add column permit_id varchar(64);
-- false: the receiver had no fix (JT/T 808 status bit 1 clear). Kept for signal-lost evidence, never
-- shown as a position on the map or a trajectory.
alter table vehicle_position add column fix_valid boolean default true not null;
-- Bits: 1 = unbound terminal, 2 = far outside the park (kept, ignored by the rules).
alter table vehicle_position add column flags integer default 0 not null;
-- The terminal's alarm and status words (JT/T 808 table 24 and 25), as sent.
alter table vehicle_position add column alarm_flags bigint default 0 not null;
alter table vehicle_position add column status_flags bigint default 0 not null;
alter table vehicle_position add column altitude_m integer;
alter table vehicle_position add column mileage_km double precision;
alter table vehicle_position add column satellites integer;
alter table vehicle_position add column signal_strength integer;
-- LIVE (0x0200), BATCH or BLIND_AREA (0x0704).
alter table vehicle_position add column origin varchar(12);

-- Every JT/T 808 terminal the server has heard of: its auth code (0x0100 → 0x8100) and what it
-- registered as. auth_code is null after an unregister (0x0003).
create table jt808_terminal (
  terminal_number varchar(20) not null primary key,
  auth_code varchar(64),
  registered_at timestamp(6) with time zone not null,
  province integer not null,
  city integer not null,
  maker varchar(32) not null,
  model varchar(64) not null,
  terminal_id varchar(64) not null,
  plate_colour integer not null,
  plate varchar(64) not null
);
