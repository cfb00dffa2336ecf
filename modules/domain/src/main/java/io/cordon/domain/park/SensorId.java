package io.cordon.domain.park;

import java.util.Objects;

public record SensorId(String value) {
  public SensorId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("SensorId must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
