package io.cordon.server.track.jt808;

import io.cordon.domain.park.Park;
import io.cordon.domain.permit.Permit;
import io.cordon.domain.track.parking.LoadingPointRef;
import io.cordon.domain.track.rules.VehicleKey;
import io.cordon.domain.track.rules.VehicleTrip;
import io.cordon.domain.vehicle.PlateColor;
import io.cordon.domain.vehicle.VehicleClass;
import io.cordon.server.track.trip.OpenTrip;
import java.util.Optional;

/**
 * Whose positions a terminal's are now (the match step): the vehicle of its open trip with what the
 * rules need from the permit, or, bound to nothing, the terminal itself as an unknown dangerous
 * vehicle keyed "终端:" + number.
 */
record VehicleBinding(String plate, PlateColor plateColor, VehicleClass vehicleClass, VehicleTrip trip,
    Optional<LoadingPointRef> destination, String tripId, String permitId, boolean unbound, String routeName) {

  static final String UNBOUND_PREFIX = "终端:";

  VehicleKey key() {
    return new VehicleKey(plate);
  }

  static VehicleBinding unbound(String terminalNumber) {
    return new VehicleBinding(UNBOUND_PREFIX + terminalNumber, PlateColor.YELLOW, VehicleClass.HAZMAT,
        VehicleTrip.unpermitted(VehicleClass.HAZMAT), Optional.empty(), "", "", true, RouteResolver.DEFAULT_NAME);
  }

  static VehicleBinding of(OpenTrip open, Park park, RouteResolver routes) {
    VehicleClass vehicleClass = open.vehicleClass();
    if (open.permit().isEmpty()) {
      return new VehicleBinding(open.plate().value(), open.plateColor(), vehicleClass,
          VehicleTrip.unpermitted(vehicleClass), Optional.empty(), open.tripId(), "", false,
          RouteResolver.DEFAULT_NAME);
    }
    Permit permit = open.permit().get();
    VehicleTrip trip = VehicleTrip.forPermit(permit, vehicleClass, park, routes.corridor(permit.route()));
    Optional<LoadingPointRef> destination = permit.loadingPoint().filter(id -> !id.isBlank())
        .map(id -> new LoadingPointRef(permit.host(), id));
    return new VehicleBinding(open.plate().value(), open.plateColor(), vehicleClass, trip, destination,
        open.tripId(), permit.id().value(), false, routes.name(permit.route()));
  }
}
