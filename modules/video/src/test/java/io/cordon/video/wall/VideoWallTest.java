package io.cordon.video.wall;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.video.VideoTexts;
import io.cordon.video.camera.WallCamera;
import io.cordon.video.fixture.MissingVlc;
import io.cordon.video.fixture.VideoFixture;
import io.cordon.video.layout.WallLayouts;
import io.cordon.video.stream.StreamState;
import io.cordon.video.tile.VideoTile;
import io.cordon.video.vlc.VlcRuntime;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Wall behaviour that needs no video: libVLC is made "missing" by a discovery that finds nothing. */
@ExtendWith(ApplicationExtension.class)
class VideoWallTest {
  private static final WallCamera A = VideoFixture.camera("CAM-A", "1号门", "一般区");
  private static final WallCamera B = VideoFixture.camera("CAM-B", "2号门", "一般区");
  private static final WallCamera C = VideoFixture.camera("CAM-C", "罐区东", "重点区");
  private static final WallCamera X = VideoFixture.camera("CAM-X", "报警点", "核心区");
  private VideoWall wall;

  @Start
  void start(Stage stage) {
    VlcRuntime missing = MissingVlc.runtime();
    wall = new VideoWall(missing, (camera, profile) -> CompletableFuture.completedFuture(URI.create("http://127.0.0.1:9/x")),
        VideoTexts.of(Locale.ENGLISH));
    wall.setWallLayout(WallLayouts.GRID_3X3);
    wall.assign(0, A);
    wall.assign(1, B);
    wall.assign(4, C);
    stage.setScene(new Scene(wall, 960, 540));
    stage.show();
  }

  @Test
  void withoutLibVlcEveryTileSaysExactlyThatVlcIsNotInstalled() {
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(wall.tiles()).hasSize(3).allSatisfy(tile -> {
      assertThat(tile.messageText()).isEqualTo("VLC (libvlc) is not installed — apt-get install vlc");
      assertThat(tile.stateProperty().get()).isInstanceOf(StreamState.NoSignal.class);
    });
  }

  @Test
  void theChineseTextForMissingVlcNamesTheInstallCommandToo() {
    assertThat(VideoTexts.of(Locale.SIMPLIFIED_CHINESE).get("reason.vlcMissing")).contains("VLC").contains("apt-get install vlc");
    assertThat(VideoTexts.of(Locale.ROOT).get("reason.vlcMissing"))
        .isEqualTo(VideoTexts.of(Locale.SIMPLIFIED_CHINESE).get("reason.vlcMissing"));
  }

  @Test
  void doubleClickMaximisesATileWithinTheWallAndBack(FxRobot robot) {
    VideoTile tile = wall.tileAt(4).orElseThrow();
    robot.doubleClickOn(tile);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(wall.maximisedCellProperty().get()).isEqualTo(4);
    assertThat(tile.getWidth()).isEqualTo(960.0);
    assertThat(wall.tileAt(0).orElseThrow().isVisible()).isFalse();
    robot.doubleClickOn(tile);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(wall.maximisedCellProperty().get()).isEqualTo(-1);
    assertThat(tile.getWidth()).isLessThan(330.0);
    assertThat(wall.tileAt(0).orElseThrow().isVisible()).isTrue();
  }

  @Test
  void switchingLayoutKeepsTheTilesOfCellsThatStay() {
    VideoTile first = wall.tileAt(0).orElseThrow();
    WaitForAsyncUtils.asyncFx(() -> wall.setWallLayout(WallLayouts.GRID_2X2));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(wall.tileAt(0)).containsSame(first);
    assertThat(wall.tiles()).hasSize(2);
    WaitForAsyncUtils.asyncFx(() -> wall.setWallLayout(WallLayouts.GRID_3X3));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(wall.cameraAt(4)).contains(C);
    assertThat(wall.tiles()).extracting(VideoTile::camera).containsExactly(A, B, C);
  }

  @Test
  void anAlarmInTheAreaModeTakesTheFirstCellsAndClosingRestoresTheWallExactly() {
    WaitForAsyncUtils.asyncFx(() -> {
      wall.setWallLayout(WallLayouts.ONE_PLUS_5);
      wall.toggleMaximised(1);
      wall.showAlarm(List.of(X));
    });
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(wall.getWallLayout()).isEqualTo(WallLayouts.ONE_PLUS_5);
    assertThat(wall.cameraAt(0)).contains(X);
    assertThat(wall.cameraAt(1)).contains(B);
    assertThat(wall.maximisedCellProperty().get()).isEqualTo(-1);
    assertThat(wall.tileAt(0).orElseThrow().getStyleClass()).contains("video-tile-alarm");

    WaitForAsyncUtils.asyncFx(wall::closeAlarm);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(wall.getWallLayout()).isEqualTo(WallLayouts.ONE_PLUS_5);
    assertThat(wall.assignedCameras()).startsWith(A, B, null, null, C);
    assertThat(wall.maximisedCellProperty().get()).isEqualTo(1);
    assertThat(wall.tileAt(0).orElseThrow().getStyleClass()).doesNotContain("video-tile-alarm");
  }

  @Test
  void anAlarmTakingTheWholeWallUsesTheSmallestGridAndClosingRestoresTheLayout() {
    WaitForAsyncUtils.asyncFx(() -> {
      wall.alarmModeProperty().set(AlarmMode.WHOLE_WALL);
      wall.showAlarm(List.of(X, C));
    });
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(wall.getWallLayout()).isEqualTo(WallLayouts.GRID_2X2);
    assertThat(wall.tiles()).extracting(VideoTile::camera).containsExactly(X, C);
    assertThat(wall.alarmShownProperty().get()).isTrue();

    WaitForAsyncUtils.asyncFx(wall::closeAlarm);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(wall.getWallLayout()).isEqualTo(WallLayouts.GRID_3X3);
    assertThat(wall.tiles()).extracting(VideoTile::camera).containsExactly(A, B, C);
    assertThat(wall.alarmShownProperty().get()).isFalse();
  }

  @Test
  void theDropTargetIsTheCellUnderThePoint() {
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(wall.cellAt(10, 10)).isZero();
    assertThat(wall.cellAt(480, 270)).isEqualTo(4);
    assertThat(wall.cellAt(950, 530)).isEqualTo(8);
  }
}
