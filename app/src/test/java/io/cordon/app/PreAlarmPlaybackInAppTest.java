package io.cordon.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cordon.app.backend.EmbeddedCameras;
import io.cordon.app.video.VideoWallPanel;
import io.cordon.app.video.VideoWalls;
import io.cordon.domain.park.Camera;
import io.cordon.server.park.ParkFileLoader;
import io.cordon.simulator.camera.CameraTools;
import io.cordon.simulator.camera.TestCamera;
import io.cordon.simulator.camera.TestCameraServer;
import io.cordon.video.layout.WallLayouts;
import io.cordon.video.vlc.VlcRuntime;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The alarm pop-up's pre-alarm slot in the whole client: the demo records its cameras, an alarm's evidence
 * (GetAlarmEvidence) gives raised − 60 s, and the wall plays the first linked camera's recording from there
 * beside its live picture, through the relay's playback route.
 */
@ExtendWith(ApplicationExtension.class)
class PreAlarmPlaybackInAppTest {
  @TempDir Path dataDir;
  @TempDir Path configDir;

  private final List<TestCamera> wanted = TestCamera.of(ParkFileLoader.loadSample()).subList(0, 2);
  private AppDriver driver;
  private CordonApp app;
  private FxRobot robot;
  private TestCameraServer cameras;

  @BeforeEach
  void setUp(FxRobot robot) throws Exception {
    CameraTools tools = CameraTools.detect();
    assumeTrue(tools.ready(), () -> tools.problem().orElse("camera tools missing"));
    try (VlcRuntime vlc = VlcRuntime.discover()) {
      assumeTrue(vlc.available(), () -> vlc.unavailableDetail().orElse("libVLC missing"));
    }
    this.robot = robot;
    cameras = TestCameraServer.start(wanted);
    driver = new AppDriver(robot);
    startAndSignIn();
  }

  private void startAndSignIn() throws Exception {
    startWithoutStreams();
    registerStreams();
  }

  private void startWithoutStreams() throws Exception {
    app = driver.start(dataDir, configDir.resolve("workstation.properties"));
    driver.signInAsOperator();
  }

  private void registerStreams() throws Exception {
    driver.embeddedBackend().runningServer().cameraStreams().replace(EmbeddedCameras.streamsOf(cameras, wanted));
    // the walls ask for streams every 20 s; the first answer may predate the registration
    AppDriver.waitFor("both cameras playable", () -> {
      robot.interact(() -> walls().refreshStreams());
      return walls().all().stream().allMatch(p -> p.playableCount() == 2);
    });
  }

  @AfterEach
  void tearDown() throws Exception {
    if (driver != null) {
      driver.stop();
    }
    if (cameras != null) {
      cameras.close();
    }
  }

  private VideoWalls walls() {
    return app.mainWindow().videoWalls();
  }

  @Test
  void aCriticalAlarmPlaysItsCamerasRecordingFromAMinuteBeforeBesideTheLivePicture() throws Exception {
    Camera alarmed = ParkFileLoader.loadSample().cameras().stream()
        .filter(c -> c.id().value().equals(wanted.get(0).id())).findFirst().orElseThrow();
    Path recordings = dataDir.resolve("recordings")
        .resolve(java.net.URLEncoder.encode(alarmed.id().value(), java.nio.charset.StandardCharsets.UTF_8));
    AppDriver.waitFor("the camera being recorded", () -> recordedBytes(recordings) > 50_000);
    VideoWallPanel main = walls().main();
    robot.interact(() -> main.wall().setWallLayout(WallLayouts.SINGLE));

    DeviceReports.smokeAt(app, alarmed);

    AppDriver.waitFor("the pre-alarm playback's first picture", () -> main.wall().preAlarmTile()
        .map(t -> t.player().position().isPresent() && t.pictureView().getImage() != null).orElse(false));
    io.cordon.video.playback.PlaybackTile tile = main.wall().preAlarmTile().orElseThrow();
    assertThat(main.wall().getWallLayout().tileCount()).isGreaterThanOrEqualTo(2);
    assertThat(tile.player().camera().id()).isEqualTo(alarmed.id());
    assertThat(tile.player().playingUrlProperty().get().getPath()).startsWith("/playback/");
    assertThat(tile.player().target().orElseThrow()).as("a minute before the alarm")
        .isBetween(Instant.now().minusSeconds(200), Instant.now().minusSeconds(55));

    robot.clickOn("#video-close-alarm");
    assertThat(main.wall().preAlarmTile()).isEmpty();
    assertThat(main.wall().getWallLayout()).isEqualTo(WallLayouts.SINGLE);
  }

  private static long recordedBytes(Path dir) {
    if (!java.nio.file.Files.isDirectory(dir)) {
      return 0;
    }
    try (var files = java.nio.file.Files.walk(dir)) {
      return files.filter(java.nio.file.Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return 0;
    }
  }
}
