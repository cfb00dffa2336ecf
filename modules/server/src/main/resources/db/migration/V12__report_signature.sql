-- Cordon schema v12: signed reports (issue 9 point 6). Every rendered report's SHA-256 (of the finished PDF
-- bytes) with the incident, the report.signed journal event that records it, and who rendered it when, so
-- VerifyReport can tell whether given bytes are a report this server issued, unchanged. sm3 is the same bytes'
-- SM3 digest (GB/T 32905) for auditors who require it. Portable SQL: H2 2.x and PostgreSQL 15.
create table report_signature (
  sha256 varchar(64) not null primary key,
  sm3 varchar(64) not null,
  incident_id varchar(64) not null,
  journal_seq bigint not null,
  rendered_at timestamp(6) with time zone not null,
  rendered_by varchar(64) not null,
  file_name varchar(200) not null
);
create index report_signature_by_incident on report_signature (incident_id);
