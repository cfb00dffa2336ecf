package io.cordon.server.event;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Hibernate adapter for a row of {@code journal_event}. */
@Entity
@Table(name = "journal_event")
class EventRow {
  @Id
  @Column(name = "seq")
  long seq;

  @Column(name = "occurred_at", nullable = false)
  Instant occurredAt;

  @Column(name = "recorded_at", nullable = false)
  Instant recordedAt;

  @Column(name = "event_type", nullable = false, length = 100)
  String type;

  @Column(name = "lon")
  Double lon;

  @Column(name = "lat")
  Double lat;

  @Column(name = "summary", nullable = false, length = 500)
  String summary;

  /** JSON object of string values. */
  @Column(name = "attributes", nullable = false, length = 4000)
  String attributes;

  EventRow() {
  }
}
