package io.cordon.server.alarm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Hibernate adapter for a row of {@code alarm}: one alarm as it is now. */
@Entity
@Table(name = "alarm")
class AlarmRow {
  @Id
  @Column(name = "alarm_id", length = 32)
  String alarmId;

  /** An {@link io.cordon.domain.alarm.AlarmState} name. */
  @Column(name = "state", nullable = false, length = 16)
  String state;

  @Column(name = "version", nullable = false)
  long version;

  /** The journal seq of the alarm's latest change. */
  @Column(name = "last_seq", nullable = false)
  long lastSeq;

  @Column(name = "raised_at", nullable = false)
  Instant raisedAt;

  @Column(name = "closed_at")
  Instant closedAt;

  /** The stored form ({@link AlarmProtos#stored}): base64 of the binary cordon.v1.Alarm. */
  @Column(name = "body", nullable = false, length = 1_000_000)
  String body;

  AlarmRow() {
  }
}
