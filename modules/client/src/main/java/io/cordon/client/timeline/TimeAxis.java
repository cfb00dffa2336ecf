package io.cordon.client.timeline;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The visible stretch of a timeline's horizontal axis: times in [{@code startMillis}, {@code
 * endMillis}] drawn across {@code widthPx} pixels, kept inside the loaded window [{@code minMillis},
 * {@code maxMillis}]. Zooming keeps the time under the mouse where it is; panning by a drag moves
 * the times with the mouse. Immutable; pure arithmetic, so it is tested without a toolkit.
 */
public record TimeAxis(long minMillis, long maxMillis, long startMillis, long endMillis, double widthPx) {
  /** Zooming in stops at ten seconds across the axis. */
  public static final long MIN_SPAN_MILLIS = 10_000;
  /** Ticks are at least this far apart. */
  public static final double MIN_TICK_PX = 90;
  /** Tick steps, aligned to park time (Asia/Shanghai). */
  static final long[] STEPS = {1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000,
      900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000};
  private static final long PARK_OFFSET_MILLIS =
      ZoneId.of("Asia/Shanghai").getRules().getOffset(Instant.EPOCH).getTotalSeconds() * 1000L;

  public TimeAxis {
    if (maxMillis <= minMillis) {
      throw new IllegalArgumentException("the window must end after it starts");
    }
    if (endMillis <= startMillis) {
      throw new IllegalArgumentException("the visible stretch must end after it starts");
    }
    widthPx = Math.max(1, widthPx);
  }

  /** The whole window across the width. */
  public static TimeAxis whole(Instant from, Instant to, double widthPx) {
    return new TimeAxis(from.toEpochMilli(), to.toEpochMilli(), from.toEpochMilli(), to.toEpochMilli(), widthPx);
  }

  public long spanMillis() {
    return endMillis - startMillis;
  }

  public double millisPerPixel() {
    return spanMillis() / widthPx;
  }

  /** Pixels from the axis' left edge for a time (negative or beyond the width when outside the view). */
  public double x(long millis) {
    return (millis - startMillis) / millisPerPixel();
  }

  public double x(Instant t) {
    return x(t.toEpochMilli());
  }

  /** The time at a pixel, not clamped. */
  public long millisAt(double x) {
    return startMillis + Math.round(x * millisPerPixel());
  }

  public Instant at(double x) {
    return Instant.ofEpochMilli(millisAt(x));
  }

  public TimeAxis withWidth(double px) {
    return new TimeAxis(minMillis, maxMillis, startMillis, endMillis, px);
  }

  /** The whole window in view again. */
  public TimeAxis fit() {
    return new TimeAxis(minMillis, maxMillis, minMillis, maxMillis, widthPx);
  }

  /**
   * Zooms by {@code factor} (2 = twice as much detail) keeping the time under {@code xPx} where it
   * is, no closer than {@link #MIN_SPAN_MILLIS} and no further out than the whole window.
   */
  public TimeAxis zoomAt(double factor, double xPx) {
    if (!(factor > 0)) {
      return this;
    }
    long window = maxMillis - minMillis;
    long span = Math.round(spanMillis() / factor);
    span = Math.max(Math.min(MIN_SPAN_MILLIS, window), Math.min(window, span));
    double share = Math.max(0, Math.min(1, xPx / widthPx));
    long anchor = millisAt(xPx);
    long start = anchor - Math.round(share * span);
    return clamped(start, span);
  }

  /** Moves the view with a drag of {@code dxPx} pixels: dragging right shows earlier times. */
  public TimeAxis panBy(double dxPx) {
    long start = startMillis - Math.round(dxPx * millisPerPixel());
    return clamped(start, spanMillis());
  }

  /** Shows {@code t} in the middle when it is outside the view; otherwise unchanged. */
  public TimeAxis reveal(long t) {
    if (t >= startMillis && t <= endMillis) {
      return this;
    }
    return clamped(t - spanMillis() / 2, spanMillis());
  }

  private TimeAxis clamped(long start, long span) {
    long s = Math.max(minMillis, Math.min(maxMillis - span, start));
    return new TimeAxis(minMillis, maxMillis, s, s + span, widthPx);
  }

  /** The smallest tick step that leaves {@link #MIN_TICK_PX} between ticks. */
  public long tickStepMillis() {
    double wanted = MIN_TICK_PX * millisPerPixel();
    for (long step : STEPS) {
      if (step >= wanted) {
        return step;
      }
    }
    return STEPS[STEPS.length - 1];
  }

  /** The ticks in view, on whole steps of park time (09:00, 09:15…), left to right. */
  public List<Tick> ticks() {
    long step = tickStepMillis();
    long local = startMillis + PARK_OFFSET_MILLIS;
    long first = Math.floorDiv(local + step - 1, step) * step - PARK_OFFSET_MILLIS;
    List<Tick> ticks = new ArrayList<>();
    for (long t = first; t <= endMillis; t += step) {
      ticks.add(new Tick(t, x(t), step));
    }
    return ticks;
  }

  /**
   * A tick of the axis.
   *
   * @param stepMillis the step it belongs to: labels show seconds only below a minute
   */
  public record Tick(long millis, double x, long stepMillis) {
    public boolean showsSeconds() {
      return stepMillis < 60_000;
    }
  }
}
