package io.cordon.media.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cordon.media.pull.CameraPull;
import io.cordon.media.pull.PullHealth;
import io.cordon.media.pull.PullState;
import io.cordon.media.source.CameraStream;
import io.cordon.media.source.StaticCameraStreamSource;
import io.cordon.media.source.StreamKey;
import io.cordon.media.source.StreamProfile;
import io.cordon.media.testcamera.Eventually;
import io.cordon.media.testcamera.MediaTools;
import io.cordon.media.testcamera.RtspTestCamera;
import io.cordon.media.testcamera.TsViewerClient;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Standby streams: pulled from a real RTSP camera (cvlc) by real ffmpeg with nobody watching. */
class RelayStandbyTest {
  private static final byte[] SECRET = "relay-test-secret-0123456789abcd".getBytes(StandardCharsets.UTF_8);
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final StreamKey CAM_1_SUB = new StreamKey("cam-1", StreamProfile.SUB);
  private static RtspTestCamera camera;
  private StaticCameraStreamSource source;
  private MediaRelay relay;
  private TsViewerClient viewer;

  @BeforeAll
  static void startCamera() throws Exception {
    assumeTrue(MediaTools.available(), MediaTools.missing());
    camera = RtspTestCamera.start("standby", 640, 360);
  }

  @AfterAll
  static void stopCamera() throws Exception {
    if (camera != null) {
      camera.close();
    }
  }

  @AfterEach
  void closeAll() throws Exception {
    if (viewer != null) {
      viewer.close();
    }
    if (relay != null) {
      relay.close();
    }
  }

  private MediaRelay relay(Duration linger) throws Exception {
    source = StaticCameraStreamSource.of(CameraStream.of("cam-1", StreamProfile.SUB, camera.url()));
    relay = MediaRelay.start(RelayConfig.defaults(SECRET).withLinger(linger), source);
    return relay;
  }

  private TsViewerClient viewer() throws Exception {
    viewer = TsViewerClient.open(relay.liveUrl("cam-1", StreamProfile.SUB, "op", Duration.ofMinutes(1)));
    return viewer;
  }

  private Optional<PullHealth> health() {
    return relay.health().stream().filter(h -> h.cameraId().equals("cam-1")).findFirst();
  }

  private boolean liveOnStandby() {
    return health().map(h -> h.state() == PullState.LIVE && h.standby() && h.fps() > 0).orElse(false);
  }

  private Optional<ProcessHandle> ffmpeg() {
    return relay.pull("cam-1", StreamProfile.SUB).flatMap(CameraPull::process);
  }

  @Test
  void aStandbyStreamIsPulledLiveWithNobodyWatchingAndHealthSaysStandby() throws Exception {
    relay(Duration.ofSeconds(1));

    relay.setStandby(Set.of(CAM_1_SUB));

    assertThat(Eventually.within(PATIENCE, this::liveOnStandby)).isTrue();
    assertThat(health().orElseThrow().viewers()).isZero();
    String json = HttpClient.newHttpClient().send(HttpRequest.newBuilder(relay.urls().health())
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
    assertThat(json).contains("\"camera\":\"cam-1\",\"profile\":\"sub\",\"state\":\"live\"")
        .contains("\"viewers\":0,\"standby\":true");
  }

  @Test
  void aViewerJoiningAStandbyStreamStartsWithTablesAndAKeyFrameFromTheGopCache() throws Exception {
    relay(Duration.ofSeconds(1));
    relay.setStandby(Set.of(CAM_1_SUB));
    assertThat(Eventually.within(PATIENCE, this::liveOnStandby)).isTrue();
    ProcessHandle pulling = ffmpeg().orElseThrow();

    TsViewerClient v = viewer();

    assertThat(Eventually.within(PATIENCE, () -> v.keyFrameOffset() >= 0)).isTrue();
    assertThat(v.keyFrameOffset()).as("PAT and PMT, then the cached key frame").isEqualTo(2 * 188);
    assertThat(ffmpeg()).as("joined the standby pull, did not start one").contains(pulling);
  }

  @Test
  void aStreamDroppedFromStandbyStopsAfterTheLingerWhenNobodyWatches() throws Exception {
    relay(Duration.ofSeconds(1));
    relay.setStandby(Set.of(CAM_1_SUB));
    assertThat(Eventually.within(PATIENCE, this::liveOnStandby)).isTrue();
    ProcessHandle process = ffmpeg().orElseThrow();

    relay.setStandby(Set.of());

    assertThat(Eventually.within(PATIENCE, () -> !process.isAlive() && relay.health().isEmpty())).isTrue();
  }

  @Test
  void aStreamDroppedFromStandbyRunsOnWhileWatched() throws Exception {
    relay(Duration.ofMillis(200));
    relay.setStandby(Set.of(CAM_1_SUB));
    TsViewerClient v = viewer();
    assertThat(Eventually.within(PATIENCE, () -> v.bytes() > 0)).isTrue();
    ProcessHandle process = ffmpeg().orElseThrow();

    relay.setStandby(Set.of());
    Thread.sleep(1500); // well past the linger

    assertThat(process.isAlive()).isTrue();
    assertThat(health()).hasValueSatisfying(h -> {
      assertThat(h.standby()).isFalse();
      assertThat(h.viewers()).isEqualTo(1);
    });
  }

  @Test
  void theLastViewerLeavingAStandbyStreamDoesNotStopIt() throws Exception {
    relay(Duration.ofMillis(200));
    relay.setStandby(Set.of(CAM_1_SUB));
    TsViewerClient v = viewer();
    assertThat(Eventually.within(PATIENCE, () -> v.bytes() > 0)).isTrue();
    ProcessHandle process = ffmpeg().orElseThrow();

    v.close();
    assertThat(Eventually.within(PATIENCE, () -> health().map(h -> h.viewers() == 0).orElse(false))).isTrue();
    Thread.sleep(1500); // well past the linger

    assertThat(process.isAlive()).isTrue();
    assertThat(ffmpeg()).contains(process);
    assertThat(Eventually.within(PATIENCE, this::liveOnStandby)).isTrue();
  }

  @Test
  void anUnknownStandbyStreamIsSkippedAndLoggedOnceWhileTheOthersArePulled() throws Exception {
    relay(Duration.ofSeconds(1));
    String unknown = "cam-unknown-" + UUID.randomUUID();
    Set<StreamKey> standby = Set.of(CAM_1_SUB, new StreamKey(unknown, StreamProfile.SUB));

    relay.setStandby(standby);
    relay.setStandby(standby);

    assertThat(Eventually.within(PATIENCE, this::liveOnStandby)).isTrue();
    assertThat(relay.health()).extracting(PullHealth::cameraId).containsExactly("cam-1");
    String log = Files.readString(Path.of("target", "media-test.log"), StandardCharsets.UTF_8);
    assertThat(log.split(java.util.regex.Pattern.quote(unknown + "/sub"), -1)).as("mentions of the unknown stream")
        .hasSize(2);
  }

  @Test
  void aStandbyStreamWhoseAddressChangedIsPulledFromTheNewAddress() throws Exception {
    relay(Duration.ofSeconds(1));
    relay.setStandby(Set.of(CAM_1_SUB));
    assertThat(Eventually.within(PATIENCE, this::liveOnStandby)).isTrue();
    ProcessHandle old = ffmpeg().orElseThrow();
    URI moved = URI.create("rtsp://127.0.0.1:" + closedPort() + "/moved");

    source.put(CameraStream.of("cam-1", StreamProfile.SUB, moved));
    relay.setStandby(Set.of(CAM_1_SUB));

    assertThat(relay.pull("cam-1", StreamProfile.SUB).map(p -> p.stream().rtspUrl())).contains(moved);
    assertThat(Eventually.within(PATIENCE, () -> !old.isAlive())).isTrue();
    assertThat(health().orElseThrow().standby()).isTrue();
  }

  private static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
