package io.cordon.domain.validation;

import java.util.List;
import java.util.Objects;

/**
 * Why a command or a form was refused: its nature, for mapping to a status, and every field error
 * (at least one). Nothing changed.
 */
public record Refusal(Kind kind, List<FieldError> errors) {

  /** A refusal's nature, so adapters can map it to the right status. */
  public enum Kind {
    /** The input is malformed or breaks a rule the applicant can fix (google.rpc.BadRequest). */
    INVALID,
    /** The object is not in a state that allows it, or someone else changed it first. */
    CONFLICT,
    /** The actor may not do this. */
    FORBIDDEN
  }

  public Refusal {
    Objects.requireNonNull(kind, "kind");
    errors = List.copyOf(errors);
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a refusal names at least one error");
    }
  }

  public static Refusal invalid(List<FieldError> errors) {
    return new Refusal(Kind.INVALID, errors);
  }

  public static Refusal invalid(String field, String reason) {
    return new Refusal(Kind.INVALID, List.of(new FieldError(field, reason)));
  }

  public static Refusal conflict(String field, String reason) {
    return new Refusal(Kind.CONFLICT, List.of(new FieldError(field, reason)));
  }

  public static Refusal forbidden(String field, String reason) {
    return new Refusal(Kind.FORBIDDEN, List.of(new FieldError(field, reason)));
  }

  /** The fields named, in order, for tests and logs. */
  public List<String> fields() {
    return errors.stream().map(FieldError::field).toList();
  }
}
