package io.cordon.domain.validation;

import java.util.Objects;

/**
 * One problem with one field: its path in the submitted object (dots for nesting, {@code [i]} for
 * list positions, e.g. {@code driver.certificates[0].expiresOn}; empty for the object as a whole)
 * and a reason a person can act on.
 */
public record FieldError(String field, String reason) {

  public FieldError {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("reason must not be blank");
    }
  }

  /** The same error seen from an enclosing object: {@code under("driver")} turns "name" into "driver.name". */
  public FieldError under(String prefix) {
    if (prefix.isEmpty()) {
      return this;
    }
    if (field.isEmpty()) {
      return new FieldError(prefix, reason);
    }
    return new FieldError(field.startsWith("[") ? prefix + field : prefix + "." + field, reason);
  }

  @Override
  public String toString() {
    return (field.isEmpty() ? "" : field + ": ") + reason;
  }
}
