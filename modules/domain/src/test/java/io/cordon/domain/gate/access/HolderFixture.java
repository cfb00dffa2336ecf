package io.cordon.domain.gate.access;

import io.cordon.domain.park.EnterpriseId;
import io.cordon.domain.registry.PersonId;
import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.vehicle.VehicleClass;
import java.util.Optional;

/** Holders at the gate: the names say who they are. */
final class HolderFixture {

  static final EnterpriseId CHEMICALS = new EnterpriseId("ENT-CHEM");
  static final EnterpriseId HAULIER = new EnterpriseId("ENT-HAUL");

  private HolderFixture() {
  }

  /** An employee of the chemicals company. */
  static Holder.Person staffMember() {
    return new Holder.Person(new PersonId("P-STAFF-1"), Optional.of(CHEMICALS));
  }

  /** A visitor of no enterprise. */
  static Holder.Person visitor() {
    return new Holder.Person(new PersonId("P-VISIT-1"), Optional.empty());
  }

  /** The haulier's hazmat tanker. */
  static Holder.Vehicle hazmatTanker() {
    return vehicle("苏E12345", VehicleClass.HAZMAT);
  }

  static Holder.Vehicle hazwasteTruck() {
    return vehicle("苏E22345", VehicleClass.HAZWASTE);
  }

  static Holder.Vehicle commuterBus() {
    return vehicle("苏E32345", VehicleClass.COMMUTER);
  }

  static Holder.Vehicle ordinaryCar() {
    return vehicle("苏E42345", VehicleClass.ORDINARY);
  }

  static Holder.Vehicle constructionTruck() {
    return vehicle("苏E52345", VehicleClass.CONSTRUCTION);
  }

  /** The park fire brigade's engine (an emergency-service vehicle of no enterprise). */
  static Holder.Vehicle fireEngine() {
    return new Holder.Vehicle(Plate.parse("苏E11900"), VehicleClass.ORDINARY, Optional.empty(), true);
  }

  /** A plate the registry does not know, no class seen. */
  static Holder.Unknown unknownPlate() {
    return new Holder.Unknown("苏A99999", Optional.empty());
  }

  /** A tanker the registry does not know. */
  static Holder.Unknown unknownTanker() {
    return new Holder.Unknown("苏A88888", Optional.of(VehicleClass.HAZMAT));
  }

  /** A vehicle of the haulier with the given plate and class. */
  static Holder.Vehicle vehicle(String plate, VehicleClass vehicleClass) {
    return new Holder.Vehicle(Plate.parse(plate), vehicleClass, Optional.of(HAULIER), false);
  }
}
