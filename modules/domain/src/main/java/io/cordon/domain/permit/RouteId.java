package io.cordon.domain.permit;

import java.util.Objects;

/** A planned route through the park (a sequence of dedicated roads kept by the server). */
public record RouteId(String value) {
  public RouteId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("RouteId must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
