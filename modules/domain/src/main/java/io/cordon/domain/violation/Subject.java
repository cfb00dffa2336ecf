package io.cordon.domain.violation;

import io.cordon.domain.park.EnterpriseId;
import io.cordon.domain.registry.PersonId;
import io.cordon.domain.vehicle.Plate;
import java.util.Objects;

/** A person (by registry id), a vehicle (by plate) or an enterprise (by id). */
public record Subject(SubjectKind kind, String id) {
  public Subject {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("subject id must not be blank");
    }
  }

  public static Subject person(PersonId id) {
    return new Subject(SubjectKind.PERSON, id.value());
  }

  public static Subject vehicle(Plate plate) {
    return new Subject(SubjectKind.VEHICLE, plate.value());
  }

  public static Subject enterprise(EnterpriseId id) {
    return new Subject(SubjectKind.ENTERPRISE, id.value());
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase() + " " + id;
  }
}
