-- Cordon schema v9: trips of JT/T 808 terminals (issue 8, point 3). A trip is one journey of one
-- vehicle with one terminal: issued at an entry gate and returned at exit, or a vehicle's own
-- terminal while the vehicle holds a valid permit. open_terminal and open_plate equal
-- terminal_number and plate while the trip is open and are null once it closed, so the unique
-- indexes keep one open trip per terminal and per vehicle (both databases let NULLs repeat in a
-- unique index). Portable SQL: H2 2.x and PostgreSQL 15.

create table track_trip (
  trip_id varchar(20) not null primary key,
  terminal_number varchar(20) not null,
  plate varchar(16) not null,
  plate_color varchar(16) not null,
  vehicle_class varchar(16) not null,
  own_terminal boolean not null,
  permit_id varchar(20) not null,
  opened_at timestamp(6) with time zone not null,
  opened_gate_id varchar(64) not null,
  opened_by varchar(64) not null,
  closed_at timestamp(6) with time zone,
  closed_gate_id varchar(64) not null,
  closed_by varchar(64) not null,
  open_terminal varchar(20),
  open_plate varchar(16)
);
create unique index track_trip_open_terminal on track_trip (open_terminal);
create unique index track_trip_open_plate on track_trip (open_plate);
create index track_trip_by_terminal on track_trip (terminal_number, opened_at);
create index track_trip_by_plate on track_trip (plate, opened_at);
create index track_trip_by_closed on track_trip (closed_at);

-- A vehicle's own terminal (自带终端), bound by terminal number until removed.
create table track_own_terminal (
  terminal_number varchar(20) not null primary key,
  plate varchar(16) not null,
  plate_color varchar(16) not null,
  vehicle_class varchar(16) not null,
  saved_at timestamp(6) with time zone not null,
  saved_by varchar(64) not null
);
create unique index track_own_terminal_by_plate on track_own_terminal (plate);

-- The first answer to each mutating TripService request ("trip-<rpc>/<user>/<request_id>"), base64
-- of the binary cordon.v1 message, so a repeated request_id returns it and changes nothing.
create table track_trip_answer (
  request_key varchar(200) not null primary key,
  body varchar(1000000) not null,
  recorded_at timestamp(6) with time zone not null
);
