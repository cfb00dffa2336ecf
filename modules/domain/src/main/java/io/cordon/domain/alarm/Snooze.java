package io.cordon.domain.alarm;

import java.time.Instant;
import java.util.Objects;

/** A nuisance source held for a while: its reports are recorded but raise no alarm until {@code until}. */
public record Snooze(SourceRef source, Instant until, String reason, String by) {

  public Snooze {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(by, "by");
  }

  public boolean holds(Instant now) {
    return now.isBefore(until);
  }
}
