-- Cordon schema v14: the time indexes of positions and journal events also carry what an area's
-- timeline reads, so "this area over that hour" is answered from the index alone (issue 9, point 8).
-- Without it H2 fetched and decoded every row of the hour (about 70,000 fixes at 2,000 vehicles) to
-- keep the 2 % inside a zone: 210 ms at 50 M positions. The position index is replaced, not added,
-- so JT/T 808 ingestion still maintains two indexes; the wider key costs it little (measured in the
-- issue note). Portable SQL: H2 2.x and PostgreSQL 15.

-- Every column PositionReads.fixesIn selects or filters on: an index-only scan on both databases.
drop index vehicle_position_by_time;
create index vehicle_position_by_time
  on vehicle_position (fix_time, lon, lat, plate, vehicle_class, heading_deg, speed_kmh, fix_valid);

-- An area's events: the seqs inside the box come from the index, then only those rows by seq.
drop index journal_event_by_time;
create index journal_event_by_time on journal_event (occurred_at, seq, lon, lat);
