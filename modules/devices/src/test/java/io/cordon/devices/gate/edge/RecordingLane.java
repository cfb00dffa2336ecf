package io.cordon.devices.gate.edge;

import io.cordon.api.v1.BarrierState;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** A lane whose barrier obeys at once and which remembers what it was told. */
final class RecordingLane implements LaneHardware {

  final String id;
  final List<String> actions = new CopyOnWriteArrayList<>();
  volatile String led = "";
  volatile LaneEvents events;

  RecordingLane(String id) {
    this.id = id;
  }

  @Override
  public String laneId() {
    return id;
  }

  @Override
  public List<String> devices() {
    return List.of("plate_camera", "loop", "barrier");
  }

  @Override
  public void attach(LaneEvents laneEvents) {
    events = laneEvents;
  }

  @Override
  public CompletionStage<BarrierResult> openOnce() {
    actions.add("open");
    return CompletableFuture.completedFuture(BarrierResult.done(BarrierState.BARRIER_STATE_OPEN));
  }

  @Override
  public CompletionStage<BarrierResult> holdOpen() {
    actions.add("hold");
    return CompletableFuture.completedFuture(BarrierResult.done(BarrierState.BARRIER_STATE_HELD_OPEN));
  }

  @Override
  public CompletionStage<BarrierResult> close() {
    actions.add("close");
    return CompletableFuture.completedFuture(BarrierResult.done(BarrierState.BARRIER_STATE_CLOSED));
  }

  @Override
  public void show(String ledText) {
    led = ledText;
  }

  @Override
  public void say(String voicePhrase) {
  }
}
