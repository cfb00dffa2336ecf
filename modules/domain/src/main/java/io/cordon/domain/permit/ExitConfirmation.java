package io.cordon.domain.permit;

import java.time.Instant;
import java.util.Objects;

/** The receiving enterprise's confirmation that a dangerous-goods vehicle's work is done and nothing was spilled. */
public record ExitConfirmation(Instant at, String by, String note) {
  public ExitConfirmation {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(note, "note");
  }
}
