package io.cordon.server.alarm;

import io.cordon.domain.alarm.Refusal;

/** A command the domain refused; the gRPC layer turns it into a status naming the field. */
final class AlarmRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final transient Refusal refusal;

  AlarmRefusedException(Refusal refusal) {
    super(refusal.field() + ": " + refusal.reason(), null, false, false);
    this.refusal = refusal;
  }

  Refusal refusal() {
    return refusal;
  }
}
