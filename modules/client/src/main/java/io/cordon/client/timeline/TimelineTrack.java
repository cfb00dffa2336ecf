package io.cordon.client.timeline;

import io.cordon.api.v1.TrackPoint;
import io.cordon.api.v1.VehicleTimelineTrack;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A vehicle's thinned track in a timeline and where it was at any moment: linear between two fixes
 * (heading along the shorter turn); at a fix, or held at the last one while it is at most {@link
 * #MAX_AGE_MILLIS} old — as {@code GetPositionsAt} answers — so a vehicle is not drawn sliding through
 * buildings across a gap without signal; nowhere before its first fix or once its last is too old.
 * Immutable.
 */
public final class TimelineTrack {
  /** A fix older than this says nothing about where the vehicle is now (GetPositionsAt's default). */
  public static final long MAX_AGE_MILLIS = 120_000;

  /** One fix. */
  public record Fix(long epochMillis, double lon, double lat, double speedKmh, double headingDeg) {}

  private final String plate;
  private final String vehicleClass;
  private final List<Fix> fixes;
  private final long[] times;
  private final long totalPoints;

  public TimelineTrack(String plate, String vehicleClass, List<Fix> fixes, long totalPoints) {
    this.plate = Objects.requireNonNull(plate, "plate");
    this.vehicleClass = vehicleClass == null ? "" : vehicleClass;
    List<Fix> sorted = new ArrayList<>(fixes);
    sorted.sort(Comparator.comparingLong(Fix::epochMillis));
    this.fixes = List.copyOf(sorted);
    this.times = sorted.stream().mapToLong(Fix::epochMillis).toArray();
    this.totalPoints = Math.max(totalPoints, sorted.size());
  }

  public static TimelineTrack of(VehicleTimelineTrack track) {
    List<Fix> fixes = new ArrayList<>(track.getPointsCount());
    for (TrackPoint p : track.getPointsList()) {
      fixes.add(new Fix(TimelineClient.instant(p.getTime()).toEpochMilli(), p.getPosition().getLon(),
          p.getPosition().getLat(), p.getSpeedKmh(), p.getHeadingDeg()));
    }
    return new TimelineTrack(track.getPlate(), track.getVehicleClass(), fixes, track.getTotalPoints());
  }

  public String plate() {
    return plate;
  }

  public String vehicleClass() {
    return vehicleClass;
  }

  /** Oldest first. */
  public List<Fix> fixes() {
    return fixes;
  }

  /** Fixes stored before the server thinned the track. */
  public long totalPoints() {
    return totalPoints;
  }

  public boolean isThinned() {
    return totalPoints > fixes.size();
  }

  /** Index of the last fix at or before {@code millis}; -1 before the first. */
  int indexAt(long millis) {
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

  /** Where the vehicle was at {@code millis}; null when the track says nothing about that moment. */
  public VehicleAtCursor at(long millis) {
    int i = indexAt(millis);
    if (i < 0) {
      return null;
    }
    Fix a = fixes.get(i);
    if (millis == a.epochMillis()) {
      return at(a, false);
    }
    if (i + 1 < fixes.size()) {
      Fix b = fixes.get(i + 1);
      long span = b.epochMillis() - a.epochMillis();
      if (span <= MAX_AGE_MILLIS) {
        double f = (millis - a.epochMillis()) / (double) span;
        double turn = ((b.headingDeg() - a.headingDeg()) % 360 + 540) % 360 - 180;
        double heading = ((a.headingDeg() + f * turn) % 360 + 360) % 360;
        return new VehicleAtCursor(plate, vehicleClass, a.lon() + f * (b.lon() - a.lon()),
            a.lat() + f * (b.lat() - a.lat()), heading, a.speedKmh() + f * (b.speedKmh() - a.speedKmh()),
            a.epochMillis(), true);
      }
    }
    return millis - a.epochMillis() <= MAX_AGE_MILLIS ? at(a, false) : null;
  }

  private VehicleAtCursor at(Fix fix, boolean interpolated) {
    return new VehicleAtCursor(plate, vehicleClass, fix.lon(), fix.lat(), fix.headingDeg(), fix.speedKmh(),
        fix.epochMillis(), interpolated);
  }
}
