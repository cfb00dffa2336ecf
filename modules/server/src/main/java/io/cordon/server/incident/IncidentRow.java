package io.cordon.server.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Hibernate adapter for a row of {@code incident}. */
@Entity
@Table(name = "incident")
class IncidentRow {
  @Id
  @Column(name = "incident_id", length = 32)
  String incidentId;

  @Column(name = "title", nullable = false, length = 200)
  String title;

  @Column(name = "window_from")
  Instant windowFrom;

  @Column(name = "window_to")
  Instant windowTo;

  @Column(name = "created_by", nullable = false, length = 64)
  String createdBy;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "closed_by", length = 64)
  String closedBy;

  @Column(name = "closed_at")
  Instant closedAt;

  @Column(name = "conclusion", length = 2000)
  String conclusion;

  IncidentRow() {
  }
}
