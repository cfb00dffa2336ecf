package io.cordon.media.record;

import io.cordon.media.source.StreamProfile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * One closed recording file: an MPEG-TS that starts with PAT/PMT and a video key frame, so it plays on its own.
 *
 * @param start wall-clock arrival of its first key frame (UTC)
 * @param end wall-clock arrival of the key frame that began the next segment, or of its last packet
 * @param bytes file size
 * @param path absolute file path
 */
public record RecordedSegment(String cameraId, StreamProfile profile, Instant start, Instant end, long bytes,
    Path path) {
  public RecordedSegment {
    Objects.requireNonNull(cameraId, "cameraId");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(path, "path");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("segment ends before it starts: " + start + " > " + end);
    }
  }

  /** True when the segment holds a moment of {@code [from, to)}: {@code start < to && end > from}. */
  public boolean overlaps(Instant from, Instant to) {
    return start.isBefore(to) && end.isAfter(from);
  }

  /** True when {@code instant} lies in {@code [start, end)}. */
  public boolean contains(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }
}
