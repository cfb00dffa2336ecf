package io.cordon.domain.violation;

import java.time.Instant;
import java.util.Objects;

/** When, by whom and why a blacklist entry was lifted before it expired (e.g. an appeal was granted). */
public record Lifting(Instant at, String by, String reason) {
  public Lifting {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(reason, "reason");
  }
}
