package io.cordon.domain.alarm;

import java.util.Objects;

/** Why a command was refused, naming the request field at fault (e.g. "action", "expected_version"). */
public record Refusal(Kind kind, String field, String reason) {

  /** A refusal's nature, so adapters can map it to the right status. */
  public enum Kind {
    /** The request is malformed (missing or too long a reason, unknown step…). */
    INVALID,
    /** The alarm is not in a state that allows it, or someone else changed it first. */
    CONFLICT,
    /** The actor may not do this (another operator's alarm). */
    FORBIDDEN
  }

  public Refusal {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reason, "reason");
  }

  static Refusal invalid(String field, String reason) {
    return new Refusal(Kind.INVALID, field, reason);
  }

  static Refusal conflict(String field, String reason) {
    return new Refusal(Kind.CONFLICT, field, reason);
  }

  static Refusal forbidden(String field, String reason) {
    return new Refusal(Kind.FORBIDDEN, field, reason);
  }
}
