package io.cordon.domain.park;

import java.util.Objects;

public record RoadId(String value) {
  public RoadId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("RoadId must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
