package io.cordon.server.event;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** Hibernate adapter for a row of {@code event_subject}. */
@Entity
@Table(name = "event_subject")
class EventSubjectRow {
  @EmbeddedId
  Key key;

  @Column(name = "kind", nullable = false, length = 32)
  String kind;

  @Column(name = "subject_id", nullable = false, length = 128)
  String subjectId;

  EventSubjectRow() {
  }

  EventSubjectRow(long seq, int ordinal, SubjectKey subject) {
    this.key = new Key(seq, ordinal);
    this.kind = subject.kind();
    this.subjectId = subject.id();
  }

  @Embeddable
  static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    @Column(name = "seq")
    long seq;

    @Column(name = "ordinal")
    int ordinal;

    Key() {
    }

    Key(long seq, int ordinal) {
      this.seq = seq;
      this.ordinal = ordinal;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key other && other.seq == seq && other.ordinal == ordinal;
    }

    @Override
    public int hashCode() {
      return Objects.hash(seq, ordinal);
    }
  }
}
