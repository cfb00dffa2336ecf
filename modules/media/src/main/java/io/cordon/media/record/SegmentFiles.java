package io.cordon.media.record;

import io.cordon.media.source.StreamProfile;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Where segments live: {@code <root>/<camera>/<yyyy-MM-dd>/<profile>_<start>_<end>.ts} (UTC; the camera id
 * percent-encoded), and {@code <profile>_<start>.ts.part} while being written. The names carry everything the
 * index holds, so a directory alone can be re-indexed.
 */
public final class SegmentFiles {
  static final String PART = ".ts.part";
  static final String DONE = ".ts";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Path root;

  public SegmentFiles(Path root) {
    this.root = root.toAbsolutePath();
  }

  public Path root() {
    return root;
  }

  public Path cameraDir(String cameraId) {
    return root.resolve(URLEncoder.encode(cameraId, StandardCharsets.UTF_8));
  }

  static String cameraOf(Path cameraDir) {
    return URLDecoder.decode(cameraDir.getFileName().toString(), StandardCharsets.UTF_8);
  }

  Path partial(String cameraId, StreamProfile profile, Instant start) {
    return cameraDir(cameraId).resolve(DAY.format(start)).resolve(profile.urlName() + "_" + STAMP.format(start) + PART);
  }

  static Path done(Path partial, Instant end) {
    String name = partial.getFileName().toString();
    return partial.resolveSibling(name.substring(0, name.length() - PART.length()) + "_" + STAMP.format(end) + DONE);
  }

  /** The segment a closed file's name describes, or empty when the name is not one of ours. */
  static Optional<RecordedSegment> parseDone(Path file, String cameraId, long bytes) {
    String name = file.getFileName().toString();
    if (!name.endsWith(DONE)) {
      return Optional.empty();
    }
    String[] parts = name.substring(0, name.length() - DONE.length()).split("_");
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      Optional<StreamProfile> profile = StreamProfile.fromUrlName(parts[0]);
      Instant start = Instant.from(STAMP.parse(parts[1]));
      Instant end = Instant.from(STAMP.parse(parts[2]));
      return profile.filter(p -> !end.isBefore(start))
          .map(p -> new RecordedSegment(cameraId, p, start, end, bytes, file.toAbsolutePath()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Profile and start of a partial file, or empty when the name is not one of ours. */
  static Optional<RecordedSegment> parsePartial(Path file, String cameraId, Instant end, long bytes) {
    String name = file.getFileName().toString();
    if (!name.endsWith(PART)) {
      return Optional.empty();
    }
    String[] parts = name.substring(0, name.length() - PART.length()).split("_");
    if (parts.length != 2) {
      return Optional.empty();
    }
    try {
      Optional<StreamProfile> profile = StreamProfile.fromUrlName(parts[0]);
      Instant start = Instant.from(STAMP.parse(parts[1]));
      Instant safeEnd = end.isBefore(start) ? start : end;
      return profile.map(p -> new RecordedSegment(cameraId, p, start, safeEnd, bytes, file.toAbsolutePath()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
