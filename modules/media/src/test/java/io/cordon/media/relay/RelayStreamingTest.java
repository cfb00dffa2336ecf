package io.cordon.media.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cordon.media.pull.CameraPull;
import io.cordon.media.pull.PullHealth;
import io.cordon.media.pull.PullState;
import io.cordon.media.source.CameraStream;
import io.cordon.media.source.StaticCameraStreamSource;
import io.cordon.media.source.StreamProfile;
import io.cordon.media.testcamera.Eventually;
import io.cordon.media.testcamera.MediaTools;
import io.cordon.media.testcamera.RtspTestCamera;
import io.cordon.media.testcamera.TsViewerClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real RTSP camera (cvlc) relayed through real ffmpeg to real HTTP viewers on loopback. */
class RelayStreamingTest {
  private static final byte[] SECRET = "relay-test-secret-0123456789abcd".getBytes(StandardCharsets.UTF_8);
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static RtspTestCamera camera;
  private final List<AutoCloseable> closeLater = new ArrayList<>();
  private MediaRelay relay;

  @BeforeAll
  static void startCamera() throws Exception {
    assumeTrue(MediaTools.available(), MediaTools.missing());
    camera = RtspTestCamera.start("cam1", 640, 360);
  }

  @AfterAll
  static void stopCamera() throws Exception {
    if (camera != null) {
      camera.close();
    }
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : closeLater) {
      c.close();
    }
    if (relay != null) {
      relay.close();
    }
  }

  private MediaRelay relay(RelayConfig config, URI cameraUrl) throws Exception {
    relay = MediaRelay.start(config, StaticCameraStreamSource.of(CameraStream.of("cam-1", StreamProfile.SUB, cameraUrl)));
    return relay;
  }

  private TsViewerClient viewer() throws Exception {
    TsViewerClient v = TsViewerClient.open(relay.liveUrl("cam-1", StreamProfile.SUB, "op", Duration.ofMinutes(1)));
    closeLater.add(v);
    return v;
  }

  private Optional<PullHealth> health() {
    return relay.health().stream().findFirst();
  }

  private Optional<ProcessHandle> ffmpeg() {
    return relay.pull("cam-1", StreamProfile.SUB).flatMap(CameraPull::process);
  }

  @Test
  void threeViewersEachReceiveValidTransportStreamThatKeepsArriving() throws Exception {
    relay(RelayConfig.defaults(SECRET), camera.url());
    List<TsViewerClient> viewers = List.of(viewer(), viewer(), viewer());

    assertThat(Eventually.within(PATIENCE, () -> viewers.stream().allMatch(v -> v.bytes() > 64 * 1024))).isTrue();
    List<Long> before = viewers.stream().map(TsViewerClient::bytes).toList();
    Thread.sleep(2000);

    for (int i = 0; i < viewers.size(); i++) {
      assertThat(viewers.get(i).status()).isEqualTo(200);
      assertThat(viewers.get(i).misalignedPackets()).isZero();
      assertThat(viewers.get(i).bytes()).isGreaterThan(before.get(i) + 64 * 1024);
    }
    assertThat(health()).hasValueSatisfying(h -> {
      assertThat(h.state()).isEqualTo(PullState.LIVE);
      assertThat(h.viewers()).isEqualTo(3);
      assertThat(h.bitrateBps()).isPositive();
      assertThat(h.fps()).isPositive();
      assertThat(h.lastDataAt()).isPresent();
    });
    System.out.printf("[relay] first TS bytes at viewers after %s ms (pull started by the first)%n",
        viewers.stream().map(TsViewerClient::millisToFirstBytes).toList());
  }

  @Test
  void aViewerJoiningARunningPullStartsWithTablesAndAKeyFrame() throws Exception {
    relay(RelayConfig.defaults(SECRET), camera.url());
    TsViewerClient first = viewer();
    assertThat(Eventually.within(PATIENCE, () -> first.bytes() > 200 * 1024)).isTrue();

    TsViewerClient late = viewer();

    assertThat(Eventually.within(PATIENCE, () -> late.keyFrameOffset() >= 0)).isTrue();
    assertThat(late.keyFrameOffset()).as("PAT and PMT, then the key frame").isEqualTo(2 * 188);
    System.out.printf("[relay] first TS bytes at a viewer joining a running pull after %d ms%n", late.millisToFirstBytes());
  }

  @Test
  void thePullStopsAfterTheLingerOnceTheLastViewerLeaves() throws Exception {
    relay(RelayConfig.defaults(SECRET).withLinger(Duration.ofSeconds(1)), camera.url());
    TsViewerClient v = viewer();
    assertThat(Eventually.within(PATIENCE, () -> v.bytes() > 0)).isTrue();
    ProcessHandle process = ffmpeg().orElseThrow();

    v.close();

    assertThat(Eventually.within(PATIENCE, () -> !process.isAlive() && relay.health().isEmpty())).isTrue();
  }

  @Test
  void aViewerReturningWithinTheLingerReusesTheRunningPull() throws Exception {
    relay(RelayConfig.defaults(SECRET).withLinger(Duration.ofSeconds(30)), camera.url());
    TsViewerClient v = viewer();
    assertThat(Eventually.within(PATIENCE, () -> v.bytes() > 0)).isTrue();
    ProcessHandle process = ffmpeg().orElseThrow();
    v.close();
    assertThat(Eventually.within(PATIENCE, () -> health().map(h -> h.viewers() == 0).orElse(false))).isTrue();

    TsViewerClient again = viewer();

    assertThat(Eventually.within(PATIENCE, () -> again.bytes() > 0)).isTrue();
    assertThat(ffmpeg()).contains(process);
    assertThat(process.isAlive()).isTrue();
  }

  @Test
  void aCameraThatGoesAwayIsRestartedAndTheViewerGetsPicturesAgain() throws Exception {
    try (RtspTestCamera flaky = RtspTestCamera.start("flaky", 640, 360)) {
      relay(RelayConfig.defaults(SECRET).withPull(RelayConfig.defaults(SECRET).pull()
          .withStallTimeout(Duration.ofSeconds(2)).withBackoff(Duration.ofMillis(200), Duration.ofSeconds(1))), flaky.url());
      TsViewerClient v = viewer();
      assertThat(Eventually.within(PATIENCE, () -> health().map(h -> h.state() == PullState.LIVE).orElse(false))).isTrue();

      flaky.stop();

      assertThat(Eventually.within(PATIENCE, () -> health().map(h -> h.state() == PullState.RESTARTING
          || h.state() == PullState.FAILED).orElse(false))).isTrue();
      assertThat(health().orElseThrow().reason()).isPresent();
      long bytesWhileDown = v.bytes();

      flaky.restart();

      assertThat(Eventually.within(PATIENCE, () -> health().map(h -> h.state() == PullState.LIVE).orElse(false))).isTrue();
      assertThat(Eventually.within(PATIENCE, () -> v.bytes() > bytesWhileDown + 64 * 1024)).isTrue();
      assertThat(health().orElseThrow().restarts()).isPositive();
      assertThat(v.misalignedPackets()).isZero();
    }
  }

  @Test
  void aViewerThatStopsReadingIsDroppedWhileAnotherKeepsReceiving() throws Exception {
    relay(RelayConfig.defaults(SECRET).withViewerLimits(256 * 1024, 16 * 1024), camera.url());
    TsViewerClient fast = viewer();
    TsViewerClient stalled = TsViewerClient.openStalled(
        relay.liveUrl("cam-1", StreamProfile.SUB, "op", Duration.ofMinutes(1)), 4096);
    closeLater.add(stalled);
    assertThat(Eventually.within(PATIENCE, () -> health().map(h -> h.viewers() == 2).orElse(false))).isTrue();

    assertThat(Eventually.within(Duration.ofSeconds(60), () -> health().map(h -> h.viewers() == 1).orElse(false))).isTrue();

    long fastBytes = fast.bytes();
    assertThat(Eventually.within(PATIENCE, () -> fast.bytes() > fastBytes + 64 * 1024)).isTrue();
    assertThat(fast.misalignedPackets()).isZero();
  }

  @Test
  void closingTheRelayEndsEveryFfmpegChild() throws Exception {
    relay(RelayConfig.defaults(SECRET), camera.url());
    TsViewerClient v = viewer();
    assertThat(Eventually.within(PATIENCE, () -> v.bytes() > 0)).isTrue();
    ProcessHandle process = ffmpeg().orElseThrow();

    relay.close();

    assertThat(process.isAlive()).isFalse();
    assertThat(ProcessHandle.current().descendants().filter(p -> p.info().command().orElse("").contains("ffmpeg")))
        .isEmpty();
  }
}
