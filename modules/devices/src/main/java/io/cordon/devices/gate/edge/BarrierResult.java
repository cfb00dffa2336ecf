package io.cordon.devices.gate.edge;

import io.cordon.api.v1.BarrierState;

/** Whether a lane's barrier reached the commanded state, and if not why. */
public record BarrierResult(boolean done, BarrierState state, String detail) {

  public static BarrierResult done(BarrierState state) {
    return new BarrierResult(true, state, "");
  }

  public static BarrierResult failed(BarrierState state, String detail) {
    return new BarrierResult(false, state, detail);
  }
}
