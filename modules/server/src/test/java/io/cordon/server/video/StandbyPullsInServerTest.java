package io.cordon.server.video;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.media.source.CameraStream;
import io.cordon.media.source.Resolution;
import io.cordon.media.source.StreamProfile;
import io.cordon.media.testcamera.Eventually;
import io.cordon.server.ServerConfig;
import io.cordon.server.TestServer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server keeps its relay's standby set in step with the registered camera streams (media.standby=linked,
 * the default). The cameras' addresses refuse connections: standby is about which pulls run, seen in the
 * relay's health, not about pictures (RelayStandbyTest in the media module covers those).
 */
class StandbyPullsInServerTest {

  @TempDir
  Path dataDir;

  TestServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void withLinkedTheSubStreamOfACameraCoveringASensorIsPulledAndOneCoveringNothingIsNot() throws Exception {
    server = TestServer.with(ServerConfig.builder().dataDir(dataDir).mediaStandby(StandbyPolicy.LINKED).build());
    int closed = closedPort();

    server.server().cameraStreams().replace(List.of(
        sub("CAM-019", closed), // perimeter camera over the SEG-01 fence sensors
        sub("CAM-043", closed))); // high-point camera, no sensor or gate in range

    assertThat(Eventually.within(Duration.ofSeconds(10), () -> health().contains("\"camera\":\"CAM-019\""))).isTrue();
    assertThat(health()).contains("\"camera\":\"CAM-019\",\"profile\":\"sub\"").contains("\"standby\":true")
        .doesNotContain("CAM-043");
  }

  @Test
  void replacingTheCameraStreamsTakesACameraOffStandby() throws Exception {
    server = TestServer.with(ServerConfig.builder().dataDir(dataDir).mediaStandby(StandbyPolicy.LINKED).build());
    int closed = closedPort();
    server.server().cameraStreams().replace(List.of(sub("CAM-001", closed)));
    assertThat(Eventually.within(Duration.ofSeconds(10), () -> health().contains("\"standby\":true"))).isTrue();

    server.server().cameraStreams().replace(List.of());

    assertThat(health()).doesNotContain("\"standby\":true");
  }

  @Test
  void withNoneNothingIsPulledWhileNobodyWatches() throws Exception {
    server = TestServer.with(ServerConfig.builder().dataDir(dataDir).mediaStandby(StandbyPolicy.NONE).build());

    server.server().cameraStreams().replace(List.of(sub("CAM-019", closedPort())));

    assertThat(health()).isEqualTo("{\"pulls\":[]}");
  }

  private static CameraStream sub(String cameraId, int port) {
    return CameraStream.of(cameraId, StreamProfile.SUB, URI.create("rtsp://127.0.0.1:" + port + "/" + cameraId))
        .withResolution(new Resolution(640, 360));
  }

  private String health() {
    try {
      URI url = URI.create("http://127.0.0.1:" + server.server().mediaPort().getAsInt() + "/health");
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
