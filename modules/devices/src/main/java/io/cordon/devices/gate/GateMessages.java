package io.cordon.devices.gate;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.GateAction;
import io.cordon.api.v1.GateCommand;
import io.cordon.domain.gate.GateState;
import java.time.Instant;
import java.util.Optional;

/** Converts gate states, actions and commands between the wire and the domain. */
public final class GateMessages {
  private GateMessages() {
  }

  /** The wire state; {@link GateState#UNKNOWN} is {@code GATE_STATE_UNSPECIFIED}. */
  public static io.cordon.api.v1.GateState toProto(GateState state) {
    switch (state) {
      case CLOSED:
        return io.cordon.api.v1.GateState.GATE_STATE_CLOSED;
      case OPEN:
        return io.cordon.api.v1.GateState.GATE_STATE_OPEN;
      case FAULT:
        return io.cordon.api.v1.GateState.GATE_STATE_FAULT;
      case OFFLINE:
        return io.cordon.api.v1.GateState.GATE_STATE_OFFLINE;
      default:
        return io.cordon.api.v1.GateState.GATE_STATE_UNSPECIFIED;
    }
  }

  /** The domain state; unspecified or unrecognised values are {@link GateState#UNKNOWN}. */
  public static GateState toDomain(io.cordon.api.v1.GateState state) {
    switch (state) {
      case GATE_STATE_CLOSED:
        return GateState.CLOSED;
      case GATE_STATE_OPEN:
        return GateState.OPEN;
      case GATE_STATE_FAULT:
        return GateState.FAULT;
      case GATE_STATE_OFFLINE:
        return GateState.OFFLINE;
      default:
        return GateState.UNKNOWN;
    }
  }

  public static GateAction toProto(BarrierAction action) {
    return action == BarrierAction.OPEN ? GateAction.GATE_ACTION_OPEN : GateAction.GATE_ACTION_CLOSE;
  }

  /** The action, empty for unspecified or unrecognised values. */
  public static Optional<BarrierAction> toDomain(GateAction action) {
    switch (action) {
      case GATE_ACTION_OPEN:
        return Optional.of(BarrierAction.OPEN);
      case GATE_ACTION_CLOSE:
        return Optional.of(BarrierAction.CLOSE);
      default:
        return Optional.empty();
    }
  }

  public static GateCommand toProto(IssuedGateCommand command) {
    return GateCommand.newBuilder()
        .setCommandSeq(command.seq())
        .setGateId(command.gateId().value())
        .setAction(toProto(command.action()))
        .setReason(command.reason())
        .setIssuedBy(command.issuedBy())
        .setIssuedAt(timestamp(command.issuedAt()))
        .build();
  }

  public static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }

  public static Instant instant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }
}
