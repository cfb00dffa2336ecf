package io.cordon.media.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class CameraListFileTest {
  @Test
  void readsBothProfilesWithResolutionAndOneLoginPerCamera() {
    List<CameraStream> streams = CameraListFile.parse(String.join("\n",
        "camera.gate.s1.in.main.url=rtsp://10.1.2.3:554/101",
        "camera.gate.s1.in.main.resolution=1920x1080",
        "camera.gate.s1.in.sub.url=rtsp://10.1.2.3:554/102",
        "camera.gate.s1.in.username=viewer",
        "camera.gate.s1.in.password=secret",
        "camera.南门.sub.url=rtsp://10.1.2.4/sub"));

    assertThat(streams).containsExactlyInAnyOrder(
        new CameraStream("gate.s1.in", StreamProfile.MAIN, URI.create("rtsp://10.1.2.3:554/101"),
            java.util.Optional.of(new StreamCredentials("viewer", "secret")), java.util.Optional.of(new Resolution(1920, 1080))),
        new CameraStream("gate.s1.in", StreamProfile.SUB, URI.create("rtsp://10.1.2.3:554/102"),
            java.util.Optional.of(new StreamCredentials("viewer", "secret")), java.util.Optional.empty()),
        CameraStream.of("南门", StreamProfile.SUB, URI.create("rtsp://10.1.2.4/sub")));
  }

  @Test
  void streamsMarkedStandbyFormTheStandbySet() {
    CameraList list = CameraListFile.parseList(String.join("\n",
        "camera.gate.s1.in.main.url=rtsp://10.1.2.3:554/101",
        "camera.gate.s1.in.sub.url=rtsp://10.1.2.3:554/102",
        "camera.gate.s1.in.sub.standby=true",
        "camera.yard.sub.url=rtsp://10.1.2.4/sub",
        "camera.yard.sub.standby=false"));

    assertThat(list.streams()).hasSize(3);
    assertThat(list.standby()).containsExactly(new StreamKey("gate.s1.in", StreamProfile.SUB));
  }

  @Test
  void aStandbyValueOtherThanTrueOrFalseIsRefusedNamingTheKey() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CameraListFile.parseList(String.join("\n",
            "camera.yard.sub.url=rtsp://10.1.2.4/sub", "camera.yard.sub.standby=yes")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("camera.yard.sub.standby");
  }

  @Test
  void standbyForAProfileWithoutUrlIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CameraListFile.parseList(String.join("\n",
            "camera.yard.sub.url=rtsp://10.1.2.4/sub", "camera.yard.main.standby=true")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("camera.yard.main.url is missing");
  }
}
