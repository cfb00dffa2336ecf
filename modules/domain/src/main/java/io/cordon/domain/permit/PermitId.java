package io.cordon.domain.permit;

import java.util.Objects;

/** A permit's id; an approved application issues exactly one permit, with the application's id. */
public record PermitId(String value) {
  public PermitId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("PermitId must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
