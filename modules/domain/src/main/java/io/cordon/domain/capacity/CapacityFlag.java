package io.cordon.domain.capacity;

import io.cordon.domain.park.ZoneId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A limit the application would exceed: at {@code at}, {@code peak} would be in (limit {@code limit}). */
public record CapacityFlag(Resource resource, Optional<ZoneId> zone, int limit, int peak, Instant at) {
  public CapacityFlag {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(at, "at");
  }

  public String describe() {
    String what = resource.name().toLowerCase().replace('_', ' ') + zone.map(z -> " " + z).orElse("");
    return what + ": " + peak + " at " + at + ", limit " + limit;
  }
}
