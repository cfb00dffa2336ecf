package io.cordon.devices.gate;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.BarrierCommand;
import io.cordon.api.v1.GateAction;
import io.cordon.api.v1.GateCommand;
import io.cordon.api.v1.GateOperatingMode;
import io.cordon.domain.gate.GateState;
import io.cordon.domain.gate.access.GateMode;
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

  /**
   * The interim protocol's action: it knows only open and closed, so a hold-open is an open and a
   * mode switch opens for evacuation and closes for the normal mode.
   */
  public static GateAction toProto(BarrierAction action) {
    return toLegacy(action, Optional.empty());
  }

  private static GateAction toLegacy(BarrierAction action, Optional<GateMode> mode) {
    switch (action) {
      case OPEN:
      case HOLD_OPEN:
        return GateAction.GATE_ACTION_OPEN;
      case SET_MODE:
        return mode.orElse(GateMode.NORMAL) == GateMode.EVACUATION
            ? GateAction.GATE_ACTION_OPEN : GateAction.GATE_ACTION_CLOSE;
      default:
        return GateAction.GATE_ACTION_CLOSE;
    }
  }

  /** The gate-agent protocol's action; the manual {@link BarrierAction#OPEN} opens for one passage. */
  public static io.cordon.api.v1.BarrierAction toAgentAction(BarrierAction action) {
    switch (action) {
      case OPEN:
        return io.cordon.api.v1.BarrierAction.BARRIER_ACTION_OPEN_ONCE;
      case HOLD_OPEN:
        return io.cordon.api.v1.BarrierAction.BARRIER_ACTION_HOLD_OPEN;
      case SET_MODE:
        return io.cordon.api.v1.BarrierAction.BARRIER_ACTION_SET_MODE;
      default:
        return io.cordon.api.v1.BarrierAction.BARRIER_ACTION_CLOSE;
    }
  }

  public static GateOperatingMode toProto(GateMode mode) {
    return mode == GateMode.EVACUATION
        ? GateOperatingMode.GATE_OPERATING_MODE_EVACUATION : GateOperatingMode.GATE_OPERATING_MODE_NORMAL;
  }

  /** The mode, empty for unspecified values and for EMERGENCY_OPEN (not a mode a command sets). */
  public static Optional<GateMode> toDomain(GateOperatingMode mode) {
    switch (mode) {
      case GATE_OPERATING_MODE_NORMAL:
        return Optional.of(GateMode.NORMAL);
      case GATE_OPERATING_MODE_EVACUATION:
        return Optional.of(GateMode.EVACUATION);
      default:
        return Optional.empty();
    }
  }

  /** A command as the gate-agent stream sends it (lane, action, mode and emergency included). */
  public static BarrierCommand toBarrierCommand(IssuedGateCommand command) {
    BarrierCommand.Builder wire = BarrierCommand.newBuilder()
        .setCommandSeq(command.seq())
        .setLaneId(command.lane().orElse(""))
        .setAction(toAgentAction(command.action()))
        .setReason(command.reason())
        .setIssuedBy(command.issuedBy())
        .setIssuedAt(timestamp(command.issuedAt()))
        .setEmergencyId(command.emergencyId().orElse(""));
    command.mode().ifPresent(mode -> wire.setMode(toProto(mode)));
    return wire.build();
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
        .setAction(toLegacy(command.action(), command.mode()))
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
