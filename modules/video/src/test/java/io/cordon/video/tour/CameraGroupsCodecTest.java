package io.cordon.video.tour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CameraGroupsCodecTest {
  @Test
  void groupsWithChineseNamesAndPunctuationSurviveTheRoundTrip() {
    List<CameraGroup> groups = List.of(
        new CameraGroup("罐区周界;东=西", List.of("CAM-001", "CAM-002")),
        new CameraGroup("1号门", List.of("CAM-009")));

    assertThat(CameraGroupsCodec.decode(CameraGroupsCodec.encode(groups))).isEqualTo(groups);
  }

  @Test
  void anEmptySettingIsNoGroups() {
    assertThat(CameraGroupsCodec.decode("")).isEmpty();
  }

  @Test
  void aGroupWithoutANameIsRefusedWithTheOffendingPart() {
    assertThatThrownBy(() -> CameraGroupsCodec.decode("=CAM-001"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("=CAM-001");
  }

  @Test
  void blankAndRepeatedCameraIdsAreDropped() {
    assertThat(new CameraGroup(" 夜间 ", List.of("A", " ", "B", "A")))
        .isEqualTo(new CameraGroup("夜间", List.of("A", "B")));
  }
}
