package io.cordon.devices.gate;

import io.cordon.domain.gate.GateState;
import io.cordon.domain.park.Gate;
import java.time.Instant;
import java.util.Objects;

/**
 * A validated state report of a gate of the park, ready to be recorded. {@code requestId} is the
 * device's idempotency key, unique per {@code reporter}.
 *
 * @param reporter the device account that sent the report, empty when unknown
 * @param state never {@link GateState#UNKNOWN}: a gate cannot report that it does not know
 * @param observedAt when the gate observed the state (device clock, UTC)
 * @param detail free text from the device, empty when none
 */
public record GateStateObservation(
    String requestId, String reporter, Gate gate, GateState state, Instant observedAt, String detail) {

  public GateStateObservation {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(reporter, "reporter");
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(observedAt, "observedAt");
    if (state == GateState.UNKNOWN) {
      throw new IllegalArgumentException("a gate cannot report UNKNOWN");
    }
    detail = detail == null ? "" : detail;
  }
}
