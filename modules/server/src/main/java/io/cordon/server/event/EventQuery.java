package io.cordon.server.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Events that occurred in [from, to), of the given types, about any of the given subjects (none:
 * any subject), ordered by (occurred at, seq), at most pageSize of them after the cursor.
 */
public record EventQuery(
    Instant from,
    Instant to,
    TypeFilter types,
    List<SubjectKey> subjects,
    int pageSize,
    Optional<QueryCursor> after) {

  public EventQuery {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(types, "types");
    subjects = List.copyOf(subjects);
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be positive");
    }
    Objects.requireNonNull(after, "after");
  }
}
