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

  /**
   * The segment of a stream being written now (the newest partial file of today or yesterday, UTC), as it is
   * now: {@code end} and {@code bytes} are what has been written so far. Playback sends it after the closed ones,
   * so the last minute can be played too.
   */
  public Optional<RecordedSegment> growing(String cameraId, StreamProfile profile, Instant now) {
    Optional<RecordedSegment> newest = Optional.empty();
    for (Instant day : new Instant[] {now.minus(java.time.Duration.ofDays(1)), now}) {
      Path dir = cameraDir(cameraId).resolve(DAY.format(day));
      if (!java.nio.file.Files.isDirectory(dir)) {
        continue;
      }
      try (java.util.stream.Stream<Path> listed = java.nio.file.Files.list(dir)) {
        for (Path file : listed.filter(f -> f.getFileName().toString().startsWith(profile.urlName() + "_")).toList()) {
          Optional<RecordedSegment> part = parsePartial(file, cameraId, now, java.nio.file.Files.size(file));
          if (part.isPresent() && (newest.isEmpty() || part.get().start().isAfter(newest.get().start()))) {
            newest = part;
          }
        }
      } catch (java.io.IOException e) {
        // closed and renamed meanwhile: it is in the catalog now
      }
    }
    return newest;
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
