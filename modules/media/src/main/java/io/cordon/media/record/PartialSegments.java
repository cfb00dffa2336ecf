package io.cordon.media.record;

import io.cordon.media.source.StreamProfile;
import io.cordon.media.ts.TsPackets;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes what a killed relay left: each {@code .ts.part} of a camera is cut to whole packets, named with its last
 * write as end time and indexed; closed files the index lacks are indexed too. Only the two newest day
 * directories are looked at (a crash leaves at most the segment that was being written when it happened).
 */
final class PartialSegments {
  private static final Logger LOG = LoggerFactory.getLogger(PartialSegments.class);
  /** A file with no more than the PAT/PMT prefix holds no picture. */
  private static final long MIN_BYTES = 3L * TsPackets.SIZE;

  private PartialSegments() {}

  static List<RecordedSegment> recover(SegmentFiles files, String cameraId, StreamProfile profile,
      SegmentCatalog catalog) {
    Path cameraDir = files.cameraDir(cameraId);
    if (!Files.isDirectory(cameraDir)) {
      return List.of();
    }
    try (Stream<Path> days = Files.list(cameraDir)) {
      List<Path> newest = days.filter(Files::isDirectory)
          .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).limit(2).toList();
      List<RecordedSegment> out = new java.util.ArrayList<>();
      for (Path day : newest) {
        try (Stream<Path> names = Files.list(day)) {
          for (Path part : names.filter(p -> p.getFileName().toString().endsWith(SegmentFiles.PART)).toList()) {
            close(part, cameraId, profile, catalog).ifPresent(out::add);
          }
        }
        out.addAll(indexMissing(day, cameraId, profile, catalog));
      }
      return out;
    } catch (IOException e) {
      LOG.error("recording {}: cannot look for partial segments in {}: {}", cameraId, cameraDir, e.toString());
      return List.of();
    }
  }

  /**
   * Closed files the index lacks: a kill between a segment's rename and its index write (or an index that was
   * unreachable then) leaves one. Asks the index once for the day's range.
   */
  private static List<RecordedSegment> indexMissing(Path day, String cameraId, StreamProfile profile,
      SegmentCatalog catalog) throws IOException {
    List<RecordedSegment> onDisk = new java.util.ArrayList<>();
    try (Stream<Path> names = Files.list(day)) {
      for (Path file : names.filter(p -> p.getFileName().toString().endsWith(SegmentFiles.DONE)).toList()) {
        SegmentFiles.parseDone(file, cameraId, Files.size(file)).filter(s -> s.profile() == profile)
            .ifPresent(onDisk::add);
      }
    }
    if (onDisk.isEmpty()) {
      return List.of();
    }
    Instant from = onDisk.stream().map(RecordedSegment::start).min(Comparator.naturalOrder()).orElseThrow();
    Instant to = onDisk.stream().map(RecordedSegment::end).max(Comparator.naturalOrder()).orElseThrow();
    java.util.Set<Path> indexed = new java.util.HashSet<>();
    catalog.segments(cameraId, profile, from.minusMillis(1), to.plusMillis(1)).forEach(s -> indexed.add(s.path()));
    List<RecordedSegment> missing = onDisk.stream().filter(s -> !indexed.contains(s.path())).toList();
    missing.forEach(catalog::recorded);
    if (!missing.isEmpty()) {
      LOG.info("recording {}/{}: indexed {} closed segments the index lacked", cameraId, profile.urlName(),
          missing.size());
    }
    return missing;
  }

  private static Optional<RecordedSegment> close(Path part, String cameraId, StreamProfile profile,
      SegmentCatalog catalog) throws IOException {
    long size = Files.size(part);
    Instant end = Files.getLastModifiedTime(part).toInstant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    Optional<RecordedSegment> parsed = SegmentFiles.parsePartial(part, cameraId, end, size);
    if (parsed.isEmpty() || parsed.get().profile() != profile) {
      return Optional.empty();
    }
    if (size < MIN_BYTES) {
      Files.delete(part);
      return Optional.empty();
    }
    long whole = size - size % TsPackets.SIZE;
    if (whole != size) {
      try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
        channel.truncate(whole);
      }
    }
    RecordedSegment found = parsed.get();
    Path done = SegmentFiles.done(part, found.end());
    Files.move(part, done, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    RecordedSegment segment = new RecordedSegment(cameraId, profile, found.start(), found.end(), whole, done);
    catalog.recorded(segment);
    LOG.info("recording {}/{}: closed the partial segment {} left by the last run", cameraId, profile.urlName(),
        done.getFileName());
    return Optional.of(segment);
  }
}
