package io.cordon.app.playback;

import io.cordon.video.camera.WallCamera;
import io.cordon.video.playback.PlaybackView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The timeline's synchronised video: the cameras of what the timeline shows (up to four) played at the cursor.
 * A cursor move seeks every camera together; a new set of cameras (another query) replaces the tiles.
 */
public final class TimelineVideo implements AutoCloseable {
  private final PlaybackView view;
  private final Function<String, Optional<WallCamera>> camera;
  private List<WallCamera> shown = List.of();

  /** @param camera one camera by id, if it has streams (the video wall knows them) */
  public TimelineVideo(PlaybackView view, Function<String, Optional<WallCamera>> camera) {
    this.view = view;
    this.camera = camera;
  }

  public PlaybackView view() {
    return view;
  }

  /** On the FX thread: plays {@code cameraIds} (those with streams, at most four) at {@code at}. */
  public void follow(Instant at, List<String> cameraIds) {
    List<WallCamera> cameras = cameraIds.stream().map(camera).flatMap(Optional::stream)
        .limit(PlaybackView.MAX_CAMERAS).toList();
    if (!cameras.equals(shown)) {
      shown = cameras;
      view.setCameras(cameras, at);
    }
    if (!view.tiles().isEmpty()) {
      view.seekAll(at);
    }
  }

  /** The cameras playing now. */
  public List<WallCamera> shown() {
    return shown;
  }

  @Override
  public void close() {
    view.close();
  }
}
