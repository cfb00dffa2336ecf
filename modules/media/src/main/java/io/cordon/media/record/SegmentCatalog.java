package io.cordon.media.record;

import io.cordon.media.source.StreamProfile;
import java.time.Instant;
import java.util.List;

/**
 * The index of recorded segments. The recorder reports each closed segment; retention and playback ask it. The
 * server implements it over its database (with alarm evidence protection); the standalone relay scans its
 * directory ({@link DirectorySegmentCatalog}). Implementations are thread-safe.
 */
public interface SegmentCatalog {
  /** Indexes a closed segment. Reporting the same path again is harmless. */
  void recorded(RecordedSegment segment);

  /** Segments of one stream that overlap {@code [from, to)}, by start time. */
  List<RecordedSegment> segments(String cameraId, StreamProfile profile, Instant from, Instant to);

  /** Cameras with at least one indexed segment. */
  List<String> cameras();

  /** Up to {@code limit} unprotected segments of {@code cameraId} that ended before {@code endedBefore}, oldest first. */
  List<RecordedSegment> expired(String cameraId, Instant endedBefore, int limit);

  /** Up to {@code limit} unprotected segments of any camera, oldest first (the disk guard frees space with them). */
  List<RecordedSegment> oldestUnprotected(int limit);

  /** How many segments are protected (kept as evidence) right now. */
  long protectedCount();

  /** Forgets a segment whose file was deleted. */
  void removed(RecordedSegment segment);
}
