package io.cordon.server.event;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Hibernate adapter for the single row of {@code journal_head}: the last allocated seq. */
@Entity
@Table(name = "journal_head")
class JournalHeadRow {
  static final int ID = 1;

  @Id
  @Column(name = "id")
  int id;

  @Column(name = "last_seq", nullable = false)
  long lastSeq;

  JournalHeadRow() {
  }
}
