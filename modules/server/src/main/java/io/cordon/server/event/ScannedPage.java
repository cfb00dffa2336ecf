package io.cordon.server.event;

import java.util.List;

/**
 * Events a follower read, and the seq up to which the journal was looked at. A follower of rare
 * event types moves its cursor to {@code scannedTo} even when nothing matched, so its next read
 * starts after the events of other types it has already passed instead of walking them again: a
 * follower woken by every commit would otherwise re-read a tail that grows with all traffic.
 */
public record ScannedPage(List<JournalEvent> events, long scannedTo) {

  public ScannedPage {
    events = List.copyOf(events);
  }

  /** Whether the read returned as many events as it could (more may match after the last). */
  public boolean full(int limit) {
    return events.size() >= limit;
  }
}
