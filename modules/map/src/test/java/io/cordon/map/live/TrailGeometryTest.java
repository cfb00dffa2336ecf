package io.cordon.map.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TrailGeometryTest {

  @Test
  void pointsCloserThanTheStepToTheLastKeptPointAreDropped() {
    double[] xy = {0, 0, 1, 1, 1.5, -0.5, 5, 3, 9, 0};
    int[] buckets = new int[5];

    int kept = TrailGeometry.decimate(xy, buckets, 5, 2, 0);

    assertThat(kept).isEqualTo(3);
    assertThat(Arrays.copyOf(xy, 6)).containsExactly(0, 0, 5, 3, 9, 0);
  }

  @Test
  void pointsOnAStraightStretchAreDropped() {
    double[] xy = {0, 0, 10, 0, 20, 0.2, 30, 0, 30, 10};
    int[] buckets = new int[5];

    int kept = TrailGeometry.decimate(xy, buckets, 5, 2, 0.5);

    assertThat(kept).isEqualTo(3);
    assertThat(Arrays.copyOf(xy, 6)).containsExactly(0, 0, 30, 0, 30, 10);
  }

  @Test
  void theFirstPointOfEachAgeBucketIsKeptSoTheFadeStaysInPlace() {
    double[] xy = {0, 0, 10, 0, 20, 0, 30, 0, 40, 0};
    int[] buckets = {2, 2, 1, 1, 0};

    int kept = TrailGeometry.decimate(xy, buckets, 5, 2, 0.5);

    assertThat(kept).isEqualTo(3);
    assertThat(Arrays.copyOf(xy, 6)).containsExactly(0, 0, 20, 0, 40, 0);
    assertThat(Arrays.copyOf(buckets, 3)).containsExactly(2, 1, 0);
  }

  @Test
  void theLastPointIsAlwaysKeptSoTheTrailReachesTheVehicle() {
    double[] xy = {0, 0, 5, 5, 5.5, 5};
    int[] buckets = new int[3];

    int kept = TrailGeometry.decimate(xy, buckets, 3, 2, 0.5);

    assertThat(kept).isEqualTo(2);
    assertThat(xy[2]).isEqualTo(5.5);
  }

  @Test
  void aSegmentBeyondOneEdgeOfTheViewIsOutsideButOneCrossingItIsNot() {
    assertThat(TrailGeometry.segmentOutside(-50, 10, -20, 90, 800, 600, 2)).isTrue();
    assertThat(TrailGeometry.segmentOutside(10, 700, 500, 650, 800, 600, 2)).isTrue();
    assertThat(TrailGeometry.segmentOutside(-50, 300, 900, 300, 800, 600, 2)).isFalse();
    assertThat(TrailGeometry.segmentOutside(100, 100, 200, 200, 800, 600, 2)).isFalse();
  }
}
