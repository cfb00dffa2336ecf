package io.cordon.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.server.CordonServer;
import io.cordon.server.ServerConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthCommandTest {

  private static final String PASSWORD = "Health-Check-2026";
  private static final Map<String, String> ENV = Map.of("CORDON_HEALTH_PASSWORD", PASSWORD);

  @TempDir
  static Path dir;

  private static ServerSocket camera;
  private static CordonServer server;
  private static Path config;
  private static int closedPort;

  @BeforeAll
  static void startServerAndOneCamera() throws Exception {
    camera = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread answering = new Thread(HealthCommandTest::answerRtsp, "fake-camera");
    answering.setDaemon(true);
    answering.start();
    try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort(); // nobody listens there once closed
    }
    Path streams = dir.resolve("camera-streams.json");
    Files.writeString(streams, "{\"cameras\":{"
        + stream("CAM-001", camera.getLocalPort()) + "," + stream("CAM-002", closedPort) + "}}");
    server = CordonServer.start(ServerConfig.builder().dataDir(dir.resolve("data")).adminPassword(PASSWORD)
        .mediaPort(-1).jt808Port(-1).cameraStreamsFile(streams).build());
    config = dir.resolve("cordon-server.properties");
    Files.writeString(config, "data.dir=data\ngrpc.port=" + server.grpcPort() + "\nmedia.port=-1\njt808.port=-1\n"
        + "camera.streams.file=camera-streams.json\n");
  }

  private static String stream(String cameraId, int port) {
    return "\"" + cameraId + "\":{\"streams\":[{\"profile\":\"main\",\"url\":\"rtsp://127.0.0.1:" + port
        + "/main\",\"width\":640,\"height\":360}]}";
  }

  private static void answerRtsp() {
    while (!camera.isClosed()) {
      try (Socket client = camera.accept(); OutputStream out = client.getOutputStream()) {
        client.getInputStream().read(new byte[512]);
        out.write("RTSP/1.0 200 OK\r\nCSeq: 1\r\nPublic: OPTIONS, DESCRIBE\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      } catch (IOException e) {
        return;
      }
    }
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    camera.close();
  }

  @Test
  void aGateWithoutItsAgentFailsTheCheck() {
    OpsRun run = OpsRun.of(ENV, "health", "--config", config.toString());

    assertThat(run.exitCode()).isEqualTo(OpsCommands.FAILED);
    assertThat(run.out()).containsPattern("FAIL gate +G1 .*agent not connected, last seen never");
  }

  @Test
  void aCameraThatAnswersRtspPasses() {
    OpsRun run = OpsRun.of(ENV, "health", "--config", config.toString());

    assertThat(run.out()).containsPattern("OK +camera +CAM-001/main .*RTSP answers at 127.0.0.1:" + camera.getLocalPort());
  }

  @Test
  void aCameraNobodyAnswersForFails() {
    OpsRun run = OpsRun.of(ENV, "health", "--config", config.toString());

    assertThat(run.out()).containsPattern("FAIL camera +CAM-002/main .*127.0.0.1:" + closedPort);
  }

  @Test
  void aServerThatDoesNotAnswerFailsTheCheck() throws Exception {
    Path unreachable = dir.resolve("unreachable.properties");
    Files.writeString(unreachable, "data.dir=data\ngrpc.port=" + closedPort + "\nmedia.port=-1\njt808.port=-1\n");

    OpsRun run = OpsRun.of(ENV, "health", "--config", unreachable.toString());

    assertThat(run.exitCode()).isEqualTo(OpsCommands.FAILED);
    assertThat(run.out()).containsPattern("FAIL server +127.0.0.1:" + closedPort);
  }

  @Test
  void aWrongPasswordIsReportedAsTheServerRefusing() {
    OpsRun run = OpsRun.of(Map.of("CORDON_HEALTH_PASSWORD", "not-the-password"), "health", "--config", config.toString());

    assertThat(run.exitCode()).isEqualTo(OpsCommands.FAILED);
    assertThat(run.out()).contains("UNAUTHENTICATED");
  }
}
