package io.cordon.domain.alarm;

import java.util.Objects;
import java.util.Set;

/** The device or actor an alarm comes from: a sensor, camera, gate, vehicle (by plate), device or user. */
public record SourceRef(String kind, String id) {

  public static final Set<String> KINDS = Set.of("sensor", "camera", "gate", "vehicle", "device", "user");

  public SourceRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException("unknown source kind " + kind);
    }
    if (id.isBlank()) {
      throw new IllegalArgumentException("source id must not be blank");
    }
  }

  @Override
  public String toString() {
    return kind + ":" + id;
  }
}
