package io.cordon.domain.park;

import java.util.Objects;

public record SegmentId(String value) {
  public SegmentId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("SegmentId must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
