package io.cordon.domain.permit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A half-open interval of time [from, until): it contains {@code from} and not {@code until}. */
public record TimeWindow(Instant from, Instant until) {

  public TimeWindow {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
    if (!from.isBefore(until)) {
      throw new IllegalArgumentException("must end after it starts");
    }
  }

  public static TimeWindow of(Instant from, Duration length) {
    return new TimeWindow(from, from.plus(length));
  }

  /** The same start, {@code days} long. */
  public TimeWindow withLength(int days) {
    return new TimeWindow(from, from.plus(Duration.ofDays(days)));
  }

  public boolean contains(Instant at) {
    return !at.isBefore(from) && at.isBefore(until);
  }

  public boolean overlaps(TimeWindow other) {
    return from.isBefore(other.until) && other.from.isBefore(until);
  }

  public Duration length() {
    return Duration.between(from, until);
  }

  @Override
  public String toString() {
    return from + "/" + until;
  }
}
