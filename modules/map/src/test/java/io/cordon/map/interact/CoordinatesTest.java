package io.cordon.map.interact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CoordinatesTest {
  @Test
  void positionsReadWithFourDecimalsAndHemispheres() {
    assertThat(Coordinates.format(120.81234, 31.94559)).isEqualTo("120.8123°E 31.9456°N");
    assertThat(Coordinates.format(-0.5, -33.25)).isEqualTo("0.5000°W 33.2500°S");
  }
}
