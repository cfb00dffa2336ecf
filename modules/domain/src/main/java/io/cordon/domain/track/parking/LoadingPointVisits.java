package io.cordon.domain.track.parking;

import io.cordon.domain.geo.LocalProjection;
import io.cordon.domain.track.rules.VehicleKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;

/**
 * Vehicles released from the hazmat lot, followed to their loading points by their positions: a
 * vehicle has arrived once its fixes stayed within {@code arriveMetres} of the point for
 * {@code arriveAfter}, and has left once, after arriving, they stayed farther than
 * {@code leaveMetres} for {@code leaveAfter} — so the next vehicle in the queue is released
 * without waiting for the loading point's own report, and GPS noise at the point frees nothing.
 * A vehicle that never arrives never leaves: its slot waits for the loading point's report.
 */
public final class LoadingPointVisits {

  /**
   * @param arriveMetres a fix this close to the loading point counts as there (default 40 m)
   * @param arriveAfter ... for this long before the vehicle has arrived (default 20 s)
   * @param leaveMetres a fix farther than this counts as away (default 120 m)
   * @param leaveAfter ... for this long, after arriving, before the vehicle has left (default 30 s)
   */
  public record Settings(double arriveMetres, Duration arriveAfter, double leaveMetres, Duration leaveAfter) {
    public static final Settings DEFAULTS = new Settings(40, Duration.ofSeconds(20), 120, Duration.ofSeconds(30));

    public Settings {
      Objects.requireNonNull(arriveAfter, "arriveAfter");
      Objects.requireNonNull(leaveAfter, "leaveAfter");
      if (arriveMetres <= 0 || leaveMetres <= arriveMetres) {
        throw new IllegalArgumentException("need 0 < arriveMetres < leaveMetres");
      }
    }
  }

  private static final class Visit {
    final LoadingPointRef point;
    final LocalProjection around;
    boolean arrived;
    Instant pendingSince;

    Visit(LoadingPointRef point, Coordinate lonLat) {
      this.point = point;
      this.around = LocalProjection.around(lonLat);
    }

    double metresTo(double lon, double lat) {
      return Math.hypot(around.x(lon), around.y(lat));
    }
  }

  private final Map<LoadingPointRef, Coordinate> points;
  private final Settings settings;
  private final Map<VehicleKey, Visit> visits = new HashMap<>();

  /** @param points every loading point of the park with its WGS84 position (x lon, y lat) */
  public LoadingPointVisits(Map<LoadingPointRef, Coordinate> points, Settings settings) {
    this.points = Map.copyOf(points);
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** Follows a vehicle released to a point; false (and nothing followed) when the point has no known place. */
  public boolean expect(VehicleKey vehicle, LoadingPointRef point) {
    Coordinate at = points.get(point);
    if (at == null) {
      return false;
    }
    visits.put(vehicle, new Visit(point, at));
    return true;
  }

  public boolean follows(VehicleKey vehicle) {
    return visits.containsKey(vehicle);
  }

  public void forget(VehicleKey vehicle) {
    visits.remove(vehicle);
  }

  /** A fix of a followed vehicle: the loading point it has just left, or empty. */
  public Optional<LoadingPointRef> position(VehicleKey vehicle, double lon, double lat, Instant at) {
    Visit visit = visits.get(vehicle);
    if (visit == null) {
      return Optional.empty();
    }
    double metres = visit.metresTo(lon, lat);
    boolean towardsNext = visit.arrived ? metres > settings.leaveMetres() : metres <= settings.arriveMetres();
    if (!towardsNext) {
      visit.pendingSince = null;
      return Optional.empty();
    }
    if (visit.pendingSince == null || at.isBefore(visit.pendingSince)) {
      visit.pendingSince = at;
    }
    Duration needed = visit.arrived ? settings.leaveAfter() : settings.arriveAfter();
    if (Duration.between(visit.pendingSince, at).compareTo(needed) < 0) {
      return Optional.empty();
    }
    visit.pendingSince = null;
    if (!visit.arrived) {
      visit.arrived = true;
      return Optional.empty();
    }
    visits.remove(vehicle);
    return Optional.of(visit.point);
  }
}
