package io.cordon.server.gate.access;

import io.cordon.domain.gate.access.Holder;
import io.cordon.domain.park.EnterpriseId;
import io.cordon.domain.registry.PersonId;
import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.vehicle.VehicleClass;
import java.time.Instant;
import java.util.Optional;

/** A holder's latest counted passage, as the {@code gate_presence} table keeps it. */
record PresenceRow(String holderKey, String kind, String holder, String holderClass, String enterpriseId,
    boolean inside, String gateId, Instant since, Instant lastAt, String recordId) {

  static final String PERSON = "PERSON";
  static final String VEHICLE = "VEHICLE";
  static final String UNKNOWN = "UNKNOWN";

  /** The holder the row describes (vehicles restored without the emergency flag: it does not count). */
  Holder toHolder() {
    Optional<EnterpriseId> enterprise = enterpriseId.isEmpty() ? Optional.empty()
        : Optional.of(new EnterpriseId(enterpriseId));
    if (kind.equals(PERSON)) {
      return new Holder.Person(new PersonId(holder), enterprise);
    }
    if (kind.equals(VEHICLE)) {
      return new Holder.Vehicle(new Plate(holder), VehicleClass.valueOf(holderClass), enterprise, false);
    }
    return new Holder.Unknown(holder, vehicleClass(holderClass));
  }

  static String kindOf(Holder holder) {
    return holder instanceof Holder.Person ? PERSON : holder instanceof Holder.Vehicle ? VEHICLE : UNKNOWN;
  }

  /** PERSON, the vehicle class, or for unknowns the class the camera saw (UNKNOWN if none). */
  static String classOf(Holder holder) {
    if (holder instanceof Holder.Person) {
      return PERSON;
    }
    if (holder instanceof Holder.Vehicle v) {
      return v.vehicleClass().name();
    }
    return ((Holder.Unknown) holder).seenClass().map(Enum::name).orElse(UNKNOWN);
  }

  /** The plate, person id or credential. */
  static String idOf(Holder holder) {
    if (holder instanceof Holder.Person p) {
      return p.id().value();
    }
    if (holder instanceof Holder.Vehicle v) {
      return v.plate().value();
    }
    return ((Holder.Unknown) holder).credential();
  }

  static Optional<VehicleClass> vehicleClass(String name) {
    for (VehicleClass c : VehicleClass.values()) {
      if (c.name().equals(name)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
