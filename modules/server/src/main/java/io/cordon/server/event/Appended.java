package io.cordon.server.event;

import java.util.Objects;

/**
 * The outcome of one append of a batch: the committed event, and whether this append recorded it
 * ({@code isNew}) or found it already recorded under the same request key.
 */
public record Appended(JournalEvent event, boolean isNew) {

  public Appended {
    Objects.requireNonNull(event, "event");
  }
}
