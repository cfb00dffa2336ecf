package io.cordon.server.event;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The append-only event journal. Sequence numbers are strictly increasing without gaps, and an
 * event becomes visible to readers only after every event with a lower seq is visible, so a reader
 * that remembers the last seq it saw misses nothing.
 */
public interface EventJournal {

  /**
   * Appends and commits one event, returning it after its commit. Concurrent callers may share one
   * transaction (group commit); a failure caused by another caller's event never fails this one.
   */
  JournalEvent append(NewEvent event);

  /**
   * Appends and commits one event unless {@code requestKey} was recorded before, in which case it
   * records nothing and returns the event recorded then. The check and the append are atomic, also
   * between concurrent callers with the same key.
   */
  JournalEvent appendOnce(String requestKey, NewEvent event);

  /**
   * Appends several events in ONE transaction, all or nothing, together with {@code extra}, which
   * runs in that transaction after the events have their (consecutive) seqs. Each append with a
   * request key is idempotent as in {@link #appendOnce} (a key recorded before or earlier in this
   * list yields the event recorded then, flagged not new). Live listeners are told after the
   * commit. If {@code extra} or any append fails, nothing is recorded and the failure is thrown.
   *
   * @return one outcome per append, in the order given
   */
  List<Appended> appendAll(List<JournalAppend> appends, TransactionWork extra);

  /**
   * Throws {@link IllegalArgumentException} when the journal could never store {@code event} (its
   * attributes too long), so a writer that batches events can refuse it alone before the batch.
   */
  default void check(NewEvent event) {
  }

  /** The seqs of the events recorded with these request keys ({@link #appendOnce}); absent keys are new. */
  Map<String, Long> recordedSeqs(Collection<String> requestKeys);

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

  /**
   * As {@link #readAfter(long, TypeFilter, int)}, and how far the read looked. When the page is not
   * full every matching event up to the head seen before the read (or up to the last returned event,
   * if later) was returned, because an event becomes visible only after all lower seqs are; so
   * {@code scannedTo} is that point, else the last returned event's seq.
   */
  default ScannedPage readAfterScanned(long afterSeq, TypeFilter types, int limit) {
    long head = lastSeq();
    List<JournalEvent> events = readAfter(afterSeq, types, limit);
    long last = events.isEmpty() ? afterSeq : events.get(events.size() - 1).seq();
    return new ScannedPage(events, events.size() >= limit ? last : Math.max(Math.max(afterSeq, head), last));
  }

  /** A page of events matching a query. */
  EventPage query(EventQuery query);

  /** The highest committed seq, 0 when the journal is empty. */
  long lastSeq();
}
