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
import io.cordon.video.camera.WallCamera;
import io.cordon.video.layout.WallLayout;
import io.cordon.video.layout.WallLayouts;
import io.cordon.video.stream.StreamState;
import io.cordon.video.tile.VideoTile;
import io.cordon.video.tour.CameraGroup;
import io.cordon.video.vlc.VlcRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.CheckBox;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Video walls in the whole client (embedded server with its media relay, real RTSP test cameras
 * registered as two sample-park cameras): an alarm brings its camera into the alarm area with live
 * pictures; a second wall opens in its own window and comes back after a restart with its layout,
 * tour and alarm linkage.
 */
@ExtendWith(ApplicationExtension.class)
class VideoWallsInAppTest {
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
  void aCriticalAlarmBringsItsCameraIntoTheAlarmAreaWithLivePictures() throws Exception {
    Camera alarmed = ParkFileLoader.loadSample().cameras().stream()
        .filter(c -> c.id().value().equals(wanted.get(0).id())).findFirst().orElseThrow();
    VideoWallPanel main = walls().main();
    WallCamera other = main.camera(wanted.get(1).id()).orElseThrow();
    robot.interact(() -> {
      main.wall().setWallLayout(WallLayouts.SINGLE);
      main.wall().fill(List.of(other));
    });

    java.util.concurrent.atomic.AtomicReference<Instant> shown = new java.util.concurrent.atomic.AtomicReference<>();
    robot.interact(() -> main.wall().alarmShownProperty().addListener((o, was, now) -> {
      if (now) {
        shown.compareAndSet(null, Instant.now());
      }
    }));
    DeviceReports.smokeAt(app, alarmed);
    Instant acked = Instant.now();

    AppDriver.waitFor("the alarm camera's first picture", () -> alarmTile(main)
        .filter(tile -> tile.currentPicture().isPresent()).isPresent());
    // a measurement to read, not a timed assertion (the bench measures it properly)
    System.out.printf("alarm acknowledged -> alarm area shown %d ms -> first picture of its camera %d ms%n",
        Duration.between(acked, shown.get()).toMillis(), Duration.between(acked, Instant.now()).toMillis());
    AppDriver.waitFor("the alarm camera live", () -> alarmTile(main)
        .filter(tile -> tile.stateProperty().get() instanceof StreamState.Live).isPresent());
    assertThat(main.wall().alarmShownProperty().get()).isTrue();
    assertThat(alarmTile(main).orElseThrow().currentPicture()).isPresent();

    robot.clickOn("#video-close-alarm");
    assertThat(main.wall().getWallLayout()).isEqualTo(WallLayouts.SINGLE);
    assertThat(main.wall().cameraAt(0)).contains(other);
  }

  @Test
  void aSecondWallOpensInItsOwnWindowAndComesBackWithItsLayoutTourAndAlarmLinkage() throws Exception {
    robot.clickOn("视图").clickOn("新建视频墙（下一个显示器）");
    AppDriver.waitFor("a second wall", () -> walls().all().size() == 2);
    VideoWallPanel second = walls().all().get(1);
    Window mainWindow = walls().main().root().getScene().getWindow();
    assertThat(second.root().getScene().getWindow()).isNotSameAs(mainWindow);
    assertThat(second.root().getScene().getWindow().isShowing()).isTrue();

    CameraGroup group = new CameraGroup("南门两路", wanted.stream().map(TestCamera::id).toList());
    WallLayout wide = WallLayout.custom("宽屏 1+8", 4, 3, 2, 2);
    robot.interact(() -> {
      walls().layouts().save(wide);
      second.wall().setWallLayout(wide);
      walls().groups().save(group);
      second.startTour(group, Duration.ofSeconds(30));
    });
    CheckBox linked = robot.from(second.root()).lookup("#video-alarm-linked").queryAs(CheckBox.class);
    robot.clickOn(linked);
    assertThat(second.alarmLinkedProperty().get()).isFalse();
    assertThat(walls().main().alarmLinkedProperty().get()).isTrue();

    driver.stop();
    startWithoutStreams();
    // before any stream is known the wall is empty, and a save then must not forget its cameras or tour
    AppDriver.waitFor("the second wall again", () -> walls().all().size() == 2);
    robot.interact(() -> app.mainWindow().saveLayout());
    driver.stop();
    startAndSignIn();

    AppDriver.waitFor("the second wall again", () -> walls().all().size() == 2
        && walls().all().get(1).root().getScene().getWindow().isShowing());
    VideoWallPanel again = walls().all().get(1);
    assertThat(again.wall().getWallLayout()).isEqualTo(wide);
    assertThat(walls().layouts().list()).containsExactly(wide);
    assertThat(again.alarmLinkedProperty().get()).isFalse();
    assertThat(walls().groups().named("南门两路")).contains(group);
    AppDriver.waitFor("the tour running again", () -> again.touringGroup().isPresent());
    assertThat(again.touringGroup()).contains(group);
    // the tour's page: both cameras of the group on the 9-tile layout
    assertThat(again.wall().cameraAt(0).map(c -> c.id().value())).contains(wanted.get(0).id());
    assertThat(again.wall().cameraAt(1).map(c -> c.id().value())).contains(wanted.get(1).id());
  }

  private static Optional<VideoTile> alarmTile(VideoWallPanel panel) {
    return panel.wall().tiles().stream().filter(t -> t.getStyleClass().contains("video-tile-alarm")).findFirst();
  }
}
