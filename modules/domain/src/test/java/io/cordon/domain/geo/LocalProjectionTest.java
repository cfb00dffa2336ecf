package io.cordon.domain.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

class LocalProjectionTest {
  private static final Coordinate NANTONG = new Coordinate(120.95, 31.95);

  @Property(tries = 500)
  void projectingToMetresAndBackReturnsTheSamePosition(
      @ForAll @DoubleRange(min = -170, max = 170) double originLon,
      @ForAll @DoubleRange(min = -70, max = 70) double originLat,
      @ForAll @DoubleRange(min = -5000, max = 5000) double east,
      @ForAll @DoubleRange(min = -5000, max = 5000) double north) {
    LocalProjection projection = LocalProjection.around(new Coordinate(originLon, originLat));

    Coordinate lonLat = projection.toLonLat(new Coordinate(east, north));
    Coordinate back = projection.toMetres(lonLat);

    assertThat(back.x).isCloseTo(east, within(1e-6));
    assertThat(back.y).isCloseTo(north, within(1e-6));
  }

  @Property(tries = 200)
  void metricDistancesAgreeWithTheGreatCircleWithinAMetrePerFiveKilometres(
      @ForAll @DoubleRange(min = -3000, max = 3000) double east,
      @ForAll @DoubleRange(min = -3000, max = 3000) double north) {
    LocalProjection projection = LocalProjection.around(NANTONG);
    Coordinate target = projection.toLonLat(new Coordinate(east, north));

    double planar = Math.hypot(east, north);
    double sphere = Wgs84.distanceMetres(NANTONG, target);

    assertThat(planar).isCloseTo(sphere, within(1.0 + planar * 0.004));
  }

  @Test
  void theOriginIsAtZeroMetres() {
    Coordinate origin = LocalProjection.around(NANTONG).toMetres(NANTONG);

    assertThat(origin.x).isZero();
    assertThat(origin.y).isZero();
  }

  @Test
  void oneThousandthOfADegreeOfLatitudeIsAbout111Metres() {
    Coordinate north = LocalProjection.around(NANTONG)
        .toMetres(new Coordinate(NANTONG.x, NANTONG.y + 0.001));

    assertThat(north.y).isCloseTo(110.9, within(0.2));
  }

  @Test
  void theScalarAxesAgreeWithTheCoordinateProjection() {
    LocalProjection projection = LocalProjection.around(NANTONG);
    Coordinate lonLat = new Coordinate(NANTONG.x + 0.0123, NANTONG.y - 0.0087);

    Coordinate metres = projection.toMetres(lonLat);

    assertThat(projection.x(lonLat.x)).isEqualTo(metres.x);
    assertThat(projection.y(lonLat.y)).isEqualTo(metres.y);
  }
}
