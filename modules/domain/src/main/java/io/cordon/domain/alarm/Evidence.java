package io.cordon.domain.alarm;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A reference to evidence kept elsewhere (a snapshot, a clip); never the bytes. */
public record Evidence(String kind, String reference, Optional<Instant> capturedAt) {

  public Evidence {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(capturedAt, "capturedAt");
  }
}
