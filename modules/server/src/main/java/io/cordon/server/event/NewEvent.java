package io.cordon.server.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An event to append; the journal gives it its sequence number and recording time. Its texts must
 * fit their columns (lengths in UTF-16 units, as the database counts them) and hold no control
 * characters (PostgreSQL cannot store NUL), so a bad value is refused here, before any database
 * work, with an {@link IllegalArgumentException} naming the field.
 */
public record NewEvent(
    Instant occurredAt,
    String type,
    List<SubjectKey> subjects,
    Optional<Location> location,
    String summary,
    Map<String, String> attributes) {

  static final int MAX_TYPE_LENGTH = 100;
  static final int MAX_SUMMARY_LENGTH = 500;

  public NewEvent {
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(type, "type");
    subjects = List.copyOf(subjects);
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(summary, "summary");
    attributes = Map.copyOf(attributes);
    Texts.requireStorable("type", type, 1, MAX_TYPE_LENGTH);
    Texts.requireStorable("summary", summary, 0, MAX_SUMMARY_LENGTH);
  }
}
