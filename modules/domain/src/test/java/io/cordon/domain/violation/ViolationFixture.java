package io.cordon.domain.violation;

import io.cordon.domain.park.EnterpriseId;
import io.cordon.domain.park.GateId;
import io.cordon.domain.registry.PersonId;
import io.cordon.domain.vehicle.Plate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

final class ViolationFixture {

  static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
  static final PersonId DRIVER = new PersonId("P-1");
  static final EnterpriseId UNIT = new EnterpriseId("ENT-HAUL");
  static final Plate PLATE = Plate.parse("苏E12345");

  private ViolationFixture() {
  }

  static Violation violation(String id, ViolationKind kind, Instant at) {
    return Violation.record(id, kind, at, Optional.of(DRIVER), Optional.of(PLATE), Optional.of(UNIT),
        Optional.of(new GateId("G-COMP")), List.of("video://G-COMP/" + id), "记录 " + id, "guard", false).orElseThrow();
  }
}
