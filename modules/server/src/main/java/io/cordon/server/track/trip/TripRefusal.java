package io.cordon.server.track.trip;

import io.cordon.devices.gate.FieldViolations;
import com.google.rpc.Code;
import io.grpc.StatusRuntimeException;
import java.util.Objects;

/**
 * A TripService request refused for a reason a caller can act on: an unknown id (NOT_FOUND), a
 * conflict with what is bound now (FAILED_PRECONDITION), naming the field at fault.
 */
final class TripRefusal extends RuntimeException {

  private final Code code;
  private final String field;

  private TripRefusal(Code code, String field, String description) {
    super(field + " " + description, null, false, false);
    this.code = Objects.requireNonNull(code, "code");
    this.field = Objects.requireNonNull(field, "field");
  }

  static TripRefusal notFound(String field, String description) {
    return new TripRefusal(Code.NOT_FOUND, field, description);
  }

  static TripRefusal conflict(String field, String description) {
    return new TripRefusal(Code.FAILED_PRECONDITION, field, description);
  }

  Code code() {
    return code;
  }

  String field() {
    return field;
  }

  StatusRuntimeException toStatus() {
    return FieldViolations.single(code, getMessage(), field, getMessage().substring(field.length() + 1));
  }
}
