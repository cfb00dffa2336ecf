package io.cordon.simulator.jt808;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParkPathsTest {

  private final ParkPaths paths = new ParkPaths(LoopbackJt808Server.SAMPLE_PARK);

  @Test
  void hazmatVehiclesEnterOnlyThroughPerimeterComprehensiveAndDedicatedGates() {
    assertThat(paths.entryGates()).extracting(ParkPaths.EntryGate::id).containsExactlyInAnyOrder("G1", "G2", "G4",
        "G5");
  }

  @Test
  void aPermitsRouteIsDrivenRoadByRoadFromTheGateToTheLoadingPoint() {
    ParkPaths.EntryGate gate = paths.gate("G2").orElseThrow();
    ParkPaths.Target target = paths.loadingPoints().stream().filter(t -> t.x() > 0 && t.y() > 300).findFirst()
        .orElseThrow();

    PathLine path = paths.outbound(gate, HazmatPermit.routeIds("R-06>R-02"), target);

    assertThat(path.pointAt(0)).containsExactly(gate.x(), gate.y());
    assertThat(path.pointAt(path.length())).containsExactly(target.x(), target.y());
    // all of it on the roads but the access way at the end (the loading points lie up to ~310 m off them)
    for (double at = 0; at < path.length() - 320; at += 25) {
      double[] p = path.pointAt(at);
      assertThat(paths.distanceToRoads(p[0], p[1])).as("at %.0f m of %.0f", at, path.length()).isLessThan(1);
    }
  }

  @Test
  void anUnknownRouteFallsBackToTheHazmatRoads() {
    ParkPaths.EntryGate gate = paths.gate("G1").orElseThrow();
    ParkPaths.Target target = paths.loadingPoints().get(0);

    PathLine path = paths.outbound(gate, List.of("R-99"), target);

    double[] middle = path.pointAt(path.length() / 2);
    assertThat(paths.nearestRoad(middle[0], middle[1]).orElseThrow().roadClass())
        .isEqualTo(io.cordon.api.v1.RoadClass.ROAD_CLASS_HAZMAT);
    assertThat(path.pointAt(path.length())).containsExactly(target.x(), target.y());
  }
}
