package io.cordon.simulator.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.BarrierState;
import io.cordon.api.v1.Direction;
import io.cordon.api.v1.Identification;
import io.cordon.devices.gate.edge.GateDecision;
import io.cordon.devices.gate.edge.LaneEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SimulatedLaneTest {

  private final List<String> reported = new CopyOnWriteArrayList<>();
  private final SimulatedLane lane = new SimulatedLane("L1", List.of("plate_camera", "loop", "barrier"),
      Duration.ZERO, null);

  SimulatedLaneTest() {
    lane.attach(new LaneEvents() {
      @Override
      public CompletionStage<GateDecision> identified(Identification identification) {
        throw new UnsupportedOperationException();
      }

      @Override
      public void barrier(String laneId, BarrierState state, String detail) {
        reported.add(state.name());
      }

      @Override
      public void passage(String laneId, Direction direction, Instant at) {
        reported.add("passage");
      }

      @Override
      public void fault(String laneId, String device, String code, String detail, boolean cleared) {
      }
    });
  }

  @Test
  void aBarrierOpenedOnceClosesBehindTheVehicle() {
    lane.openOnce();
    lane.driveThrough(Direction.DIRECTION_ENTRY, Instant.EPOCH);

    assertThat(reported).containsExactly("BARRIER_STATE_CLOSED", "BARRIER_STATE_OPEN", "passage",
        "BARRIER_STATE_CLOSED");
  }

  @Test
  void aHeldOpenBarrierStaysOpenAfterAPassage() {
    lane.holdOpen();
    lane.openOnce();
    lane.driveThrough(Direction.DIRECTION_EXIT, Instant.EPOCH);

    assertThat(lane.state()).isEqualTo(BarrierState.BARRIER_STATE_HELD_OPEN);
  }
}
