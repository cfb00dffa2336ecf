package io.cordon.client.track;

import io.cordon.api.v1.TrajectoryPoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The fixes of a replayed trajectory, oldest first, and the position between them at any time:
 * linear between neighbouring fixes (heading along the shorter turn), held at the earlier fix
 * across a gap longer than {@link #GAP_MILLIS} (signal lost: the vehicle is not drawn sliding
 * through buildings). Immutable.
 */
public final class ReplayTrack {
  /** Fixes further apart than this are not interpolated. */
  public static final long GAP_MILLIS = 120_000;
  public static final ReplayTrack EMPTY = new ReplayTrack(List.of());

  private final List<ReplayPoint> points;
  private final long[] times;

  public ReplayTrack(List<ReplayPoint> points) {
    List<ReplayPoint> sorted = new ArrayList<>(points);
    sorted.sort((a, b) -> Long.compare(a.epochMillis(), b.epochMillis()));
    this.points = Collections.unmodifiableList(sorted);
    this.times = new long[sorted.size()];
    for (int i = 0; i < times.length; i++) {
      times[i] = sorted.get(i).epochMillis();
    }
  }

  static ReplayTrack of(List<TrajectoryPoint> fixes) {
    List<ReplayPoint> points = new ArrayList<>(fixes.size());
    for (TrajectoryPoint p : fixes) {
      points.add(new ReplayPoint(p.getPosition().getLon(), p.getPosition().getLat(), p.getSpeedKmh(),
          p.getHeadingDeg(), p.getSpeedLimitKmh(), TripClient.instant(p.getTime()).toEpochMilli(), false));
    }
    return new ReplayTrack(points);
  }

  public List<ReplayPoint> points() {
    return points;
  }

  public boolean isEmpty() {
    return points.isEmpty();
  }

  public int size() {
    return points.size();
  }

  public long startMillis() {
    return isEmpty() ? 0 : times[0];
  }

  public long endMillis() {
    return isEmpty() ? 0 : times[times.length - 1];
  }

  /** Index of the last fix at or before {@code millis}; -1 before the first. */
  public int indexAt(long millis) {
    int lo = 0;
    int hi = times.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (times[mid] <= millis) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /** The position at {@code millis}, clamped to the track's ends; null for an empty track. */
  public ReplayPoint sampleAt(long millis) {
    if (isEmpty()) {
      return null;
    }
    int i = indexAt(millis);
    if (i < 0) {
      return points.get(0);
    }
    if (i == points.size() - 1) {
      return points.get(i);
    }
    ReplayPoint a = points.get(i);
    ReplayPoint b = points.get(i + 1);
    long span = b.epochMillis() - a.epochMillis();
    if (millis == a.epochMillis() || span <= 0) {
      return a;
    }
    if (span > GAP_MILLIS) {
      return new ReplayPoint(a.lon(), a.lat(), 0, a.headingDeg(), a.speedLimitKmh(), millis, true);
    }
    double f = (millis - a.epochMillis()) / (double) span;
    double turn = ((b.headingDeg() - a.headingDeg()) % 360 + 540) % 360 - 180;
    double heading = ((a.headingDeg() + f * turn) % 360 + 360) % 360;
    return new ReplayPoint(a.lon() + f * (b.lon() - a.lon()), a.lat() + f * (b.lat() - a.lat()),
        a.speedKmh() + f * (b.speedKmh() - a.speedKmh()), heading, a.speedLimitKmh(), millis, false);
  }
}
