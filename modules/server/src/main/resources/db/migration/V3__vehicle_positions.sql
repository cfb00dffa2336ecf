-- Cordon schema v3: vehicle position fixes (high volume, append-only, written in JDBC batches) and
-- the device batches already recorded, so a repeated request_id stores nothing new.
-- Portable SQL: H2 2.x and PostgreSQL 15.

-- One row per accepted fix. No surrogate key: rows are only appended and read by plate and time
-- (the timeline, replay) or by time (rebuilding the live view at start); at scale the table is
-- partitioned by fix_time (DESIGN §14).
create table vehicle_position (
  plate varchar(16) not null,
  plate_color varchar(16) not null,
  vehicle_class varchar(16) not null,
  lon double precision not null,
  lat double precision not null,
  heading_deg double precision not null,
  speed_kmh double precision not null,
  fix_time timestamp(6) with time zone not null,
  received_at timestamp(6) with time zone not null
);
create index vehicle_position_by_plate on vehicle_position (plate, fix_time);
create index vehicle_position_by_time on vehicle_position (fix_time);

-- Device batches already recorded, keyed "position-batch/<device account>/<request_id>". Kept
-- apart from processed_request, whose rows point at journal events: a batch is no journal event.
create table position_batch (
  request_key varchar(200) not null primary key,
  fix_count integer not null,
  received_at timestamp(6) with time zone not null
);
