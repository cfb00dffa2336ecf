package io.cordon.map.interact;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.map.MapContext;
import io.cordon.map.MapFeature;
import io.cordon.map.MapState;
import io.cordon.map.SampleLikePark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

@ExtendWith(ApplicationExtension.class)
class HighlightLayerTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void theFocusRingPulsesForAFewSecondsThenStandsStill(FxRobot robot) {
    boolean[] pulsing = new boolean[3];
    robot.interact(() -> {
      MapState state = new MapState();
      HighlightLayer layer = new HighlightLayer(state, new FeatureDescriber(state));
      layer.parkChanged(MapContext.of(SampleLikePark.park()));
      state.highlightProperty().set(MapFeature.point(120.95, 31.94, "here"));
      layer.frame(100 * SECOND);
      pulsing[0] = layer.isPulsing();
      layer.frame(102 * SECOND);
      pulsing[1] = layer.isPulsing();
      layer.frame(110 * SECOND);
      pulsing[2] = layer.isPulsing();
    });
    assertThat(pulsing).containsExactly(true, true, false);
  }
}
