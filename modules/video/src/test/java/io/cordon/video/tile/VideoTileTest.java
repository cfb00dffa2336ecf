package io.cordon.video.tile;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.video.VideoTexts;
import io.cordon.video.camera.StreamUnavailableException;
import io.cordon.video.camera.WallCamera;
import io.cordon.video.fixture.VideoFixture;
import io.cordon.video.stream.StreamState;
import io.cordon.video.vlc.FrameSurface;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
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

@ExtendWith(ApplicationExtension.class)
class VideoTileTest {
  private static final WallCamera GATE = VideoFixture.camera("CAM-G1", "1号门 入口", "一般区");
  private StackPane root;
  private VideoFixture video;
  private VideoTile tile;

  @Start
  void start(Stage stage) {
    root = new StackPane();
    stage.setScene(new Scene(root, 400, 225));
    stage.show();
  }

  @BeforeEach
  void startVideo() throws Exception {
    video = VideoFixture.startOrSkip();
  }

  @AfterEach
  void stopVideo() throws Exception {
    if (tile != null) {
      WaitForAsyncUtils.asyncFx(tile::close).get(5, TimeUnit.SECONDS);
    }
    if (video != null) {
      video.close();
    }
  }

  private void showTile() throws Exception {
    WaitForAsyncUtils.asyncFx(() -> {
      tile = new VideoTile(video.vlc, video.urls(), VideoTexts.of(Locale.ENGLISH), GATE);
      root.getChildren().setAll(tile);
    }).get(5, TimeUnit.SECONDS);
  }

  private static void await(Duration timeout, BooleanSupplier onFx) throws Exception {
    WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS,
        () -> WaitForAsyncUtils.asyncFx(onFx::getAsBoolean).get(5, TimeUnit.SECONDS));
  }

  private static <T> T onFx(java.util.concurrent.Callable<T> call) throws Exception {
    return WaitForAsyncUtils.asyncFx(call).get(5, TimeUnit.SECONDS);
  }

  @Test
  void framesArriveAndThePictureChangesOverTime() throws Exception {
    showTile();
    await(Duration.ofSeconds(10), () -> tile.currentPicture().isPresent());
    FrameSurface.Picture first = onFx(() -> tile.currentPicture().orElseThrow());
    Thread.sleep(1000);
    FrameSurface.Picture later = onFx(() -> tile.currentPicture().orElseThrow());
    assertThat(Arrays.equals(later.argb(), first.argb())).as("picture changed").isFalse();
    assertThat(onFx(() -> tile.pictureView().getImage())).isNotNull();
    assertThat(onFx(() -> tile.playingProfileProperty().get())).isEqualTo(VideoFixture.SUB);
  }

  @Test
  void aBigTileShowsTheSubStreamFirstAndThenTheMainStreamWithoutAGap() throws Exception {
    List<Object> profiles = new CopyOnWriteArrayList<>();
    WaitForAsyncUtils.asyncFx(() -> {
      tile = new VideoTile(video.vlc, video.urls(), VideoTexts.of(Locale.ENGLISH), GATE);
      tile.setPrefSize(1280, 720);
      tile.playingProfileProperty().addListener((o, was, now) -> profiles.add(now));
      root.getChildren().setAll(new javafx.scene.layout.Pane(tile));
    }).get(5, TimeUnit.SECONDS);

    await(Duration.ofSeconds(15), () -> VideoFixture.MAIN.equals(tile.playingProfileProperty().get()));

    assertThat(profiles).containsExactly(VideoFixture.SUB, VideoFixture.MAIN);
    assertThat(onFx(() -> tile.pictureView().getImage())).isNotNull();
  }

  @Test
  void vlcDeliversThePictureAtTheTilesSizeSoItIsDrawnOneToOneWithoutFiltering() throws Exception {
    showTile();
    await(Duration.ofSeconds(10), () -> tile.currentPicture().isPresent());
    WaitForAsyncUtils.waitForFxEvents();

    javafx.geometry.Rectangle2D delivered = onFx(() -> tile.pictureView().getViewport());
    double boxWidth = onFx(() -> tile.getWidth() - tile.getInsets().getLeft() - tile.getInsets().getRight());
    assertThat(delivered.getWidth()).isLessThanOrEqualTo(boxWidth).isGreaterThan(boxWidth * 0.97);
    assertThat(onFx(() -> tile.pictureView().getFitWidth())).isEqualTo(delivered.getWidth());
    assertThat(onFx(() -> tile.pictureView().isSmooth())).isFalse();
  }

  @Test
  void goesLiveThenReconnectsWhenTheRelayGoesAwayAndIsLiveAgainWhenItComesBack() throws Exception {
    List<StreamState> states = new CopyOnWriteArrayList<>();
    showTile();
    Platform.runLater(() -> {
      states.add(tile.stateProperty().get());
      tile.stateProperty().addListener((obs, old, now) -> states.add(now));
    });
    await(Duration.ofSeconds(10), () -> tile.stateProperty().get() instanceof StreamState.Live);
    video.server.stop();
    await(Duration.ofSeconds(10), () -> tile.stateProperty().get() instanceof StreamState.Reconnecting);
    video.server.start();
    await(Duration.ofSeconds(15), () -> tile.stateProperty().get() instanceof StreamState.Live);

    List<Class<?>> kinds = states.stream().<Class<?>>map(Object::getClass).distinct().toList();
    assertThat(kinds).startsWith(StreamState.Connecting.class, StreamState.Live.class, StreamState.Reconnecting.class);
    assertThat(states.get(states.size() - 1)).isInstanceOf(StreamState.Live.class);
    assertThat(onFx(tile::stateText)).startsWith("Live");
  }

  @Test
  void aRefusedStreamAddressIsShownWithTheRelaysReasonAndRetried() throws Exception {
    WaitForAsyncUtils.asyncFx(() -> {
      tile = new VideoTile(video.vlc, (camera, profile) -> CompletableFuture.failedFuture(
          new StreamUnavailableException("relay refused: 403")), VideoTexts.of(Locale.ENGLISH), GATE);
      root.getChildren().setAll(tile);
    }).get(5, TimeUnit.SECONDS);
    await(Duration.ofSeconds(5), () -> tile.stateProperty().get() instanceof StreamState.Reconnecting);
    StreamState.Reconnecting first = (StreamState.Reconnecting) onFx(() -> tile.stateProperty().get());
    assertThat(first.attempt()).isEqualTo(1);
    assertThat(first.reason()).isEqualTo("relay refused: 403");
    await(Duration.ofSeconds(5), () -> tile.stateProperty().get() instanceof StreamState.Reconnecting r && r.attempt() == 2);
  }
}
