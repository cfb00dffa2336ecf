package io.cordon.server.registration;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Parser;
import com.google.protobuf.Timestamp;
import io.cordon.domain.park.EnterpriseId;
import io.cordon.domain.park.ZoneId;
import io.cordon.domain.permit.ExitConfirmation;
import io.cordon.domain.permit.LaneRef;
import io.cordon.domain.permit.Permit;
import io.cordon.domain.permit.PermitId;
import io.cordon.domain.permit.PermitScope;
import io.cordon.domain.permit.Revocation;
import io.cordon.domain.permit.RouteId;
import io.cordon.domain.permit.TimeWindow;
import io.cordon.domain.registry.PersonId;
import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.vehicle.VehicleClass;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registration tables' stored forms (V6: base64 of the binary cordon.v1 message) read into the
 * domain, for the modules that keep their own read models of permits (gate access, trips). One
 * place, so a permit read there is the permit the registration wrote; lanes are the shared
 * {@link LaneRef} instances (a quarter million permits must not hold a copy each).
 */
public final class StoredForms {

  private StoredForms() {
  }

  public static <T> T decode(String body, Parser<T> parser) {
    try {
      return parser.parseFrom(Base64.getDecoder().decode(body));
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      throw new IllegalStateException("unreadable stored body", e);
    }
  }

  public static Permit permit(io.cordon.api.v1.Permit p) {
    Map<Plate, VehicleClass> vehicles = new LinkedHashMap<>();
    p.getVehiclesList().forEach(v -> vehicles.put(new Plate(v.getPlate()), vehicleClass(v.getVehicleClass())
        .orElseThrow(() -> new IllegalStateException("permit " + p.getPermitId() + " names a vehicle without class"))));
    List<LaneRef> lanes = new ArrayList<>();
    p.getScope().getLanesList().forEach(l -> lanes.add(LaneRef.of(l.getGateId(), l.getLaneId())));
    List<ZoneId> zones = p.getScope().getZonesList().stream().map(ZoneId::new).toList();
    Set<ZoneId> core = Set.copyOf(p.getScope().getAuthorisedCoreZonesList().stream().map(ZoneId::new).toList());
    return new Permit(new PermitId(p.getPermitId()), p.getApplicationId(),
        Set.copyOf(p.getPersonIdsList().stream().map(PersonId::new).toList()), vehicles,
        new EnterpriseId(p.getHostEnterpriseId()), new PermitScope(lanes, zones, core),
        new TimeWindow(instant(p.getWindow().getFrom()), instant(p.getWindow().getUntil())),
        p.getRouteId().isEmpty() ? Optional.empty() : Optional.of(new RouteId(p.getRouteId())),
        p.getLoadingPoint().isEmpty() ? Optional.empty() : Optional.of(p.getLoadingPoint()),
        instant(p.getIssuedAt()), p.getIssuedBy(),
        p.hasExitRequestedAt() ? Optional.of(instant(p.getExitRequestedAt())) : Optional.empty(),
        p.hasExitConfirmation() ? Optional.of(new ExitConfirmation(instant(p.getExitConfirmation().getAt()),
            p.getExitConfirmation().getBy(), p.getExitConfirmation().getNote())) : Optional.empty(),
        p.hasRevocation() ? Optional.of(new Revocation(instant(p.getRevocation().getAt()), p.getRevocation().getBy(),
            p.getRevocation().getReason())) : Optional.empty());
  }

  public static Optional<VehicleClass> vehicleClass(io.cordon.api.v1.VehicleClass c) {
    if (c == io.cordon.api.v1.VehicleClass.VEHICLE_CLASS_UNSPECIFIED || c == io.cordon.api.v1.VehicleClass.UNRECOGNIZED) {
      return Optional.empty();
    }
    return Optional.of(VehicleClass.valueOf(c.name().substring("VEHICLE_CLASS_".length())));
  }

  public static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }
}
