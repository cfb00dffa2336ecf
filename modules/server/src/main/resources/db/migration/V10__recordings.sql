-- Cordon schema v10: video recordings and alarm evidence (issue 9, points 1 and 2). The media relay
-- records each configured camera in segment files of about a minute; recording_segment indexes them
-- (the file names carry the same facts, so a lost row can be rebuilt from the directory). An alarm
-- with linked cameras protects their segments from [raised - 60 s, closed] until a supervisor
-- releases the evidence; protection is computed from recording_evidence when retention asks, so a
-- segment recorded while the alarm is open is protected the moment it is indexed.
-- Portable SQL: H2 2.x and PostgreSQL 15.

create table recording_segment (
  path varchar(1000) not null primary key,
  camera_id varchar(64) not null,
  profile varchar(8) not null,
  start_at timestamp(6) with time zone not null,
  end_at timestamp(6) with time zone not null,
  bytes bigint not null
);
create index recording_segment_by_camera on recording_segment (camera_id, profile, start_at);
create index recording_segment_by_start on recording_segment (start_at);
create index recording_segment_by_end on recording_segment (camera_id, end_at);

-- One row per alarm with linked cameras: from_at = raised_at - 60 s; closed_at null while open.
create table recording_evidence (
  alarm_id varchar(32) not null primary key,
  raised_at timestamp(6) with time zone not null,
  from_at timestamp(6) with time zone not null,
  closed_at timestamp(6) with time zone,
  released_at timestamp(6) with time zone,
  released_by varchar(64),
  release_reason varchar(400)
);
create index recording_evidence_open on recording_evidence (closed_at);

create table recording_evidence_camera (
  alarm_id varchar(32) not null,
  camera_id varchar(64) not null,
  primary key (alarm_id, camera_id)
);
create index recording_evidence_by_camera on recording_evidence_camera (camera_id);
