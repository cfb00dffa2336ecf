package io.cordon.media.record;

import io.cordon.media.source.StreamProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;

/**
 * The index of a standalone relay (no database): built by scanning the recordings directory at start (the
 * file names carry camera, profile, start and end), then kept in memory. Nothing is protected here; alarm
 * evidence protection needs the server's catalog.
 */
public final class DirectorySegmentCatalog implements SegmentCatalog {
  private static final Comparator<RecordedSegment> BY_START =
      Comparator.comparing(RecordedSegment::start).thenComparing(s -> s.path().toString());

  private final Map<String, ConcurrentSkipListSet<RecordedSegment>> byCamera = new ConcurrentHashMap<>();

  private DirectorySegmentCatalog() {}

  /** Indexes every closed segment under {@code files.root()} (partial ones are closed by the recorder). */
  public static DirectorySegmentCatalog scan(SegmentFiles files) {
    DirectorySegmentCatalog catalog = new DirectorySegmentCatalog();
    if (!Files.isDirectory(files.root())) {
      return catalog;
    }
    try (Stream<Path> cameras = Files.list(files.root())) {
      for (Path cameraDir : cameras.filter(Files::isDirectory).toList()) {
        String cameraId = SegmentFiles.cameraOf(cameraDir);
        try (Stream<Path> all = Files.walk(cameraDir, 2)) {
          for (Path file : all.filter(Files::isRegularFile).toList()) {
            SegmentFiles.parseDone(file, cameraId, Files.size(file)).ifPresent(catalog::recorded);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot scan recordings in " + files.root(), e);
    }
    return catalog;
  }

  @Override
  public void recorded(RecordedSegment segment) {
    var set = byCamera.computeIfAbsent(segment.cameraId(), c -> new ConcurrentSkipListSet<>(BY_START));
    set.removeIf(s -> s.path().equals(segment.path()));
    set.add(segment);
  }

  @Override
  public List<RecordedSegment> segments(String cameraId, StreamProfile profile, Instant from, Instant to) {
    return byCamera.getOrDefault(cameraId, new ConcurrentSkipListSet<>(BY_START)).stream()
        .filter(s -> s.profile() == profile && s.overlaps(from, to)).toList();
  }

  @Override
  public List<String> cameras() {
    return byCamera.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).sorted().toList();
  }

  @Override
  public List<RecordedSegment> expired(String cameraId, Instant endedBefore, int limit) {
    return byCamera.getOrDefault(cameraId, new ConcurrentSkipListSet<>(BY_START)).stream()
        .filter(s -> !s.end().isAfter(endedBefore)).limit(limit).toList();
  }

  @Override
  public List<RecordedSegment> oldestUnprotected(int limit) {
    List<RecordedSegment> all = new ArrayList<>();
    byCamera.values().forEach(all::addAll);
    return all.stream().sorted(BY_START).limit(limit).toList();
  }

  @Override
  public long protectedCount() {
    return 0;
  }

  @Override
  public void removed(RecordedSegment segment) {
    var set = byCamera.get(segment.cameraId());
    if (set != null) {
      set.removeIf(s -> s.path().equals(segment.path()));
    }
  }
}
