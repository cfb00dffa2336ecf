package io.cordon.media.record;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the relay records.
 *
 * @param root recordings directory ({@code <data dir>/recordings})
 * @param segmentLength about how long each file is (cut at the first key frame after it)
 * @param exportsDir where exported clips are written ({@code <data dir>/exports})
 * @param maxQueuedBytes packets waiting for the disk beyond this drop the recorder (it re-attaches at once and
 *     starts again at the next key frame), so a stalled disk never holds the live viewers back
 */
public record RecordingSettings(Path root, Duration segmentLength, long maxQueuedBytes, Path exportsDir) {
  public RecordingSettings {
    Objects.requireNonNull(root, "root");
    if (segmentLength.isNegative() || segmentLength.isZero()) {
      throw new IllegalArgumentException("segmentLength must be positive");
    }
    root = root.toAbsolutePath();
    exportsDir = exportsDir.toAbsolutePath();
  }

  /** One-minute segments, 64 MB of queue per stream, exports next to {@code root}. */
  public static RecordingSettings defaults(Path root) {
    return new RecordingSettings(root, Duration.ofMinutes(1), 64L << 20,
        root.toAbsolutePath().resolveSibling("exports"));
  }

  public RecordingSettings withSegmentLength(Duration length) {
    return new RecordingSettings(root, length, maxQueuedBytes, exportsDir);
  }

  public RecordingSettings withExportsDir(Path dir) {
    return new RecordingSettings(root, segmentLength, maxQueuedBytes, dir);
  }
}
