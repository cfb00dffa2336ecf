package io.cordon.map.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArrowSpritesTest {
  @Test
  void headingsRoundToTheNearestStepAndWrapAroundNorth() {
    assertThat(ArrowSprites.headingIndex(0)).isZero();
    assertThat(ArrowSprites.headingIndex(4)).isZero();
    assertThat(ArrowSprites.headingIndex(6)).isEqualTo(1);
    assertThat(ArrowSprites.headingIndex(90)).isEqualTo(ArrowSprites.HEADINGS / 4);
    assertThat(ArrowSprites.headingIndex(358)).isZero();
    assertThat(ArrowSprites.headingIndex(-3)).isZero();
    assertThat(ArrowSprites.headingIndex(-90)).isEqualTo(3 * ArrowSprites.HEADINGS / 4);
  }

  @Test
  void theArrowTipPointsAlongTheHeading() {
    double[] xs = new double[4];
    double[] ys = new double[4];

    ArrowSprites.arrow(50, 50, 90, 10, xs, ys); // east

    assertThat(xs[0]).isGreaterThan(50).isGreaterThan(xs[2]);
    assertThat(ys[0]).isCloseTo(50, org.assertj.core.data.Offset.offset(1e-9));
  }
}
