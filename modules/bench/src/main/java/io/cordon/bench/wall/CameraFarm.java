package io.cordon.bench.wall;

import io.cordon.domain.park.CameraId;
import io.cordon.media.relay.MediaRelay;
import io.cordon.media.relay.RelayConfig;
import io.cordon.media.source.CameraStream;
import io.cordon.media.source.StaticCameraStreamSource;
import io.cordon.media.source.StreamProfile;
import io.cordon.simulator.camera.TestCamera;
import io.cordon.simulator.camera.TestCameraServer;
import io.cordon.simulator.camera.TestStream;
import io.cordon.video.camera.StreamUrls;
import io.cordon.video.camera.WallCamera;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The real video path up to the wall: RTSP test cameras (one cvlc each serving a main 1280×720 and a sub
 * 640×360 stream, 25 fps, from clips made by ffmpeg) and the real media relay in front of them, which the
 * wall reaches with a fresh ticket per (re)connect as the server would issue it.
 */
final class CameraFarm implements AutoCloseable {
  static final io.cordon.video.camera.StreamProfile MAIN = new io.cordon.video.camera.StreamProfile("main", 1280, 720);
  static final io.cordon.video.camera.StreamProfile SUB = new io.cordon.video.camera.StreamProfile("sub", 640, 360);
  private static final Duration TICKET_LIFETIME = Duration.ofSeconds(60);
  private static final byte[] SECRET = "wall-bench-ticket-secret-0123456789".getBytes(StandardCharsets.UTF_8);

  private final List<TestCamera> cameras;
  private final TestCameraServer server;
  private final MediaRelay relay;
  private final Duration linger;

  private CameraFarm(List<TestCamera> cameras, TestCameraServer server, MediaRelay relay, Duration linger) {
    this.cameras = cameras;
    this.server = server;
    this.relay = relay;
    this.linger = linger;
  }

  /** Starts {@code count} cameras (clips are made once and cached) and a relay with the default 10 s linger. */
  static CameraFarm start(int count) throws InterruptedException {
    List<TestCamera> cameras = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      cameras.add(new TestCamera(String.format(Locale.ROOT, "WALL-%02d", i), String.format(Locale.ROOT, "基准墙 %02d", i)));
    }
    TestCameraServer server = TestCameraServer.start(cameras);
    if (server.problem().isPresent()) {
      server.close();
      throw new IllegalStateException("test cameras: " + server.problem().get());
    }
    List<CameraStream> streams = new ArrayList<>();
    for (TestCamera camera : cameras) {
      streams.add(CameraStream.of(camera.id(), StreamProfile.MAIN, server.url(camera.id(), TestStream.MAIN).orElseThrow()));
      streams.add(CameraStream.of(camera.id(), StreamProfile.SUB, server.url(camera.id(), TestStream.SUB).orElseThrow()));
    }
    RelayConfig config = RelayConfig.defaults(SECRET);
    try {
      MediaRelay relay = MediaRelay.start(config, new StaticCameraStreamSource(streams));
      return new CameraFarm(List.copyOf(cameras), server, relay, config.linger());
    } catch (RuntimeException | InterruptedException e) {
      server.close();
      throw e;
    }
  }

  int size() {
    return cameras.size();
  }

  Duration linger() {
    return linger;
  }

  /** Ticketed relay URLs, as the app gets them from the server for each (re)connect. */
  StreamUrls urls() {
    return (camera, profile) -> CompletableFuture.completedFuture(relay.liveUrl(camera.value(),
        StreamProfile.fromUrlName(profile).orElseThrow(), "wall-bench", TICKET_LIFETIME));
  }

  /** Camera {@code index} (wrapping around when there are more tiles than cameras) as the wall sees it. */
  WallCamera wallCamera(int index) {
    TestCamera camera = cameras.get(index % cameras.size());
    return new WallCamera(new CameraId(camera.id()), camera.name(), "基准区", List.of(MAIN, SUB));
  }

  /** Whether the relay pulls any stream of camera {@code index} now (someone watches, or it lingers). */
  boolean pulled(int index) {
    String id = cameras.get(index % cameras.size()).id();
    return relay.pull(id, StreamProfile.SUB).isPresent() || relay.pull(id, StreamProfile.MAIN).isPresent();
  }

  boolean pullsAny() {
    return !relay.health().isEmpty();
  }

  /**
   * The relay keeps these cameras' sub-streams pulled with nobody watching (its standby set, what the server's
   * {@code media.standby} does for every camera (all) or the ones an alarm can link (linked)); an empty list ends it.
   */
  void standby(List<Integer> indexes) {
    relay.setStandby(indexes.stream()
        .map(i -> new io.cordon.media.source.StreamKey(cameras.get(i % cameras.size()).id(), StreamProfile.SUB))
        .collect(java.util.stream.Collectors.toSet()));
  }

  /** Whether the relay's pull of camera {@code index}'s sub-stream is live (has data). */
  boolean subStreamLive(int index) {
    String id = cameras.get(index % cameras.size()).id();
    return relay.health().stream().anyMatch(h -> h.cameraId().equals(id) && h.profile() == StreamProfile.SUB
        && h.state() == io.cordon.media.pull.PullState.LIVE && h.lastDataAt().isPresent());
  }

  @Override
  public void close() throws InterruptedException {
    try {
      relay.close();
    } finally {
      server.close();
    }
  }
}
