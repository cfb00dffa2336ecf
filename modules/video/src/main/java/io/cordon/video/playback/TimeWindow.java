package io.cordon.video.playback;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The stretch of time the time bar spans (a day in the park's zone): fraction of the bar ↔ instant. */
public record TimeWindow(Instant start, Instant end) {
  public TimeWindow {
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("empty window");
    }
  }

  /** The calendar day {@code day} in {@code zone}. */
  public static TimeWindow day(LocalDate day, ZoneId zone) {
    return new TimeWindow(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant());
  }

  public Duration length() {
    return Duration.between(start, end);
  }

  /** Where {@code at} lies on the bar, 0 to 1 (clamped). */
  public double fractionOf(Instant at) {
    double f = (double) Duration.between(start, at).toMillis() / length().toMillis();
    return Math.max(0, Math.min(1, f));
  }

  /** The instant at fraction {@code f} of the bar (clamped to the window). */
  public Instant at(double f) {
    double clamped = Math.max(0, Math.min(1, f));
    return start.plusMillis(Math.round(clamped * length().toMillis()));
  }

  public boolean contains(Instant at) {
    return !at.isBefore(start) && at.isBefore(end);
  }
}
