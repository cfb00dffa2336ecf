package io.cordon.server.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** An event to append; the journal gives it its sequence number and recording time. */
public record NewEvent(
    Instant occurredAt,
    String type,
    List<SubjectKey> subjects,
    Optional<Location> location,
    String summary,
    Map<String, String> attributes) {

  public NewEvent {
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(type, "type");
    subjects = List.copyOf(subjects);
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(summary, "summary");
    attributes = Map.copyOf(attributes);
  }
}
