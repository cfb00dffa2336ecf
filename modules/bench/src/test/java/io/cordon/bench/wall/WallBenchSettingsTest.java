package io.cordon.bench.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WallBenchSettingsTest {

  @Test
  void noArgumentsMeasureTheThreeGridsAndThreeAlarmRounds() {
    assertThat(WallBenchSettings.parse())
        .isEqualTo(new WallBenchSettings(List.of(4, 9, 16), 30, 5, 3, 0, Optional.empty()));
  }

  @Test
  void argumentsOverrideOnlyTheDefaultsTheyName() {
    assertThat(WallBenchSettings.parse("layouts=9", "seconds=10"))
        .isEqualTo(new WallBenchSettings(List.of(9), 10, 5, 3, 0, Optional.empty()));
  }

  @Test
  void withoutACameraCountEveryTileOfTheLargestLayoutGetsItsOwnCamera() {
    assertThat(WallBenchSettings.parse("layouts=4,16").cameraCount()).isEqualTo(16);
  }

  @Test
  void alarmRoundsNeedFourSpareCamerasBesideTheNineOnTheWall() {
    assertThat(WallBenchSettings.parse("layouts=4").cameraCount()).isEqualTo(13);
  }

  @Test
  void tooFewCamerasForTheAlarmAreRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> WallBenchSettings.parse("cameras=9"))
        .withMessageContaining("at least 13");
  }

  @Test
  void anUnknownKeyIsRejectedByName() {
    assertThatIllegalArgumentException().isThrownBy(() -> WallBenchSettings.parse("tiles=9"))
        .withMessageContaining("tiles=9");
  }
}
