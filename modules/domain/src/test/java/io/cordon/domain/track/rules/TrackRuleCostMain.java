package io.cordon.domain.track.rules;

import io.cordon.domain.park.Park;
import io.cordon.domain.park.ParkFixture;
import io.cordon.domain.park.Road;
import io.cordon.domain.park.RoadClass;
import io.cordon.domain.park.RoadId;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;

/**
 * Rough cost of one fix through all rules, for the report (not a test, not a benchmark: the real
 * one lives in modules/bench). The fixture park gets a 20 × 20 grid of extra roads (2,000 segments)
 * so the road look-up has to use its index. Run: java -cp target/classes:target/test-classes:jts.jar
 * io.cordon.domain.track.rules.TrackRuleCostMain
 */
final class TrackRuleCostMain {

  public static void main(String[] args) {
    ParkFixture draw = TrackFixture.DRAW;
    Park park = ParkFixture.edit(TrackFixture.PARK, p -> {
      for (int i = 1; i < 20; i++) {
        double[] across = new double[22];
        double[] along = new double[22];
        for (int k = 0; k <= 10; k++) {
          across[2 * k] = k * 100;
          across[2 * k + 1] = i * 50;
          along[2 * k] = i * 50;
          along[2 * k + 1] = k * 100;
        }
        p.roads.add(new Road(new RoadId("G-E" + i), "grid", RoadClass.ORDINARY, draw.line(across), 25));
        p.roads.add(new Road(new RoadId("G-N" + i), "grid", RoadClass.ORDINARY, draw.line(along), 25));
      }
    });
    ParkGeometry geometry = ParkGeometry.of(park);
    TrackRuleEngine engine = new TrackRuleEngine(geometry, TrackRuleSettings.defaults());
    RouteCorridor route = geometry.route(List.of(new RoadId("R-1"), new RoadId("R-2")));
    VehicleTrip trip = TrackFixture.tankerToLp2().withRoute(route);

    int vehicles = 2000;
    VehicleRuleState[] states = new VehicleRuleState[vehicles];
    for (int v = 0; v < vehicles; v++) {
      states[v] = engine.newState(new VehicleKey("V" + v));
    }
    // precomputed noisy positions along a loop through the park, so the timed loop only evaluates
    int points = 4096;
    double[] lon = new double[points];
    double[] lat = new double[points];
    Random random = new Random(1);
    for (int i = 0; i < points; i++) {
      double along = (i * 7.3) % 1800;
      double x = along <= 500 ? 500 : (along <= 900 ? along : 900 - (along - 900) * 0.8);
      double y = along <= 500 ? along : (along <= 900 ? 500 : 500 + (along - 900) * 0.4);
      Coordinate c = draw.lonLat(x + random.nextGaussian() * 30, y + random.nextGaussian() * 30);
      lon[i] = c.x;
      lat[i] = c.y;
    }
    long base = TrackFixture.T0.toEpochMilli();
    long events = 0;
    for (int round = 0; round < 5; round++) {
      long fixes = 0;
      long start = System.nanoTime();
      for (int second = 0; second < 600; second++) {
        long t = base + (round * 600L + second) * 1000;
        for (int v = 0; v < vehicles; v++) {
          int p = (v * 31 + round * 600 + second) & (points - 1);
          Fix fix = new Fix(t, lon[p], lat[p], 20 + (v % 30), 0, true, 0);
          events += engine.onFix(states[v], trip, fix).size();
          fixes++;
        }
      }
      long ns = System.nanoTime() - start;
      System.out.printf("round %d: %d fixes, %.0f ns/fix, %d events so far%n", round, fixes, (double) ns / fixes,
          events);
    }
  }
}
