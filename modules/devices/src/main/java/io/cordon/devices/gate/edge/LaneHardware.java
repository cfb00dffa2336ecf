package io.cordon.devices.gate.edge;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * One lane's devices as the agent drives them: a real gate's camera and barrier SDK adapter, or the
 * simulator's lane. The barrier calls answer when the barrier reached the state (or failed); the
 * lane reports what happens on its own (barrier states, loop passages, faults, identifications)
 * through the {@link LaneEvents} it is attached to.
 */
public interface LaneHardware {

  /** The lane id as in the park model, e.g. "L1". */
  String laneId();

  /** What the lane has: "plate_camera", "face", "card", "rfid", "loop", "barrier". */
  List<String> devices();

  /** Open for one passage, then close by itself. Already held open: stays held open. */
  CompletionStage<BarrierResult> openOnce();

  /** Open and stay open until {@link #close()}. */
  CompletionStage<BarrierResult> holdOpen();

  CompletionStage<BarrierResult> close();

  /** What the lane's LED shows (≤ 64 chars). */
  void show(String ledText);

  /** What the lane's speaker says (≤ 64 chars). */
  void say(String voicePhrase);

  /** Called once by the agent before anything else, with where to report to. */
  default void attach(LaneEvents events) {
  }
}
