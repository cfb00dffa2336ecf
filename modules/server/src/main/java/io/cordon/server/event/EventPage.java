package io.cordon.server.event;

import java.util.List;
import java.util.Optional;

/** One page of a query; {@code next} is present when more events match. */
public record EventPage(List<JournalEvent> events, Optional<QueryCursor> next) {
  public EventPage {
    events = List.copyOf(events);
  }
}
