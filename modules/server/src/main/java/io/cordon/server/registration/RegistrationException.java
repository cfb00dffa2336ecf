package io.cordon.server.registration;

import com.google.rpc.Code;
import io.cordon.devices.gate.FieldViolations;
import io.cordon.domain.validation.FieldError;
import io.cordon.domain.validation.Refusal;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A refusal on its way to the caller: a gRPC status with google.rpc.BadRequest field violations.
 * Invalid input is INVALID_ARGUMENT with every field (in proto spelling); a conflict with the
 * object's state or version is FAILED_PRECONDITION on "expected_version" or "action"; an actor who
 * may not act is PERMISSION_DENIED on "actor"; an unknown id is NOT_FOUND on its field.
 */
final class RegistrationException extends RuntimeException {

  private final transient StatusRuntimeException status;

  private RegistrationException(StatusRuntimeException status) {
    super(status.getMessage(), null, false, false);
    this.status = status;
  }

  StatusRuntimeException status() {
    return status;
  }

  /** A domain refusal; {@code paths} turns a domain path into the request's (e.g. prefixing "content."). */
  static RegistrationException of(Refusal refusal, UnaryOperator<String> paths) {
    FieldViolations v = new FieldViolations();
    switch (refusal.kind()) {
      case INVALID:
        refusal.errors().forEach(e -> v.add(paths.apply(e.field()), e.reason()));
        return new RegistrationException(v.toException(Code.INVALID_ARGUMENT, "invalid request"));
      case CONFLICT:
        refusal.errors().forEach(e -> v.add(e.field().equals("expectedVersion") ? "expected_version" : "action",
            e.reason()));
        return new RegistrationException(v.toException(Code.FAILED_PRECONDITION, refusal.errors().get(0).reason()));
      default:
        refusal.errors().forEach(e -> v.add("actor", e.reason()));
        return new RegistrationException(v.toException(Code.PERMISSION_DENIED, refusal.errors().get(0).reason()));
    }
  }

  static RegistrationException invalid(List<FieldError> errors) {
    FieldViolations v = new FieldViolations();
    errors.forEach(e -> v.add(e.field(), e.reason()));
    return new RegistrationException(v.toException(Code.INVALID_ARGUMENT, "invalid request"));
  }

  static RegistrationException invalid(String field, String reason) {
    return new RegistrationException(FieldViolations.single(Code.INVALID_ARGUMENT, reason, field, reason));
  }

  static RegistrationException invalid(FieldViolations violations) {
    return new RegistrationException(violations.toException(Code.INVALID_ARGUMENT, "invalid request"));
  }

  static RegistrationException notFound(String field, String what) {
    return new RegistrationException(FieldViolations.single(Code.NOT_FOUND, what + " not found", field,
        "is not " + what));
  }

  static RegistrationException stale(String what, long version) {
    return new RegistrationException(FieldViolations.single(Code.FAILED_PRECONDITION, what + " changed meanwhile",
        "expected_version", "someone else changed it first (now version " + version + "); reload it"));
  }

  static RegistrationException denied(String reason) {
    return new RegistrationException(FieldViolations.single(Code.PERMISSION_DENIED, reason, "actor", reason));
  }
}
