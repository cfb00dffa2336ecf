package io.cordon.domain.permit;

import java.time.Instant;
import java.util.Objects;

/** When, by whom and why a permit was revoked. */
public record Revocation(Instant at, String by, String reason) {
  public Revocation {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(reason, "reason");
  }
}
