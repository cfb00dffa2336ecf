package io.cordon.server.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Evenly thinned tracks. */
class ThinningTest {

  @Test
  void fewerPointsThanTheLimitAreAllKept() {
    assertThat(Thinning.evenly(5, 10)).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void thinningKeepsTheFirstAndTheLastEvenlySpaced() {
    assertThat(Thinning.evenly(101, 5)).containsExactly(0, 25, 50, 75, 100);
  }

  @Test
  void twoPointsAreTheEnds() {
    assertThat(Thinning.evenly(1_000, 2)).containsExactly(0, 999);
  }
}
