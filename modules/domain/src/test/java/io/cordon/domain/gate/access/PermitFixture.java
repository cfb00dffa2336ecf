package io.cordon.domain.gate.access;

import static io.cordon.domain.gate.access.Times.at;
import static io.cordon.domain.gate.access.Times.onDay;

import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.EnterpriseId;
import io.cordon.domain.park.ZoneClass;
import io.cordon.domain.park.ZoneId;
import io.cordon.domain.permit.LaneRef;
import io.cordon.domain.permit.Permit;
import io.cordon.domain.permit.PermitId;
import io.cordon.domain.permit.PermitScope;
import io.cordon.domain.permit.TimeWindow;
import io.cordon.domain.registry.PersonId;
import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.vehicle.VehicleClass;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Permits of the holders in {@link HolderFixture}; the names say what they are. */
final class PermitFixture {

  static final EnterpriseId HOST = HolderFixture.CHEMICALS;
  /** Today 06:00–20:00 in the park. */
  static final TimeWindow TODAY = new TimeWindow(at("06:00"), at("20:00"));

  private PermitFixture() {
  }

  /** A permit for the holder through the given lanes in the window, granting no zones. */
  static Permit permit(String id, Holder holder, TimeWindow window, LaneRef... lanes) {
    return permit(id, holder, window, new PermitScope(List.of(lanes), List.of(), Set.of()));
  }

  static Permit permit(String id, Holder holder, TimeWindow window, PermitScope scope) {
    Set<PersonId> people = holder instanceof Holder.Person p ? Set.of(p.id()) : Set.of();
    Map<Plate, VehicleClass> vehicles = holder instanceof Holder.Vehicle v
        ? Map.of(v.plate(), v.vehicleClass()) : Map.of();
    return Permit.issue(new PermitId(id), id, people, vehicles, HOST, scope, window, Optional.empty(),
        Optional.empty(), window.from().minusSeconds(86_400), "reviewer");
  }

  /** The staff member's long-term pass through the pedestrian lanes of the comprehensive and ordinary gates. */
  static Permit staffYearPass() {
    return permit("PM-STAFF", HolderFixture.staffMember(), new TimeWindow(onDay(-100, "00:00"), onDay(265, "00:00")),
        LaneRef.of("G-COMP", "P1"), LaneRef.of("G-ORD", "P1"));
  }

  /** Today's hazmat delivery of the tanker through the hazmat lanes of the comprehensive and dedicated gates. */
  static Permit hazmatDeliveryToday() {
    return permit("PM-HAZ-TODAY", HolderFixture.hazmatTanker(), TODAY,
        LaneRef.of("G-COMP", "H1"), LaneRef.of("G-DED", "H1"));
  }

  /** Today's hazmat delivery, unloaded and confirmed by the host: the tanker may leave. */
  static Permit hazmatDeliveryExitConfirmed() {
    return hazmatDeliveryToday().confirmExit(HOST, "zhang", at("11:00"), true, true, "卸货完毕").orElseThrow();
  }

  /** Today's hazmat delivery, revoked at 09:00. */
  static Permit hazmatDeliveryRevoked() {
    return hazmatDeliveryToday().revoke("safety-officer", at("09:00"), "司机资格证过期").orElseThrow();
  }

  /** The visitor's visit tomorrow, 08:00–18:00, through the comprehensive gate's pedestrian lane. */
  static Permit visitTomorrow() {
    return permit("PM-VISIT-TOMORROW", HolderFixture.visitor(),
        new TimeWindow(onDay(1, "08:00"), onDay(1, "18:00")), LaneRef.of("G-COMP", "P1"));
  }

  /** The visitor's visit yesterday, 08:00–18:00, through the comprehensive gate's pedestrian lane. */
  static Permit visitYesterday() {
    return permit("PM-VISIT-YESTERDAY", HolderFixture.visitor(),
        new TimeWindow(onDay(-1, "08:00"), onDay(-1, "18:00")), LaneRef.of("G-COMP", "P1"));
  }

  /** The visitor's visit today through the comprehensive gate's pedestrian lane. */
  static Permit visitToday() {
    return permit("PM-VISIT-TODAY", HolderFixture.visitor(), TODAY, LaneRef.of("G-COMP", "P1"));
  }

  /** Today, through the core checkpoint, granting the zone; a core zone only with {@code authorised}. */
  static Permit checkpointPass(String id, Holder holder, ControlZone zone, boolean authorised) {
    Set<ZoneId> core = authorised && zone.zoneClass() == ZoneClass.CORE ? Set.of(zone.id()) : Set.of();
    String lane = holder instanceof Holder.Person ? "P1" : "H1";
    return permit(id, holder, TODAY, new PermitScope(List.of(LaneRef.of("G-CORE", lane)), List.of(zone.id()), core));
  }

  /** Today, through the core checkpoint, granting no zone at all. */
  static Permit checkpointPassWithoutZones(String id, Holder holder) {
    String lane = holder instanceof Holder.Person ? "P1" : "H1";
    return permit(id, holder, TODAY, LaneRef.of("G-CORE", lane));
  }
}
