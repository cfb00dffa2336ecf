package io.cordon.domain.alarm;

import java.util.Objects;

/** An alarm's id, "A-" and a zero-padded number given in raising order. */
public record AlarmId(String value) {

  public AlarmId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("alarm id must not be blank");
    }
  }

  public static AlarmId number(long n) {
    return new AlarmId(String.format("A-%06d", n));
  }

  /** The number of an id made by {@link #number}, or -1 for any other id. */
  public long numberOrMinusOne() {
    if (!value.startsWith("A-")) {
      return -1;
    }
    try {
      return Long.parseLong(value.substring(2));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
