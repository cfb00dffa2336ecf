package io.cordon.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MapViewportTest {
  @Test
  void fitShowsTheWholeBoxCentred() {
    MapViewport v = MapViewport.fit(-1000, -500, 1000, 500, 1000, 1000, 0);
    assertThat(v.scale()).isEqualTo(0.5);
    assertThat(v.screenX(-1000)).isEqualTo(0);
    assertThat(v.screenX(1000)).isEqualTo(1000);
    assertThat(v.screenY(0)).isEqualTo(500);
  }

  @Test
  void northIsUp() {
    MapViewport v = new MapViewport(1, 0, 100);
    assertThat(v.screenY(10)).isLessThan(v.screenY(0));
  }

  @Test
  void zoomKeepsThePointUnderTheCursorInPlace() {
    MapViewport v = new MapViewport(0.5, 300, 200);
    double wx = v.worldX(420);
    double wy = v.worldY(170);
    MapViewport zoomed = v.zoomAt(2, 420, 170);
    assertThat(zoomed.scale()).isEqualTo(1.0);
    assertThat(zoomed.screenX(wx)).isCloseTo(420, within(1e-9));
    assertThat(zoomed.screenY(wy)).isCloseTo(170, within(1e-9));
  }

  @Test
  void panMovesEverythingByTheDragDistance() {
    MapViewport v = new MapViewport(2, 10, 20).panBy(5, -7);
    assertThat(v.screenX(0)).isEqualTo(15);
    assertThat(v.screenY(0)).isEqualTo(13);
  }

  @Test
  void zoomStopsAtItsLimits() {
    assertThat(new MapViewport(40, 0, 0).zoomAt(10, 0, 0).scale()).isEqualTo(MapViewport.MAX_SCALE);
  }
}
