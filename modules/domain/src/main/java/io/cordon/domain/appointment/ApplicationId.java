package io.cordon.domain.appointment;

import java.util.Objects;

public record ApplicationId(String value) {
  public ApplicationId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("ApplicationId must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
