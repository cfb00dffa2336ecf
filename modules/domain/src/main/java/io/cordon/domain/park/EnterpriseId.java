package io.cordon.domain.park;

import java.util.Objects;

public record EnterpriseId(String value) {
  public EnterpriseId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("EnterpriseId must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
