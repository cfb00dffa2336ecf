package io.cordon.video.wall;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.video.VideoTexts;
import io.cordon.video.camera.WallCamera;
import io.cordon.video.fixture.RecordedRelay;
import io.cordon.video.fixture.VideoFixture;
import io.cordon.video.layout.WallLayouts;
import io.cordon.video.playback.PlaybackTile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The alarm pop-up's pre-alarm slot: the alarm camera's recording from 60 s before, beside its live picture. */
@ExtendWith(ApplicationExtension.class)
class VideoWallPreAlarmTest {
  private static final WallCamera CAMERA = VideoFixture.camera(RecordedRelay.CAM_1, "1号门 入口", "一般区");
  @TempDir
  Path data;
  private StackPane root;
  private VideoFixture video;
  private RecordedRelay recorded;
  private VideoWall wall;

  @Start
  void start(Stage stage) {
    root = new StackPane();
    stage.setScene(new Scene(root, 960, 540));
    stage.show();
  }

  @BeforeEach
  void startWall() throws Exception {
    video = VideoFixture.startOrSkip();
    recorded = RecordedRelay.startOrSkip(data);
    wall = onFx(() -> {
      VideoWall w = new VideoWall(video.vlc, video.urls(), VideoTexts.of(Locale.SIMPLIFIED_CHINESE));
      w.setWallLayout(WallLayouts.SINGLE);
      root.getChildren().setAll(w);
      return w;
    });
  }

  @AfterEach
  void stop() throws Exception {
    if (wall != null) {
      onFx(() -> {
        wall.close();
        return null;
      });
    }
    if (recorded != null) {
      recorded.close();
    }
    if (video != null) {
      video.close();
    }
  }

  private static <T> T onFx(Callable<T> call) throws Exception {
    return WaitForAsyncUtils.asyncFx(call).get(30, TimeUnit.SECONDS);
  }

  private static void await(Duration timeout, BooleanSupplier onFx) throws Exception {
    WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS, () -> onFx(onFx::getAsBoolean));
  }

  @Test
  void anAlarmWithEvidencePlaysItsPreAlarmVideoBesideTheLivePicture() throws Exception {
    Instant raised = recorded.start.plusSeconds(75);
    Instant from = raised.minusSeconds(60);

    onFx(() -> {
      wall.showAlarm(List.of(CAMERA), new PreAlarm(CAMERA, from, recorded.urls()));
      return null;
    });

    await(Duration.ofSeconds(15), () -> wall.preAlarmTile().map(t -> t.player().position().isPresent()).orElse(false));
    PlaybackTile tile = onFx(() -> wall.preAlarmTile().orElseThrow());
    assertThat(onFx(() -> wall.getWallLayout().tileCount())).as("grown to hold live and pre-alarm").isGreaterThan(1);
    assertThat(onFx(() -> wall.cameraAt(0))).hasValue(CAMERA);
    assertThat(onFx(() -> tile.getParent())).isSameAs(wall);
    assertThat(onFx(() -> tile.getBoundsInParent().getMinY()))
        .as("in the row of the live picture").isEqualTo(onFx(() -> wall.tileAt(0).orElseThrow().getBoundsInParent().getMinY()));
    assertThat(onFx(() -> tile.player().recordingStart().orElseThrow()))
        .isBetween(from.minus(RecordedRelay.GOP), from);
    await(Duration.ofSeconds(5), () -> tile.pictureView().getImage() != null);
  }

  @Test
  void closingTheAlarmReleasesThePreAlarmPlayerAndRestoresTheWall() throws Exception {
    onFx(() -> {
      wall.showAlarm(List.of(CAMERA), new PreAlarm(CAMERA, recorded.start.plusSeconds(5), recorded.urls()));
      return null;
    });
    await(Duration.ofSeconds(15), () -> wall.preAlarmTile().map(t -> t.player().position().isPresent()).orElse(false));

    onFx(() -> {
      wall.closeAlarm();
      return null;
    });

    assertThat(onFx(() -> wall.preAlarmTile())).isEmpty();
    assertThat(onFx(() -> wall.getWallLayout())).isEqualTo(WallLayouts.SINGLE);
    await(Duration.ofSeconds(10), () -> video.vlc.playersReleased() == video.vlc.playersCreated());
  }
}
