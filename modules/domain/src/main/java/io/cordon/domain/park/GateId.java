package io.cordon.domain.park;

import java.util.Objects;

public record GateId(String value) {
  public GateId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("GateId must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
