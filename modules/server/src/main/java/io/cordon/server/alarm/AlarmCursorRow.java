package io.cordon.server.alarm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Hibernate adapter for the single row of {@code alarm_cursor}: the last report event the center consumed. */
@Entity
@Table(name = "alarm_cursor")
class AlarmCursorRow {
  static final int ID = 1;

  @Id
  @Column(name = "id")
  int id;

  @Column(name = "last_seq", nullable = false)
  long lastSeq;

  AlarmCursorRow() {
  }
}
