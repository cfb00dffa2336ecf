package io.cordon.domain.track.rules;

import io.cordon.domain.park.Enterprise;
import io.cordon.domain.park.EnterpriseId;
import io.cordon.domain.park.LoadingPoint;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.ParkFixture;
import io.cordon.domain.park.Road;
import io.cordon.domain.park.RoadClass;
import io.cordon.domain.park.RoadId;
import io.cordon.domain.park.ZoneId;
import io.cordon.domain.permit.TimeWindow;
import io.cordon.domain.vehicle.VehicleClass;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The minimal 1 km park (x, y in metres 0..1000) with a dedicated-road route: R-1 north from the
 * south gate (500,0)→(500,500) at 30 km/h, R-2 east (500,500)→(900,500) at 40 km/h (both hazmat
 * roads), and an ordinary road R-3 north (500,500)→(500,950) at 20 km/h. Core zone Z-CORE is the
 * square 100..300, key zone 600..800, the hazmat lot PL-1 is 400..450 × 100..150, and the
 * receiving enterprise ENT-2 has loading point LP2 at (900,560), 60 m off the end of R-2.
 */
final class TrackFixture {
  static final ParkFixture DRAW = ParkFixture.metres();
  static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

  static final Park PARK = ParkFixture.edit(ParkFixture.minimalValidPark(), p -> {
    p.roads.add(new Road(new RoadId("R-2"), "纬一路", RoadClass.HAZMAT, DRAW.line(500, 500, 900, 500), 40));
    p.roads.add(new Road(new RoadId("R-3"), "经二路", RoadClass.ORDINARY, DRAW.line(500, 500, 500, 950), 20));
    p.enterprises.add(new Enterprise(new EnterpriseId("ENT-2"), "东方储运", DRAW.point(900, 560),
        List.of(new LoadingPoint("LP2", "卸车台", DRAW.point(900, 560)))));
  });

  static final ParkGeometry GEOMETRY = ParkGeometry.of(PARK);
  static final RouteCorridor ROUTE = GEOMETRY.route(List.of(new RoadId("R-1"), new RoadId("R-2")));
  static final LoadingPoint LP2 = PARK.enterprises().get(1).loadingPoints().get(0);

  private TrackFixture() {}

  /** Default settings except that a vehicle counts as in the park from its first fix inside. */
  static TrackRuleSettings settings() {
    return TrackRuleSettings.defaults().with(new PresencePolicy.Settings(Duration.ZERO, Duration.ofSeconds(30)));
  }

  static TrackRuleEngine engine() {
    return new TrackRuleEngine(GEOMETRY, settings());
  }

  /** A tanker delivering to LP2 along, its window 08:00–12:00. */
  static VehicleTrip tankerToLp2() {
    return new VehicleTrip(VehicleClass.HAZMAT, Optional.of(new TimeWindow(T0, T0.plus(Duration.ofHours(4)))),
        Optional.empty(), Optional.empty(), Optional.of(ROUTE), Optional.of(LP2), Set.of());
  }

  static VehicleTrip tankerWindow(Instant from, Instant until) {
    return new VehicleTrip(VehicleClass.HAZMAT, Optional.of(new TimeWindow(from, until)), Optional.empty(),
        Optional.empty(), Optional.of(ROUTE), Optional.of(LP2), Set.of());
  }

  static VehicleTrip authorisedForCore() {
    return new VehicleTrip(VehicleClass.HAZMAT, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Set.of(new ZoneId("Z-CORE")));
  }

  static Instant at(long second) {
    return T0.plusSeconds(second);
  }
}
