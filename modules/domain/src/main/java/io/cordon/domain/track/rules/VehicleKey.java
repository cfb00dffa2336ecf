package io.cordon.domain.track.rules;

import java.util.Objects;

/** Whose positions these are: the plate of a bound vehicle, or the terminal number of an unbound one. */
public record VehicleKey(String value) {
  public VehicleKey {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("VehicleKey must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
