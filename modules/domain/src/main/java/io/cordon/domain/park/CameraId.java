package io.cordon.domain.park;

import java.util.Objects;

public record CameraId(String value) {
  public CameraId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("CameraId must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
