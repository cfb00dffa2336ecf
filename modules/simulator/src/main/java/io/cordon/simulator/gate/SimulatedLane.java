package io.cordon.simulator.gate;

import io.cordon.api.v1.BarrierState;
import io.cordon.api.v1.Direction;
import io.cordon.devices.gate.edge.BarrierResult;
import io.cordon.devices.gate.edge.LaneEvents;
import io.cordon.devices.gate.edge.LaneHardware;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One simulated lane: its barrier, LED, speaker and loop detector. The barrier takes {@code moveTime}
 * to move (zero: at once) and reports each state; a holder driving (or walking) through triggers the
 * loop detector and a barrier opened once closes behind them; a held-open barrier stays open.
 */
public final class SimulatedLane implements LaneHardware {

  private final String laneId;
  private final List<String> devices;
  private final Duration moveTime;
  private final ScheduledExecutorService timer;
  private volatile LaneEvents events;
  private BarrierState state = BarrierState.BARRIER_STATE_CLOSED;
  private volatile String led = "";
  private volatile String voice = "";

  public SimulatedLane(String laneId, List<String> devices, Duration moveTime, ScheduledExecutorService timer) {
    this.laneId = Objects.requireNonNull(laneId, "laneId");
    this.devices = List.copyOf(devices);
    this.moveTime = Objects.requireNonNull(moveTime, "moveTime");
    this.timer = timer;
  }

  @Override
  public String laneId() {
    return laneId;
  }

  @Override
  public List<String> devices() {
    return devices;
  }

  @Override
  public void attach(LaneEvents laneEvents) {
    this.events = laneEvents;
    laneEvents.barrier(laneId, state(), "initial");
  }

  public synchronized BarrierState state() {
    return state;
  }

  public String led() {
    return led;
  }

  public String voice() {
    return voice;
  }

  @Override
  public CompletionStage<BarrierResult> openOnce() {
    return move(BarrierState.BARRIER_STATE_OPEN);
  }

  @Override
  public CompletionStage<BarrierResult> holdOpen() {
    return move(BarrierState.BARRIER_STATE_HELD_OPEN);
  }

  @Override
  public CompletionStage<BarrierResult> close() {
    return move(BarrierState.BARRIER_STATE_CLOSED);
  }

  @Override
  public void show(String ledText) {
    led = ledText;
  }

  @Override
  public void say(String voicePhrase) {
    voice = voicePhrase;
  }

  /**
   * Someone goes through the lane at {@code at}: the loop detector reports it, and a barrier that
   * was opened once closes behind them.
   */
  public void driveThrough(Direction direction, Instant at) {
    LaneEvents target = events;
    if (target == null) {
      return;
    }
    target.passage(laneId, direction, at);
    boolean closeBehind;
    synchronized (this) {
      closeBehind = state == BarrierState.BARRIER_STATE_OPEN;
    }
    if (closeBehind) {
      close();
    }
  }

  private CompletionStage<BarrierResult> move(BarrierState target) {
    synchronized (this) {
      if (target == BarrierState.BARRIER_STATE_OPEN && state == BarrierState.BARRIER_STATE_HELD_OPEN) {
        return CompletableFuture.completedFuture(BarrierResult.done(state)); // held open stays held open
      }
    }
    if (moveTime.isZero() || timer == null) {
      return CompletableFuture.completedFuture(reach(target));
    }
    CompletableFuture<BarrierResult> done = new CompletableFuture<>();
    timer.schedule(() -> done.complete(reach(target)), moveTime.toMillis(), TimeUnit.MILLISECONDS);
    return done;
  }

  private BarrierResult reach(BarrierState target) {
    boolean changed;
    synchronized (this) {
      changed = state != target;
      state = target;
    }
    LaneEvents target0 = events;
    if (changed && target0 != null) {
      target0.barrier(laneId, target, "");
    }
    return BarrierResult.done(target);
  }
}
