package io.cordon.server.gate.access;

import com.google.protobuf.Parser;
import com.google.protobuf.Timestamp;
import io.cordon.domain.permit.Permit;
import io.cordon.domain.vehicle.VehicleClass;
import io.cordon.domain.violation.BlacklistEntry;
import io.cordon.domain.violation.Lifting;
import io.cordon.domain.violation.Subject;
import io.cordon.domain.violation.SubjectKind;
import io.cordon.server.registration.StoredForms;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads the bodies of the registration tables (V6: base64 of the binary cordon.v1 message) into the
 * domain objects the access policy needs. The registration package keeps its own converters
 * private; these read the same stored form.
 */
final class RegistryBodies {

  private RegistryBodies() {
  }

  static <T> T decode(String body, Parser<T> parser) {
    return StoredForms.decode(body, parser);
  }

  static Permit permit(io.cordon.api.v1.Permit p) {
    return StoredForms.permit(p);
  }

  static BlacklistEntry entry(io.cordon.api.v1.BlacklistEntry e) {
    SubjectKind kind = SubjectKind.valueOf(e.getSubject().getKind().name().substring("SUBJECT_KIND_".length()));
    return new BlacklistEntry(e.getEntryId(), new Subject(kind, e.getSubject().getId()), e.getReason(),
        instant(e.getFrom()), e.hasUntil() ? Optional.of(instant(e.getUntil())) : Optional.empty(),
        e.getViolationId().isEmpty() ? Optional.empty() : Optional.of(e.getViolationId()),
        e.hasLiftedAt() ? Optional.of(new Lifting(instant(e.getLiftedAt()), e.getLiftedBy(), e.getLiftReason()))
            : Optional.empty());
  }

  static Optional<VehicleClass> vehicleClass(io.cordon.api.v1.VehicleClass c) {
    return StoredForms.vehicleClass(c);
  }

  static io.cordon.api.v1.VehicleClass toProto(VehicleClass c) {
    return io.cordon.api.v1.VehicleClass.valueOf("VEHICLE_CLASS_" + c.name());
  }

  static Instant instant(Timestamp t) {
    return StoredForms.instant(t);
  }
}
