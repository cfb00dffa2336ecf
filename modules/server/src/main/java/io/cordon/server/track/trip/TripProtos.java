package io.cordon.server.track.trip;

import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import com.google.protobuf.Timestamp;
import io.cordon.domain.permit.Permit;
import io.cordon.domain.vehicle.PlateColor;
import io.cordon.domain.vehicle.VehicleClass;
import io.cordon.server.registration.StoredForms;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Conversions between the stored and wire forms. The registration tables (V6) keep each object as
 * base64 of its binary cordon.v1 message; the registration package keeps its converters private,
 * so the permit is read into the domain here from that same stored form.
 */
final class TripProtos {

  private TripProtos() {
  }

  static String encode(MessageLite message) {
    return Base64.getEncoder().encodeToString(message.toByteArray());
  }

  static <T> T decode(String body, Parser<T> parser) {
    return StoredForms.decode(body, parser);
  }

  static Permit permit(io.cordon.api.v1.Permit p) {
    return StoredForms.permit(p);
  }

  static Optional<VehicleClass> vehicleClass(io.cordon.api.v1.VehicleClass c) {
    return StoredForms.vehicleClass(c);
  }

  static Optional<PlateColor> plateColor(io.cordon.api.v1.PlateColor c) {
    if (c == io.cordon.api.v1.PlateColor.PLATE_COLOR_UNSPECIFIED || c == io.cordon.api.v1.PlateColor.UNRECOGNIZED) {
      return Optional.empty();
    }
    return Optional.of(PlateColor.valueOf(c.name().substring("PLATE_COLOR_".length())));
  }

  static io.cordon.api.v1.VehicleClass toProto(VehicleClass c) {
    return io.cordon.api.v1.VehicleClass.valueOf("VEHICLE_CLASS_" + c.name());
  }

  static io.cordon.api.v1.PlateColor toProto(PlateColor c) {
    return io.cordon.api.v1.PlateColor.valueOf("PLATE_COLOR_" + c.name());
  }

  static Instant instant(Timestamp t) {
    return StoredForms.instant(t);
  }

  static Timestamp ts(Instant at) {
    return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
  }
}
