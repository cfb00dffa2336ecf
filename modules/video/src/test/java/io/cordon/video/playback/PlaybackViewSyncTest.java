package io.cordon.video.playback;

import static io.cordon.video.playback.PlaybackPlayerTest.await;
import static io.cordon.video.playback.PlaybackPlayerTest.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.media.source.StreamProfile;
import io.cordon.video.VideoTexts;
import io.cordon.video.camera.WallCamera;
import io.cordon.video.fixture.RecordedRelay;
import io.cordon.video.fixture.VideoFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
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

/** Two cameras in the playback view on one clock, through the real relay and libVLC. */
@ExtendWith(ApplicationExtension.class)
class PlaybackViewSyncTest {
  private static final List<WallCamera> CAMERAS = List.of(
      VideoFixture.camera(RecordedRelay.CAM_1, "1号门 入口", "一般区"),
      VideoFixture.camera(RecordedRelay.CAM_2, "罐区 东侧", "重点区"));
  @TempDir
  Path data;
  private StackPane root;
  private VideoFixture video;
  private RecordedRelay recorded;
  private PlaybackView view;

  @Start
  void start(Stage stage) {
    root = new StackPane();
    stage.setScene(new Scene(root, 1280, 600));
    stage.show();
  }

  @BeforeEach
  void startView() throws Exception {
    video = VideoFixture.startOrSkip();
    recorded = RecordedRelay.startOrSkip(data);
    RecordingIndex index = (camera, from, to) -> CompletableFuture.completedFuture(
        recorded.relay.recordings().orElseThrow().catalog().segments(camera.value(), StreamProfile.SUB, from, to)
            .stream().map(s -> new RecordedRange(s.start(), s.end())).toList());
    view = onFx(() -> {
      PlaybackView v = new PlaybackView(video.vlc, recorded.urls(), video.urls(), index,
          VideoTexts.of(Locale.SIMPLIFIED_CHINESE), ZoneId.of("Asia/Shanghai"));
      root.getChildren().setAll(v);
      return v;
    });
  }

  @AfterEach
  void stop() throws Exception {
    if (view != null) {
      onFx(() -> {
        view.close();
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

  /** Both players show a picture and are at most half a second apart, with the clock between them and them. */
  private boolean inStep() {
    List<PlaybackTile> tiles = view.tiles();
    Instant clock = view.group().positionProperty().get();
    if (clock == null || tiles.stream().anyMatch(t -> t.player().position().isEmpty())) {
      return false;
    }
    Instant a = tiles.get(0).player().position().orElseThrow();
    Instant b = tiles.get(1).player().position().orElseThrow();
    return Duration.between(a, b).abs().compareTo(HALF_A_SECOND) <= 0
        && Duration.between(clock, a).abs().compareTo(Duration.ofSeconds(1)) <= 0;
  }

  private static final Duration HALF_A_SECOND = Duration.ofMillis(500);

  @Test
  void twoCamerasWhoseKeyFramesDifferPlayWithinHalfASecondOfEachOtherAfterASeek() throws Exception {
    Instant asked = recorded.start.plusMillis(8_300);

    onFx(() -> {
      view.setCameras(CAMERAS, asked);
      return null;
    });
    await(Duration.ofSeconds(30), () -> view.tiles().stream().allMatch(t -> t.player().position().isPresent()));
    Instant started = onFx(() -> view.tiles().get(1).player().recordingStart().orElseThrow());
    Thread.sleep(2000);

    await(Duration.ofSeconds(10), this::inStep);
    assertThat(started).as("camera 2 started at its own key frame, half a second off camera 1's")
        .isNotEqualTo(onFx(() -> view.tiles().get(0).player().recordingStart().orElseThrow()));
    assertThat(onFx(() -> view.group().positionProperty().get())).isAfter(asked.plusSeconds(1));
  }

  @Test
  void theTimeBarShowsWhatIsRecordedOnTheDay() throws Exception {
    onFx(() -> {
      view.setCameras(CAMERAS, recorded.start.plusSeconds(2));
      return null;
    });

    await(Duration.ofSeconds(20), () -> !view.recordedShown().isEmpty());
    List<RecordedRange> shown = onFx(() -> view.recordedShown());
    assertThat(shown).hasSize(1);
    assertThat(shown.get(0).start()).isEqualTo(recorded.start);
    assertThat(shown.get(0).end()).isEqualTo(recorded.recordedFrom(RecordedRelay.CAM_2).plus(RecordedRelay.LENGTH));
  }
}
