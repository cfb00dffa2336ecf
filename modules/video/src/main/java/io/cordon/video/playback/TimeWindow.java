package io.cordon.video.playback;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The stretch of time the time bar spans (a day in the park's zone, or a part of it when zoomed in): fraction of the
 * bar ↔ instant. Zooming and panning stay inside a bounding window (the day) and keep at least a minimum length.
 */
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

  /**
   * Zoomed by {@code factor} (below 1 zooms in) around the instant at fraction {@code pivot} of the bar, which stays
   * where it is on the bar; no shorter than {@code shortest}, no longer than {@code bounds}, and inside them.
   */
  public TimeWindow zoomed(double factor, double pivot, TimeWindow bounds, Duration shortest) {
    if (!(factor > 0)) {
      throw new IllegalArgumentException("zoom factor must be positive: " + factor);
    }
    long longest = bounds.length().toMillis();
    long length = Math.max(Math.min(shortest.toMillis(), longest),
        Math.min(longest, Math.round(length().toMillis() * factor)));
    double p = Math.max(0, Math.min(1, pivot));
    Instant fixed = at(p);
    return placed(fixed.minusMillis(Math.round(p * length)), length, bounds);
  }

  /** Moved by {@code fraction} of its length (positive: later), inside {@code bounds}; the length is kept. */
  public TimeWindow panned(double fraction, TimeWindow bounds) {
    long length = Math.min(length().toMillis(), bounds.length().toMillis());
    return placed(start.plusMillis(Math.round(fraction * length().toMillis())), length, bounds);
  }

  /** This window's length, moved as little as needed to show {@code at} (inside {@code bounds}). */
  public TimeWindow showing(Instant at, TimeWindow bounds) {
    if (contains(at)) {
      return this;
    }
    long length = Math.min(length().toMillis(), bounds.length().toMillis());
    Instant from = at.isBefore(start) ? at : at.minusMillis(length / 2);
    return placed(from, length, bounds);
  }

  private static TimeWindow placed(Instant from, long lengthMillis, TimeWindow bounds) {
    Instant latest = bounds.end.minusMillis(lengthMillis);
    Instant s = from.isBefore(bounds.start) ? bounds.start : from.isAfter(latest) ? latest : from;
    return new TimeWindow(s, s.plusMillis(lengthMillis));
  }
}
