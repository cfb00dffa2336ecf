package io.cordon.media.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cordon.media.pull.PullHealth;
import io.cordon.media.pull.PullState;
import io.cordon.media.source.CameraStream;
import io.cordon.media.source.StaticCameraStreamSource;
import io.cordon.media.source.StreamCredentials;
import io.cordon.media.source.StreamProfile;
import io.cordon.media.testcamera.Eventually;
import io.cordon.media.testcamera.MediaTools;
import io.cordon.media.testcamera.RtspTestCamera;
import io.cordon.media.testcamera.TsViewerClient;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Camera logins reach ffmpeg but no log line, health reason or exception (logs go to target/media-test.log). */
class CredentialsNeverLoggedTest {
  private static final byte[] SECRET = "relay-test-secret-0123456789abcd".getBytes(StandardCharsets.UTF_8);
  private static final String PASSWORD = "Sup3r$ecret-pw";
  private static final String USER = "camadmin";

  @Test
  void aFailingPullReportsItsReasonWithoutTheLogin() throws Exception {
    assumeTrue(MediaTools.available(), MediaTools.missing());
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    CameraStream stream = CameraStream.of("cam-x", StreamProfile.MAIN, URI.create("rtsp://127.0.0.1:" + closedPort + "/x"))
        .withCredentials(new StreamCredentials(USER, PASSWORD));
    try (MediaRelay relay = MediaRelay.start(RelayConfig.defaults(SECRET).withPull(RelayConfig.defaults(SECRET).pull()
        .withBackoff(Duration.ofMillis(100), Duration.ofMillis(200))), StaticCameraStreamSource.of(stream));
        TsViewerClient viewer = TsViewerClient.open(relay.liveUrl("cam-x", StreamProfile.MAIN, "op", Duration.ofMinutes(1)))) {

      assertThat(Eventually.within(Duration.ofSeconds(20), () -> relay.health().stream()
          .anyMatch(h -> h.state() == PullState.FAILED && h.reason().isPresent()))).isTrue();
      PullHealth health = relay.health().get(0);

      assertThat(health.reason().orElseThrow()).doesNotContain(PASSWORD).doesNotContain(USER).contains("***");
      assertThat(viewer.status()).isEqualTo(200);
    }
    assertThat(log()).contains("rtsp://***@127.0.0.1:" + closedPort).doesNotContain(PASSWORD).doesNotContain(USER + ":");
  }

  @Test
  void aLivePullWithALoginLogsNoSecret() throws Exception {
    assumeTrue(MediaTools.available(), MediaTools.missing());
    try (RtspTestCamera camera = RtspTestCamera.start("login", 640, 360)) {
      CameraStream stream = CameraStream.of("cam-l", StreamProfile.SUB, camera.url())
          .withCredentials(new StreamCredentials(USER, PASSWORD));
      try (MediaRelay relay = MediaRelay.start(RelayConfig.defaults(SECRET), StaticCameraStreamSource.of(stream));
          TsViewerClient viewer = TsViewerClient.open(relay.liveUrl("cam-l", StreamProfile.SUB, "op", Duration.ofMinutes(1)))) {
        assertThat(Eventually.within(Duration.ofSeconds(20), () -> viewer.bytes() > 0)).isTrue();
        assertThat(relay.health().toString()).doesNotContain(PASSWORD);
      }
    }
    assertThat(log()).contains("cam-l/sub").doesNotContain(PASSWORD).doesNotContain(USER + ":");
  }

  private static String log() throws Exception {
    return Files.readString(Path.of("target", "media-test.log"), StandardCharsets.UTF_8);
  }
}
