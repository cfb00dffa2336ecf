package io.cordon.server.alarm;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** Hibernate adapter for a row of {@code alarm_snooze}: one snoozed source. */
@Entity
@Table(name = "alarm_snooze")
class AlarmSnoozeRow {
  @EmbeddedId
  Key key;

  @Column(name = "until_at", nullable = false)
  Instant until;

  @Column(name = "reason", nullable = false, length = 200)
  String reason;

  @Column(name = "by_user", nullable = false, length = 64)
  String byUser;

  AlarmSnoozeRow() {
  }

  /** The snoozed source. */
  @Embeddable
  static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    @Column(name = "source_kind", length = 16)
    String sourceKind;

    @Column(name = "source_id", length = 64)
    String sourceId;

    Key() {
    }

    Key(String sourceKind, String sourceId) {
      this.sourceKind = sourceKind;
      this.sourceId = sourceId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key other && other.sourceKind.equals(sourceKind) && other.sourceId.equals(sourceId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(sourceKind, sourceId);
    }
  }
}
