package io.cordon.devices.gate;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.BadRequest.FieldViolation;
import com.google.rpc.Code;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects field violations of one request and turns them into a gRPC status with a {@code
 * google.rpc.BadRequest}. Text rules are those of the journal's columns: lengths in UTF-16 units,
 * no control characters.
 */
public final class FieldViolations {

  private final List<FieldViolation> violations = new ArrayList<>();

  public FieldViolations add(String field, String description) {
    violations.add(FieldViolation.newBuilder().setField(field).setDescription(description).build());
    return this;
  }

  /** A required text of {@code min..max} UTF-16 units without control characters. */
  public FieldViolations checkText(String field, String value, int min, int max) {
    if (value.isEmpty()) {
      add(field, "is required");
    } else if (value.length() < min || value.length() > max) {
      add(field, "must be " + min + ".." + max + " UTF-16 code units");
    } else if (hasControlCharacter(value)) {
      add(field, "must not contain control characters");
    }
    return this;
  }

  /** An optional text of at most {@code max} UTF-16 units without control characters. */
  public FieldViolations checkOptionalText(String field, String value, int max) {
    if (value.length() > max) {
      add(field, "must be at most " + max + " UTF-16 code units");
    } else if (hasControlCharacter(value)) {
      add(field, "must not contain control characters");
    }
    return this;
  }

  public boolean isEmpty() {
    return violations.isEmpty();
  }

  public List<FieldViolation> list() {
    return List.copyOf(violations);
  }

  /** The fields named, in order (for tests and logs). */
  public List<String> fields() {
    return violations.stream().map(FieldViolation::getField).toList();
  }

  public StatusRuntimeException toException(Code code, String message) {
    return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
        .setCode(code.getNumber())
        .setMessage(message)
        .addDetails(Any.pack(BadRequest.newBuilder().addAllFieldViolations(violations).build()))
        .build());
  }

  /** A status naming one field. */
  public static StatusRuntimeException single(Code code, String message, String field, String description) {
    return new FieldViolations().add(field, description).toException(code, message);
  }

  static boolean hasControlCharacter(String value) {
    return value.chars().anyMatch(Character::isISOControl);
  }
}
