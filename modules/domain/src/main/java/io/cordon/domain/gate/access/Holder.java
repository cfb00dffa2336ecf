package io.cordon.domain.gate.access;

import io.cordon.domain.park.EnterpriseId;
import io.cordon.domain.registry.PersonId;
import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.vehicle.VehicleClass;
import java.util.Objects;
import java.util.Optional;

/** Who or what stands at the lane, as the gate identified it. */
public sealed interface Holder permits Holder.Person, Holder.Vehicle, Holder.Unknown {

  /**
   * A stable key, unique across kinds ("P:" person id, "V:" plate, "U:" credential), used to index
   * presence; two identifications of the same holder have the same key.
   */
  String key();

  /** The enterprise the holder belongs to, when known. */
  Optional<EnterpriseId> enterprise();

  /** A registered person (face, card). */
  record Person(PersonId id, Optional<EnterpriseId> enterprise) implements Holder {
    public Person {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(enterprise, "enterprise");
    }

    @Override
    public String key() {
      return "P:" + id.value();
    }

    @Override
    public String toString() {
      return "person " + id;
    }
  }

  /** A registered vehicle (plate, RFID tag); {@code emergencyService}: fire, ambulance, rescue. */
  record Vehicle(Plate plate, VehicleClass vehicleClass, Optional<EnterpriseId> owner, boolean emergencyService)
      implements Holder {
    public Vehicle {
      Objects.requireNonNull(plate, "plate");
      Objects.requireNonNull(vehicleClass, "vehicleClass");
      Objects.requireNonNull(owner, "owner");
    }

    @Override
    public String key() {
      return "V:" + plate.value();
    }

    @Override
    public Optional<EnterpriseId> enterprise() {
      return owner;
    }

    @Override
    public String toString() {
      return vehicleClass.name().toLowerCase() + " vehicle " + plate;
    }
  }

  /** A credential the registry does not know; {@code seenClass}: the vehicle class the camera saw, if any. */
  record Unknown(String credential, Optional<VehicleClass> seenClass) implements Holder {
    public Unknown {
      Objects.requireNonNull(credential, "credential");
      Objects.requireNonNull(seenClass, "seenClass");
    }

    @Override
    public String key() {
      return "U:" + credential;
    }

    @Override
    public Optional<EnterpriseId> enterprise() {
      return Optional.empty();
    }

    @Override
    public String toString() {
      return "unknown " + seenClass.map(c -> c.name().toLowerCase() + " vehicle ").orElse("") + credential;
    }
  }
}
