package io.cordon.media.record;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the relay records.
 *
 * @param root recordings directory ({@code <data dir>/recordings})
 * @param segmentLength about how long each file is (cut at the first key frame after it)
 * @param maxQueuedBytes packets waiting for the disk beyond this drop the recorder (it re-attaches at once and
 *     starts again at the next key frame), so a stalled disk never holds the live viewers back
 */
public record RecordingSettings(Path root, Duration segmentLength, long maxQueuedBytes) {
  public RecordingSettings {
    Objects.requireNonNull(root, "root");
    if (segmentLength.isNegative() || segmentLength.isZero()) {
      throw new IllegalArgumentException("segmentLength must be positive");
    }
    root = root.toAbsolutePath();
  }

  /** One-minute segments, 64 MB of queue per stream. */
  public static RecordingSettings defaults(Path root) {
    return new RecordingSettings(root, Duration.ofMinutes(1), 64L << 20);
  }

  public RecordingSettings withSegmentLength(Duration length) {
    return new RecordingSettings(root, length, maxQueuedBytes);
  }
}
