package io.cordon.devices.gate.edge;

import io.cordon.api.v1.BarrierState;
import io.cordon.api.v1.Direction;
import io.cordon.api.v1.Identification;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/** Where a lane's devices report to: the agent's local hardware API. Callable from any thread. */
public interface LaneEvents {

  /**
   * A device recognised someone or something: the decision, from the server within the agent's
   * decision timeout, else the agent's own. The agent carries it out (LED, voice, barrier) itself.
   */
  CompletionStage<GateDecision> identified(Identification identification);

  /** The barrier moved or failed. */
  void barrier(String laneId, BarrierState state, String detail);

  /** The loop detector (or turnstile) saw one vehicle or person go through. */
  void passage(String laneId, Direction direction, Instant at);

  /** A device failed ({@code cleared} false) or recovered; {@code laneId} empty for the gate as a whole. */
  void fault(String laneId, String device, String code, String detail, boolean cleared);
}
