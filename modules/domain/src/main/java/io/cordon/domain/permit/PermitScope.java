package io.cordon.domain.permit;

import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateType;
import io.cordon.domain.park.Lane;
import io.cordon.domain.park.LaneClass;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.ZoneClass;
import io.cordon.domain.park.ZoneId;
import io.cordon.domain.validation.FieldError;
import io.cordon.domain.vehicle.VehicleClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a permit lets its holders go, as the reviewer grants it: lanes of gates, zones, and among
 * the zones the core zones explicitly authorised (guideline §6.4 a: core areas are strictly
 * controlled, so naming a core zone in {@code zones} is not enough).
 */
public record PermitScope(List<LaneRef> lanes, List<ZoneId> zones, Set<ZoneId> authorisedCoreZones) {

  public PermitScope {
    lanes = List.copyOf(lanes);
    zones = List.copyOf(zones);
    authorisedCoreZones = Set.copyOf(authorisedCoreZones);
  }

  /**
   * Problems with this scope in the park for a permit of people on foot ({@code pedestrians}) and/or
   * vehicles of the given classes: unknown gates, lanes and zones; lanes the holder may not use
   * (pedestrian lanes for people, the lane class of the vehicle's class, never emergency gates); core
   * zones without authorisation. Paths are relative to the scope: "lanes[1]", "zones[0]".
   */
  public List<FieldError> problemsIn(Park park, boolean pedestrians, Set<VehicleClass> vehicles) {
    List<FieldError> errors = new ArrayList<>();
    if (lanes.isEmpty()) {
      errors.add(new FieldError("lanes", "at least one lane is required"));
    }
    for (int i = 0; i < lanes.size(); i++) {
      LaneRef ref = lanes.get(i);
      String field = "lanes[" + i + "]";
      Optional<Gate> gate = park.gate(ref.gate());
      if (gate.isEmpty()) {
        errors.add(new FieldError(field, "gate " + ref.gate() + " is not in the park"));
        continue;
      }
      Optional<Lane> lane = gate.get().lanes().stream().filter(l -> l.id().equals(ref.lane())).findFirst();
      if (lane.isEmpty()) {
        errors.add(new FieldError(field, "gate " + ref.gate() + " has no lane " + ref.lane()));
      } else if (gate.get().type() == GateType.EMERGENCY || lane.get().laneClass() == LaneClass.EMERGENCY) {
        errors.add(new FieldError(field, ref + " is an emergency lane, opened only in emergencies"));
      } else if (!usable(lane.get().laneClass(), pedestrians, vehicles)) {
        errors.add(new FieldError(field, ref + " is a " + lane.get().laneClass().name().toLowerCase()
            + " lane, not for " + holder(pedestrians, vehicles)));
      }
    }
    for (int i = 0; i < zones.size(); i++) {
      Optional<ControlZone> zone = park.zone(zones.get(i));
      if (zone.isEmpty()) {
        errors.add(new FieldError("zones[" + i + "]", "zone " + zones.get(i) + " is not in the park"));
      } else if (zone.get().zoneClass() == ZoneClass.CORE && !authorisedCoreZones.contains(zone.get().id())) {
        errors.add(new FieldError("zones[" + i + "]", "core zone " + zone.get().id()
            + " needs explicit authorisation"));
      }
    }
    for (ZoneId core : authorisedCoreZones) {
      if (!zones.contains(core)) {
        errors.add(new FieldError("authorisedCoreZones", "zone " + core + " is authorised but not granted"));
      }
    }
    return errors;
  }

  /** True when the scope lets its holder into the zone. */
  public boolean admitsTo(ControlZone zone) {
    return zones.contains(zone.id())
        && (zone.zoneClass() != ZoneClass.CORE || authorisedCoreZones.contains(zone.id()));
  }

  private static boolean usable(LaneClass lane, boolean pedestrians, Set<VehicleClass> vehicles) {
    if (lane == LaneClass.PEDESTRIAN) {
      return pedestrians;
    }
    return vehicles.stream().anyMatch(v -> laneFor(v) == lane);
  }

  /** The lane class a vehicle class drives through (guideline §5.2.2.1: separate lanes for dangerous goods). */
  public static LaneClass laneFor(VehicleClass vehicle) {
    switch (vehicle) {
      case HAZMAT:
        return LaneClass.HAZMAT;
      case HAZWASTE:
        return LaneClass.HAZWASTE;
      default:
        return LaneClass.ORDINARY;
    }
  }

  private static String holder(boolean pedestrians, Set<VehicleClass> vehicles) {
    String v = vehicles.stream().map(c -> c.name().toLowerCase()).sorted()
        .collect(java.util.stream.Collectors.joining("/"));
    v = v.isEmpty() ? "" : v + " vehicles";
    return pedestrians ? (v.isEmpty() ? "people on foot" : "people on foot or " + v) : v;
  }
}
