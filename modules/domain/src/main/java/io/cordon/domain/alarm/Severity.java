package io.cordon.domain.alarm;

/** Alarm severity, most severe first; the client shows them red, orange, yellow and blue. */
public enum Severity {
  CRITICAL,
  MAJOR,
  MINOR,
  INFO
}
