package io.cordon.simulator.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TestCameraServerTest {
  private static final TestCamera CAMERA = new TestCamera("cam-south-1", "南一门入口抓拍");
  private static TestCameraServer server;

  @BeforeAll
  static void start() throws Exception {
    CameraTools tools = CameraTools.detect();
    assumeTrue(tools.ready(), () -> tools.problem().orElse(""));
    server = TestCameraServer.start(List.of(CAMERA));
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theMainStreamIsServedAt1280x720() throws Exception {
    assertThat(server.problem()).isEmpty();
    assertThat(probeSize(server.url(CAMERA.id(), TestStream.MAIN).orElseThrow())).isEqualTo("1280x720");
  }

  @Test
  void theSubStreamIsServedAt640x360() throws Exception {
    assertThat(probeSize(server.url(CAMERA.id(), TestStream.SUB).orElseThrow())).isEqualTo("640x360");
  }

  @Test
  void aStoppedCameraServesNothingUntilRestartedOnTheSameUrl() throws Exception {
    URI url = server.url(CAMERA.id(), TestStream.SUB).orElseThrow();

    server.stop(CAMERA.id());
    assertThat(probeSize(url)).isEmpty();

    server.restart(CAMERA.id());
    assertThat(probeSize(url)).isEqualTo("640x360");
  }

  /** ffprobe over RTP/UDP; "" when the stream cannot be read. */
  private static String probeSize(URI url) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("ffprobe", "-v", "error", "-rtsp_transport", "udp", "-select_streams", "v:0",
        "-show_entries", "stream=width,height", "-of", "csv=p=0:s=x", url.toString()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return "";
    }
    return p.exitValue() == 0 ? out : "";
  }
}
