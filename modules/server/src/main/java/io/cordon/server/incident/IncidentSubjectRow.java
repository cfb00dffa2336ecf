package io.cordon.server.incident;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Hibernate adapter for a row of {@code incident_subject}: a subject the supervisor added. */
@Entity
@Table(name = "incident_subject")
class IncidentSubjectRow {
  @EmbeddedId
  IncidentAlarmRow.Key key;

  @Column(name = "kind", nullable = false, length = 32)
  String kind;

  @Column(name = "subject_id", nullable = false, length = 128)
  String subjectId;

  IncidentSubjectRow() {
  }

  IncidentSubjectRow(String incidentId, int ordinal, String kind, String subjectId) {
    this.key = new IncidentAlarmRow.Key(incidentId, ordinal);
    this.kind = kind;
    this.subjectId = subjectId;
  }
}
