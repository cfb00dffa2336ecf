package io.cordon.media.record;

import io.cordon.media.ts.TsPackets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the relay sends to play a recording from an instant: PAT/PMT, then the first segment from its last key
 * frame at or before the instant (so the picture starts at most one GOP early, never with grey), then the
 * following segments whole. {@link #start()} is that key frame's wall-clock time: the player adds its media time
 * to it to show the true time.
 *
 * @param start wall-clock time of the first picture sent
 * @param prefix bytes sent before the pieces (PAT/PMT when the first piece starts mid-file, else empty)
 * @param pieces file ranges sent one after the other
 */
public record PlaybackPlan(Instant start, byte[] prefix, List<Piece> pieces) {
  /** {@code length} bytes of {@code file} from {@code offset}. */
  public record Piece(Path file, long offset, long length) {}

  public PlaybackPlan {
    pieces = List.copyOf(pieces);
  }

  /** Sends a whole file (an export). */
  public static PlaybackPlan wholeFile(Path file, Instant start) throws IOException {
    return new PlaybackPlan(start, new byte[0], List.of(new Piece(file, 0, Files.size(file))));
  }

  /**
   * @param segments segments of one stream that overlap {@code [from, …)}, any order; a segment still being
   *     written is taken with {@link RecordedSegment#bytes()} as it was when listed
   * @return empty when there is no segment
   */
  public static Optional<PlaybackPlan> from(List<RecordedSegment> segments, Instant from) throws IOException {
    List<RecordedSegment> used = segments.stream().filter(s -> s.end().isAfter(from) || s.contains(from))
        .sorted(Comparator.comparing(RecordedSegment::start)).toList();
    if (used.isEmpty()) {
      return Optional.empty();
    }
    RecordedSegment first = used.get(0);
    long firstBytes = whole(first.bytes());
    byte[] ts;
    try (InputStream in = Files.newInputStream(first.path())) {
      ts = in.readNBytes((int) Math.min(firstBytes, Integer.MAX_VALUE - 8));
    }
    SegmentFrames frames = SegmentFrames.of(ts, first.start());
    int key = frames.lastKeyFrameAtOrBefore(from);
    List<Piece> pieces = new ArrayList<>();
    pieces.add(new Piece(first.path(), key, ts.length - key));
    for (RecordedSegment next : used.subList(1, used.size())) {
      pieces.add(new Piece(next.path(), 0, whole(next.bytes())));
    }
    Instant start = frames.timeAt(key);
    return Optional.of(new PlaybackPlan(start.equals(Instant.EPOCH) ? first.start() : start,
        key > 0 ? frames.tables() : new byte[0], pieces));
  }

  private static long whole(long bytes) {
    return bytes - bytes % TsPackets.SIZE;
  }
}
