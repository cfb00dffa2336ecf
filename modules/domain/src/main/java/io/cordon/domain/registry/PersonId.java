package io.cordon.domain.registry;

import java.util.Objects;

/** A person's registry id, assigned by the server (never the ID number: that is personal data). */
public record PersonId(String value) {
  public PersonId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("PersonId must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
