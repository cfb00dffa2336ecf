package io.cordon.domain.track.rules;

import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.LoadingPoint;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.ZoneClass;
import io.cordon.domain.park.ZoneId;
import io.cordon.domain.permit.ExitConfirmation;
import io.cordon.domain.permit.Permit;
import io.cordon.domain.permit.Revocation;
import io.cordon.domain.permit.TimeWindow;
import io.cordon.domain.vehicle.VehicleClass;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the rules need to know about a vehicle's current trip, taken from its permit. Pass the
 * current one with every fix: it changes when the exit is confirmed or the permit is revoked.
 *
 * @param window when the permit lets the vehicle be in the park; empty for a vehicle without permit
 * @param revokedAt when the permit was revoked, if it was (the window then ends there)
 * @param exitConfirmedAt when the served enterprise confirmed the work done (the vehicle should now leave)
 * @param route the permit's route; empty = none named (dangerous vehicles then keep to the dedicated roads)
 * @param loadingPoint where the vehicle loads or unloads: leaving the route to reach it is no deviation
 * @param authorisedCoreZones the core zones the permit admits the vehicle to
 */
public record VehicleTrip(VehicleClass vehicleClass, Optional<TimeWindow> window, Optional<Instant> revokedAt,
    Optional<Instant> exitConfirmedAt, Optional<RouteCorridor> route, Optional<LoadingPoint> loadingPoint,
    Set<ZoneId> authorisedCoreZones) {

  public VehicleTrip {
    Objects.requireNonNull(vehicleClass, "vehicleClass");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(revokedAt, "revokedAt");
    Objects.requireNonNull(exitConfirmedAt, "exitConfirmedAt");
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(loadingPoint, "loadingPoint");
    authorisedCoreZones = Set.copyOf(authorisedCoreZones);
  }

  /** A vehicle tracked without a permit (an unbound terminal): no window, route or authorisation. */
  public static VehicleTrip unpermitted(VehicleClass vehicleClass) {
    return new VehicleTrip(vehicleClass, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Set.of());
  }

  /**
   * The trip a permit describes in this park: its window, revocation and exit confirmation, its
   * loading point (looked up in the host enterprise) and the core zones it admits to. The route is
   * resolved by the caller (the server keeps routes by id) with {@link ParkGeometry#route}.
   */
  public static VehicleTrip forPermit(Permit permit, VehicleClass vehicleClass, Park park,
      Optional<RouteCorridor> route) {
    Optional<LoadingPoint> loadingPoint = permit.loadingPoint().flatMap(id -> park.enterprises().stream()
        .filter(e -> e.id().equals(permit.host()))
        .flatMap(e -> e.loadingPoints().stream())
        .filter(p -> p.id().equals(id))
        .findFirst());
    Set<ZoneId> cores = park.zones().stream()
        .filter(z -> z.zoneClass() == ZoneClass.CORE && permit.admitsTo(z))
        .map(ControlZone::id)
        .collect(Collectors.toSet());
    return new VehicleTrip(vehicleClass, Optional.of(permit.window()), permit.revocation().map(Revocation::at),
        permit.exitConfirmation().map(ExitConfirmation::at), route, loadingPoint, cores);
  }

  public VehicleTrip withExitConfirmedAt(Instant at) {
    return new VehicleTrip(vehicleClass, window, revokedAt, Optional.of(at), route, loadingPoint, authorisedCoreZones);
  }

  public VehicleTrip withRoute(RouteCorridor corridor) {
    return new VehicleTrip(vehicleClass, window, revokedAt, exitConfirmedAt, Optional.of(corridor), loadingPoint,
        authorisedCoreZones);
  }
}
