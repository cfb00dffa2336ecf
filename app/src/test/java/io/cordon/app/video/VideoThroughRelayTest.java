package io.cordon.app.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cordon.domain.park.CameraId;
import io.cordon.media.relay.MediaRelay;
import io.cordon.media.relay.RelayConfig;
import io.cordon.media.source.CameraStream;
import io.cordon.media.source.Resolution;
import io.cordon.media.source.StaticCameraStreamSource;
import io.cordon.media.source.StreamProfile;
import io.cordon.simulator.camera.CameraTools;
import io.cordon.simulator.camera.TestCamera;
import io.cordon.simulator.camera.TestCameraServer;
import io.cordon.simulator.camera.TestStream;
import io.cordon.video.VideoTexts;
import io.cordon.video.camera.WallCamera;
import io.cordon.video.stream.StreamState;
import io.cordon.video.tile.VideoTile;
import io.cordon.video.vlc.FrameSurface;
import io.cordon.video.vlc.VlcRuntime;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole video path as in production (issue 5 point 12): a real RTSP camera (the simulator's VLC
 * test camera) → the media relay (ffmpeg pull, HTTP MPEG-TS, ticket) → a wall tile playing through
 * vlcj. Frames arrive and change; when the camera restarts the tile goes reconnecting and then live.
 */
@ExtendWith(ApplicationExtension.class)
class VideoThroughRelayTest {

  private static final TestCamera CAMERA = new TestCamera("CAM-001", "南一门入口抓拍");
  private StackPane root;
  private TestCameraServer cameras;
  private MediaRelay relay;
  private VlcRuntime vlc;
  private VideoTile tile;

  @Start
  void start(Stage stage) {
    root = new StackPane();
    stage.setScene(new Scene(root, 640, 360));
    stage.show();
  }

  @BeforeEach
  void startPath() throws Exception {
    CameraTools tools = CameraTools.detect();
    assumeTrue(tools.ready(), () -> tools.problem().orElse("camera tools missing"));
    vlc = VlcRuntime.discover();
    assumeTrue(vlc.available(), () -> vlc.unavailableDetail().orElse("libVLC missing"));
    cameras = TestCameraServer.start(List.of(CAMERA));
    List<CameraStream> streams = new ArrayList<>();
    for (TestStream stream : TestStream.values()) {
      streams.add(CameraStream.of(CAMERA.id(), stream == TestStream.MAIN ? StreamProfile.MAIN : StreamProfile.SUB,
          cameras.url(CAMERA.id(), stream).orElseThrow()).withResolution(new Resolution(stream.width(),
          stream.height())));
    }
    relay = MediaRelay.start(RelayConfig.defaults("video-through-relay-test".getBytes(StandardCharsets.UTF_8)),
        new StaticCameraStreamSource(streams));
  }

  @AfterEach
  void stopPath() throws Exception {
    if (tile != null) {
      WaitForAsyncUtils.asyncFx(tile::close).get(5, TimeUnit.SECONDS);
    }
    if (relay != null) {
      relay.close();
    }
    if (cameras != null) {
      cameras.close();
    }
    if (vlc != null) {
      vlc.close();
    }
  }

  @Test
  void aTilePlaysTheCameraThroughTheRelayAndComesBackAfterTheCameraRestarts() throws Exception {
    WallCamera camera = new WallCamera(new CameraId(CAMERA.id()), CAMERA.name(), "一般控制区",
        List.of(new io.cordon.video.camera.StreamProfile("sub", 640, 360),
            new io.cordon.video.camera.StreamProfile("main", 1280, 720)));
    List<StreamState> states = new CopyOnWriteArrayList<>();
    WaitForAsyncUtils.asyncFx(() -> {
      tile = new VideoTile(vlc, (id, profile) -> CompletableFuture.completedFuture(relay.liveUrl(id.value(),
          StreamProfile.fromUrlName(profile).orElseThrow(), "operator", Duration.ofMinutes(1))),
          VideoTexts.of(Locale.SIMPLIFIED_CHINESE), camera);
      states.add(tile.stateProperty().get());
      tile.stateProperty().addListener((o, was, now) -> states.add(now));
      root.getChildren().setAll(tile);
    }).get(5, TimeUnit.SECONDS);

    await(Duration.ofSeconds(20), () -> tile.stateProperty().get() instanceof StreamState.Live);
    FrameSurface.Picture first = onFx(() -> tile.currentPicture().orElseThrow());
    Thread.sleep(1500);
    FrameSurface.Picture later = onFx(() -> tile.currentPicture().orElseThrow());
    assertThat(Arrays.equals(later.argb(), first.argb())).as("the burned-in clock moves").isFalse();

    cameras.stop(CAMERA.id());
    try {
      await(Duration.ofSeconds(20), () -> states.stream().anyMatch(s -> s instanceof StreamState.Reconnecting));
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("states seen: " + states, e);
    }
    cameras.restart(CAMERA.id());
    await(Duration.ofSeconds(40), () -> tile.stateProperty().get() instanceof StreamState.Live);

    List<Class<?>> kinds = states.stream().<Class<?>>map(Object::getClass).distinct().toList();
    assertThat(kinds).startsWith(StreamState.Connecting.class, StreamState.Live.class,
        StreamState.Reconnecting.class);
  }

  private static void await(Duration timeout, BooleanSupplier onFx) throws Exception {
    WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS,
        () -> WaitForAsyncUtils.asyncFx(onFx::getAsBoolean).get(5, TimeUnit.SECONDS));
  }

  private static <T> T onFx(java.util.concurrent.Callable<T> call) throws Exception {
    return WaitForAsyncUtils.asyncFx(call).get(5, TimeUnit.SECONDS);
  }
}
