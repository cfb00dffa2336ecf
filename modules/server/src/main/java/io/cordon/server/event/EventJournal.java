package io.cordon.server.event;

import java.util.List;

/**
 * The append-only event journal. Sequence numbers are strictly increasing without gaps, and an
 * event becomes visible to readers only after every event with a lower seq is visible, so a reader
 * that remembers the last seq it saw misses nothing.
 */
public interface EventJournal {

  /** Appends and commits one event. */
  JournalEvent append(NewEvent event);

  /**
   * Appends and commits one event unless {@code requestKey} was recorded before, in which case it
   * records nothing and returns the event recorded then. The check and the append are atomic.
   */
  JournalEvent appendOnce(String requestKey, NewEvent event);

  /** Committed events with seq greater than {@code afterSeq}, in seq order, at most {@code limit}. */
  default List<JournalEvent> readAfter(long afterSeq, int limit) {
    return readAfter(afterSeq, TypeFilter.ALL, limit);
  }

  /**
   * Committed events of the given types with seq greater than {@code afterSeq}, in seq order, at
   * most {@code limit}. The database does the filtering, so a rare type costs an index scan, not a
   * walk through the journal.
   */
  List<JournalEvent> readAfter(long afterSeq, TypeFilter types, int limit);

  /** A page of events matching a query. */
  EventPage query(EventQuery query);

  /** The highest committed seq, 0 when the journal is empty. */
  long lastSeq();
}
