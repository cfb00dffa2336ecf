package io.cordon.client.registration;

import java.util.Objects;

/** One field violation from the server: the request path it names ("reasons", "scope.lanes[0]") and why. */
public record FieldError(String field, String reason) {
  public FieldError {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reason, "reason");
  }

  /** "reasons: at least one is required"; the reason alone for the whole request. */
  public String text() {
    return field.isEmpty() ? reason : field + ": " + reason;
  }
}
