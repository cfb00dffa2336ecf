package io.cordon.server.timeline;

import java.time.Instant;
import java.util.Comparator;

/** A journal_event row as a timeline reads it; subjects come separately, for the rows kept only. */
record JournalRow(long seq, Instant occurredAt, Instant recordedAt, String type, Double lon, Double lat,
    String summary, String attributes) {

  /** Oldest first; the seq orders events of the same instant. */
  static final Comparator<JournalRow> TIME_ORDER =
      Comparator.comparing(JournalRow::occurredAt).thenComparingLong(JournalRow::seq);

  boolean located() {
    return lon != null && lat != null;
  }
}
