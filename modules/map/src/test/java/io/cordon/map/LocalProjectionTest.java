package io.cordon.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LocalProjectionTest {
  // Roughly the Yangtze riverside at Nanjing.
  private final LocalProjection projection = new LocalProjection(118.80, 32.10);

  @Test
  void originMapsToZero() {
    assertThat(projection.x(118.80)).isZero();
    assertThat(projection.y(32.10)).isZero();
  }

  @Test
  void oneThousandthDegreeOfLatitudeIsAbout111Metres() {
    assertThat(projection.y(32.101)).isCloseTo(111.2, within(0.1));
  }

  @Test
  void longitudeShrinksWithTheCosineOfLatitude() {
    assertThat(projection.x(118.801)).isCloseTo(111.19 * Math.cos(Math.toRadians(32.10)), within(0.1));
  }

  @Test
  void projectingBackReturnsTheSamePosition() {
    double x = projection.x(118.8123);
    double y = projection.y(32.0876);
    assertThat(projection.lon(x)).isCloseTo(118.8123, within(1e-12));
    assertThat(projection.lat(y)).isCloseTo(32.0876, within(1e-12));
  }
}
