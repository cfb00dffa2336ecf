package io.cordon.video.camera;

import io.cordon.domain.park.CameraId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A camera as the wall shows it: what the overlay says and which streams it can choose from.
 * The app fills it from the camera registry; credentials never reach the wall.
 */
public record WallCamera(CameraId id, String name, String zoneName, List<StreamProfile> streams) {
  public WallCamera {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    zoneName = zoneName == null ? "" : zoneName;
    streams = List.copyOf(streams);
    if (streams.isEmpty()) {
      throw new IllegalArgumentException("camera " + id + " has no streams");
    }
  }

  /** The stream with the most pixels: what a maximised tile normally plays. */
  public StreamProfile largestStream() {
    return streams.stream().max(Comparator.comparingLong(StreamProfile::pixels)).orElseThrow();
  }
}
