package io.cordon.domain.park;

import java.util.Objects;

public record ZoneId(String value) {
  public ZoneId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("ZoneId must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
