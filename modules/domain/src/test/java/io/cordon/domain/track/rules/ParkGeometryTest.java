package io.cordon.domain.track.rules;

import static io.cordon.domain.track.rules.TrackFixture.DRAW;
import static io.cordon.domain.track.rules.TrackFixture.GEOMETRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.cordon.domain.park.Road;
import io.cordon.domain.park.RoadId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;

class ParkGeometryTest {

  @ParameterizedTest(name = "({0},{1}) in the park: {2}")
  @CsvSource({"500, 500, true", "5, 995, true", "500, -20, false", "1020, 500, false"})
  void theParksAreaIsWhatItsPerimeterEncloses(double x, double y, boolean inside) {
    Coordinate c = DRAW.lonLat(x, y);

    assertThat(GEOMETRY.inParkArea(c.x, c.y)).isEqualTo(inside);
  }

  @Test
  void aRouteMeasuresDistanceToItsRoads() {
    Coordinate c = DRAW.lonLat(650, 250);

    assertThat(TrackFixture.ROUTE.distanceMetres(c.x, c.y)).isCloseTo(150, offset(0.5));
    assertThat(TrackFixture.ROUTE.name()).isEqualTo("R-1/R-2");
  }

  @Test
  void aRouteOverAnUnknownRoadIsRefused() {
    assertThatThrownBy(() -> GEOMETRY.route(List.of(new RoadId("R-1"), new RoadId("R-9"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("R-9");
  }

  @Test
  void theRoadNearAPositionIsTheClosestWithinReach() {
    Coordinate c = DRAW.lonLat(510, 480);

    assertThat(GEOMETRY.roadNear(c.x, c.y, 30).map(Road::id)).contains(new RoadId("R-1"));
    Coordinate far = DRAW.lonLat(800, 200);
    assertThat(GEOMETRY.roadNear(far.x, far.y, 30)).isEmpty();
  }

  @Test
  void theDedicatedRoadsAreTheHazmatRoads() {
    Coordinate onOrdinary = DRAW.lonLat(500, 900);

    assertThat(GEOMETRY.dedicatedRoads()).hasValueSatisfying(r -> {
      assertThat(r.name()).isEqualTo("R-1/R-2");
      assertThat(r.distanceMetres(onOrdinary.x, onOrdinary.y)).isCloseTo(400, offset(0.5));
    });
  }
}
