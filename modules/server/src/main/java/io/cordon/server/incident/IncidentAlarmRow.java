package io.cordon.server.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** Hibernate adapter for a row of {@code incident_alarm}: the alarms of an incident in the order added. */
@Entity
@Table(name = "incident_alarm")
class IncidentAlarmRow {
  @EmbeddedId
  Key key;

  @Column(name = "alarm_id", nullable = false, length = 32)
  String alarmId;

  IncidentAlarmRow() {
  }

  IncidentAlarmRow(String incidentId, int ordinal, String alarmId) {
    this.key = new Key(incidentId, ordinal);
    this.alarmId = alarmId;
  }

  @Embeddable
  static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    @Column(name = "incident_id", length = 32)
    String incidentId;

    @Column(name = "ordinal")
    int ordinal;

    Key() {
    }

    Key(String incidentId, int ordinal) {
      this.incidentId = incidentId;
      this.ordinal = ordinal;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key other && other.incidentId.equals(incidentId) && other.ordinal == ordinal;
    }

    @Override
    public int hashCode() {
      return Objects.hash(incidentId, ordinal);
    }
  }
}
