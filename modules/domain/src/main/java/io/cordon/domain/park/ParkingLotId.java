package io.cordon.domain.park;

import java.util.Objects;

public record ParkingLotId(String value) {
  public ParkingLotId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("ParkingLotId must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
