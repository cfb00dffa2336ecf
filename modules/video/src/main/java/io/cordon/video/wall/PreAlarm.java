package io.cordon.video.wall;

import io.cordon.video.camera.WallCamera;
import io.cordon.video.playback.PlaybackUrls;
import java.time.Instant;
import java.util.Objects;

/**
 * The pre-alarm slot of an alarm pop-up: {@code camera}'s recording played from {@code from} (the alarm's
 * raised time minus 60 s, guideline §7.2.1.2) next to its live picture.
 */
public record PreAlarm(WallCamera camera, Instant from, PlaybackUrls recordings) {
  public PreAlarm {
    Objects.requireNonNull(camera, "camera");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(recordings, "recordings");
  }
}
