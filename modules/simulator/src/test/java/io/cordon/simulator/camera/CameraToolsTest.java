package io.cordon.simulator.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CameraToolsTest {
  @Test
  void withoutFfmpegAndVlcTheProblemNamesBothAndHowToInstallThem() {
    CameraTools tools = CameraTools.detect("/nonexistent");

    assertThat(tools.ready()).isFalse();
    assertThat(tools.problem()).hasValue(
        "Test cameras are off. ffmpeg is not installed: apt-get install ffmpeg; cvlc (VLC) is not installed: apt-get install vlc.");
  }

  @Test
  void aServerWithoutToolsStartsNothingAndReportsTheProblemInsteadOfThrowing() throws Exception {
    CameraTools none = CameraTools.detect("/nonexistent");
    try (TestCameraServer server = TestCameraServer.start(List.of(new TestCamera("c1", "一号")), none,
        new TestCameraClips(Path.of("target", "no-clips"), none))) {

      assertThat(server.cameraIds()).isEmpty();
      assertThat(server.problem()).isEqualTo(none.problem());
    }
  }
}
