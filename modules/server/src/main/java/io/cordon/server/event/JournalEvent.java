package io.cordon.server.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A committed event of the journal. */
public record JournalEvent(
    long seq,
    Instant occurredAt,
    Instant recordedAt,
    String type,
    List<SubjectKey> subjects,
    Optional<Location> location,
    String summary,
    Map<String, String> attributes) {

  public JournalEvent {
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(type, "type");
    subjects = List.copyOf(subjects);
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(summary, "summary");
    attributes = Map.copyOf(attributes);
  }
}
