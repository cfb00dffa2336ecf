package io.cordon.video.tour;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.video.VideoTexts;
import io.cordon.video.camera.WallCamera;
import io.cordon.video.fixture.MissingVlc;
import io.cordon.video.fixture.VideoFixture;
import io.cordon.video.layout.WallLayouts;
import io.cordon.video.wall.VideoWall;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Tours page a group over the wall (libVLC made "missing": this is about which camera sits where). */
@ExtendWith(ApplicationExtension.class)
class WallTourTest {
  private final Map<String, WallCamera> playable = new LinkedHashMap<>();
  private VideoWall wall;
  private WallTour tour;

  @Start
  void start(Stage stage) {
    for (int i = 1; i <= 6; i++) {
      playable.put("CAM-" + i, VideoFixture.camera("CAM-" + i, i + "号摄像机", "一般区"));
    }
    wall = new VideoWall(MissingVlc.runtime(),
        (camera, profile) -> CompletableFuture.completedFuture(URI.create("http://127.0.0.1:9/x")),
        VideoTexts.of(Locale.ENGLISH));
    wall.setWallLayout(WallLayouts.GRID_2X2);
    tour = new WallTour(wall, id -> Optional.ofNullable(playable.get(id)));
    stage.setScene(new Scene(wall, 640, 360));
    stage.show();
  }

  @Test
  void aTourShowsPageAfterPageAndComesRound(FxRobot robot) {
    CameraGroup group = new CameraGroup("周界", List.of("CAM-1", "CAM-2", "CAM-3", "CAM-4", "CAM-5", "CAM-6"));
    robot.interact(() -> tour.start(group, Duration.ofHours(1)));
    assertThat(onWall()).containsExactly("CAM-1", "CAM-2", "CAM-3", "CAM-4");
    assertThat(tour.pageCountProperty().get()).isEqualTo(2);

    robot.interact(tour::step);
    assertThat(onWall()).containsExactly("CAM-5", "CAM-6", null, null);
    assertThat(tour.pageProperty().get()).isEqualTo(1);

    robot.interact(tour::step);
    assertThat(onWall()).containsExactly("CAM-1", "CAM-2", "CAM-3", "CAM-4");
  }

  @Test
  void camerasThatCannotPlayAreSkippedSoPagesStayFull(FxRobot robot) {
    CameraGroup group = new CameraGroup("门岗", List.of("CAM-1", "CAM-OFF", "CAM-2", "CAM-3", "CAM-4"));
    robot.interact(() -> tour.start(group, Duration.ofHours(1)));

    assertThat(onWall()).containsExactly("CAM-1", "CAM-2", "CAM-3", "CAM-4");
    assertThat(tour.pageCountProperty().get()).isEqualTo(1);
  }

  @Test
  void whileAnAlarmHoldsTheWallTheTourWaitsAndClosingItBringsBackTheTourPage(FxRobot robot) {
    CameraGroup group = new CameraGroup("周界", List.of("CAM-1", "CAM-2", "CAM-3", "CAM-4", "CAM-5"));
    WallCamera alarmCamera = VideoFixture.camera("CAM-X", "报警点", "核心区");
    robot.interact(() -> tour.start(group, Duration.ofHours(1)));
    robot.interact(() -> wall.showAlarm(List.of(alarmCamera)));

    robot.interact(tour::step);
    assertThat(onWall().get(0)).isEqualTo("CAM-X");
    assertThat(tour.pageProperty().get()).isZero();

    robot.interact(wall::closeAlarm);
    assertThat(onWall()).containsExactly("CAM-1", "CAM-2", "CAM-3", "CAM-4");
  }

  @Test
  void stoppingLeavesThePageOnTheWallAndTheTimerDoesNothingMore(FxRobot robot) {
    CameraGroup group = new CameraGroup("周界", List.of("CAM-5", "CAM-6"));
    robot.interact(() -> tour.start(group, Duration.ofHours(1)));
    robot.interact(tour::stop);
    robot.interact(tour::step);

    assertThat(onWall()).containsExactly("CAM-5", "CAM-6", null, null);
    assertThat(tour.groupProperty().get()).isNull();
    assertThat(tour.isRunning()).isFalse();
  }

  @Test
  void aLayoutChangeCutsTheNextPagesForTheNewCellCount(FxRobot robot) {
    CameraGroup group = new CameraGroup("周界", List.of("CAM-1", "CAM-2", "CAM-3", "CAM-4", "CAM-5", "CAM-6"));
    robot.interact(() -> tour.start(group, Duration.ofHours(1)));
    robot.interact(() -> wall.setWallLayout(WallLayouts.GRID_3X3));
    robot.interact(tour::step);

    // one page of six now: the step comes round to it
    assertThat(onWall().subList(0, 6)).containsExactly("CAM-1", "CAM-2", "CAM-3", "CAM-4", "CAM-5", "CAM-6");
    assertThat(tour.pageCountProperty().get()).isEqualTo(1);
  }

  private List<String> onWall() {
    AtomicReference<List<String>> ids = new AtomicReference<>();
    WaitForAsyncUtils.waitForAsyncFx(5000, () -> {
      List<String> out = new java.util.ArrayList<>();
      for (int cell = 0; cell < wall.getWallLayout().tileCount(); cell++) {
        out.add(wall.cameraAt(cell).map(c -> c.id().value()).orElse(null));
      }
      ids.set(out);
    });
    return ids.get();
  }
}
