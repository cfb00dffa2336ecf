package io.cordon.devices.gate.edge;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.CachedPerson;
import io.cordon.api.v1.CachedVehicle;
import io.cordon.api.v1.Direction;
import io.cordon.api.v1.GateOperatingMode;
import io.cordon.api.v1.PermitVehicle;
import io.cordon.domain.gate.access.GateMode;
import io.cordon.domain.gate.access.Holder;
import io.cordon.domain.gate.access.PassageDirection;
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
import io.cordon.domain.violation.BlacklistEntry;
import io.cordon.domain.violation.Lifting;
import io.cordon.domain.violation.Subject;
import io.cordon.domain.violation.SubjectKind;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Wire ↔ domain conversions the agent needs; the cache arrives as protos, the policy wants domain records. */
final class EdgeProtos {

  private EdgeProtos() {}

  static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  static Timestamp timestamp(Instant i) {
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
  }

  static Optional<String> text(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  static Optional<VehicleClass> vehicleClass(io.cordon.api.v1.VehicleClass c) {
    String name = c.name();
    if (!name.startsWith("VEHICLE_CLASS_")) {
      return Optional.empty();
    }
    try {
      return Optional.of(VehicleClass.valueOf(name.substring("VEHICLE_CLASS_".length())));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // UNSPECIFIED, UNRECOGNIZED
    }
  }

  static Optional<PassageDirection> direction(Direction d) {
    return switch (d) {
      case DIRECTION_ENTRY -> Optional.of(PassageDirection.ENTRY);
      case DIRECTION_EXIT -> Optional.of(PassageDirection.EXIT);
      default -> Optional.empty();
    };
  }

  /** EMERGENCY_OPEN holds every lane open; for decisions it is as permissive as evacuation. */
  static GateMode gateMode(GateOperatingMode mode) {
    return mode == GateOperatingMode.GATE_OPERATING_MODE_EVACUATION
        || mode == GateOperatingMode.GATE_OPERATING_MODE_EMERGENCY_OPEN ? GateMode.EVACUATION : GateMode.NORMAL;
  }

  /**
   * A cached permit as the domain record.
   *
   * @throws IllegalArgumentException when the permit is malformed (no holder left, bad window …)
   */
  static Permit permit(io.cordon.api.v1.Permit p) {
    Set<PersonId> people = new LinkedHashSet<>();
    for (String id : p.getPersonIdsList()) {
      if (!id.isBlank()) {
        people.add(new PersonId(id));
      }
    }
    Map<Plate, VehicleClass> vehicles = new HashMap<>();
    for (PermitVehicle v : p.getVehiclesList()) {
      if (Plate.isValid(v.getPlate())) {
        vehicles.put(Plate.parse(v.getPlate()), vehicleClass(v.getVehicleClass()).orElse(VehicleClass.ORDINARY));
      }
    }
    PermitScope scope = new PermitScope(
        p.getScope().getLanesList().stream().map(l -> LaneRef.of(l.getGateId(), l.getLaneId())).toList(),
        p.getScope().getZonesList().stream().map(ZoneId::new).toList(),
        Set.copyOf(p.getScope().getAuthorisedCoreZonesList().stream().map(ZoneId::new).toList()));
    return new Permit(new PermitId(p.getPermitId()), p.getApplicationId(), people, vehicles,
        new EnterpriseId(p.getHostEnterpriseId()), scope,
        new TimeWindow(instant(p.getWindow().getFrom()), instant(p.getWindow().getUntil())),
        text(p.getRouteId()).map(RouteId::new), text(p.getLoadingPoint()),
        instant(p.getIssuedAt()), p.getIssuedBy(),
        p.hasExitRequestedAt() ? Optional.of(instant(p.getExitRequestedAt())) : Optional.empty(),
        p.hasExitConfirmation() ? Optional.of(new ExitConfirmation(instant(p.getExitConfirmation().getAt()),
            p.getExitConfirmation().getBy(), p.getExitConfirmation().getNote())) : Optional.empty(),
        p.hasRevocation() ? Optional.of(new Revocation(instant(p.getRevocation().getAt()),
            p.getRevocation().getBy(), p.getRevocation().getReason())) : Optional.empty());
  }

  /** A cached blacklist entry as the domain record; throws IllegalArgumentException when malformed. */
  static BlacklistEntry blacklistEntry(io.cordon.api.v1.BlacklistEntry e) {
    SubjectKind kind = switch (e.getSubject().getKind()) {
      case SUBJECT_KIND_PERSON -> SubjectKind.PERSON;
      case SUBJECT_KIND_VEHICLE -> SubjectKind.VEHICLE;
      case SUBJECT_KIND_ENTERPRISE -> SubjectKind.ENTERPRISE;
      default -> throw new IllegalArgumentException("blacklist entry " + e.getEntryId() + " has no subject kind");
    };
    String id = kind == SubjectKind.VEHICLE && Plate.isValid(e.getSubject().getId())
        ? Plate.parse(e.getSubject().getId()).value() : e.getSubject().getId();
    return new BlacklistEntry(e.getEntryId(), new Subject(kind, id), e.getReason(), instant(e.getFrom()),
        e.hasUntil() ? Optional.of(instant(e.getUntil())) : Optional.empty(), text(e.getViolationId()),
        e.hasLiftedAt() ? Optional.of(new Lifting(instant(e.getLiftedAt()), e.getLiftedBy(), e.getLiftReason()))
            : Optional.empty());
  }

  static Holder.Vehicle vehicle(Plate plate, CachedVehicle v) {
    return new Holder.Vehicle(plate, vehicleClass(v.getVehicleClass()).orElse(VehicleClass.ORDINARY),
        text(v.getOwnerEnterpriseId()).map(EnterpriseId::new), v.getEmergencyService());
  }

  static Holder.Person person(CachedPerson p) {
    return new Holder.Person(new PersonId(p.getPersonId()), text(p.getEnterpriseId()).map(EnterpriseId::new));
  }

  /** The holder class on the wire: PERSON, a VehicleClass name, or UNKNOWN. */
  static String holderClass(Holder holder) {
    if (holder instanceof Holder.Person) {
      return "PERSON";
    }
    if (holder instanceof Holder.Vehicle v) {
      return v.vehicleClass().name();
    }
    return "UNKNOWN";
  }
}
