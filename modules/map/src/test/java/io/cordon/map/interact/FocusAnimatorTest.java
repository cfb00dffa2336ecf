package io.cordon.map.interact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cordon.map.MapViewport;
import org.junit.jupiter.api.Test;

class FocusAnimatorTest {
  private static final double W = 800;
  private static final double H = 600;

  @Test
  void halfWayTheScaleIsTheGeometricMeanAndTheCentreTheMidpoint() {
    MapViewport v = FocusAnimator.between(0.5, 0.1, 0, 0, 10, 1000, -400, W, H);
    assertThat(v.scale()).isCloseTo(1.0, within(1e-12));
    assertThat(v.worldX(W / 2)).isCloseTo(500, within(1e-9));
    assertThat(v.worldY(H / 2)).isCloseTo(-200, within(1e-9));
  }

  @Test
  void theFlightStartsAndEndsExactlyAtItsEnds() {
    MapViewport start = FocusAnimator.between(0, 0.2, 10, 20, 2, 300, 400, W, H);
    MapViewport end = FocusAnimator.between(1, 0.2, 10, 20, 2, 300, 400, W, H);
    assertThat(start.scale()).isCloseTo(0.2, within(1e-12));
    assertThat(start.worldX(W / 2)).isCloseTo(10, within(1e-9));
    assertThat(end.scale()).isCloseTo(2, within(1e-12));
    assertThat(end.screenX(300)).isCloseTo(W / 2, within(1e-9));
    assertThat(end.screenY(400)).isCloseTo(H / 2, within(1e-9));
  }
}
