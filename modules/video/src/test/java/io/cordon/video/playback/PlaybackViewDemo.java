package io.cordon.video.playback;

import io.cordon.media.source.StreamProfile;
import io.cordon.video.VideoTexts;
import io.cordon.video.camera.WallCamera;
import io.cordon.video.fixture.RecordedRelay;
import io.cordon.video.fixture.VideoFixture;
import java.nio.file.Files;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Not a test: shows the playback view over the test relay's recording (two cameras in sync) for a look and a
 * screenshot under Xvfb ({@code java -cp test-classes:classes:… io.cordon.video.playback.PlaybackViewDemo}).
 */
public final class PlaybackViewDemo {
  private PlaybackViewDemo() {
  }

  public static void main(String[] args) {
    Application.launch(Demo.class, args);
  }

  /** The JavaFX application (a nested class, so the JVM starts without JavaFX on the module path). */
  public static final class Demo extends Application {
  private VideoFixture video;
  private RecordedRelay recorded;
  private PlaybackView view;

  @Override
  public void start(Stage stage) throws Exception {
    video = VideoFixture.startOrSkip();
    recorded = RecordedRelay.startOrSkip(Files.createTempDirectory("playback-demo"));
    RecordingIndex index = (camera, from, to) -> CompletableFuture.completedFuture(
        recorded.relay.recordings().orElseThrow().catalog().segments(camera.value(), StreamProfile.SUB, from, to)
            .stream().map(s -> new RecordedRange(s.start(), s.end())).toList());
    view = new PlaybackView(video.vlc, recorded.urls(), video.urls(), index, VideoTexts.of(Locale.SIMPLIFIED_CHINESE),
        ZoneId.of("Asia/Shanghai"));
    List<WallCamera> cameras = List.of(VideoFixture.camera(RecordedRelay.CAM_1, "1号门 入口", "一般区"),
        VideoFixture.camera(RecordedRelay.CAM_2, "罐区 东侧", "重点区"));
    stage.setTitle("录像回放");
    stage.setScene(new Scene(view, 1400, 640));
    stage.show();
    view.setCameras(cameras, recorded.start.plusSeconds(4));
  }

  @Override
  public void stop() {
    view.close();
    recorded.close();
    video.close();
  }
  }
}
