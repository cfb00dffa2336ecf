package io.cordon.video.playback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A stretch of time with recording ({@code [start, end)}), for the time bar. */
public record RecordedRange(Instant start, Instant end) {
  /** Segments closer than this are one stretch on the bar (segments of one pull touch, give or take a frame). */
  static final java.time.Duration JOIN = java.time.Duration.ofSeconds(2);

  public RecordedRange {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("range ends before it starts");
    }
  }

  /** Sorted, with touching or overlapping ranges joined: what the bar paints. */
  public static List<RecordedRange> merged(List<RecordedRange> ranges) {
    List<RecordedRange> sorted = new ArrayList<>(ranges);
    sorted.sort(Comparator.comparing(RecordedRange::start));
    List<RecordedRange> out = new ArrayList<>();
    for (RecordedRange r : sorted) {
      RecordedRange last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && !r.start().isAfter(last.end().plus(JOIN))) {
        out.set(out.size() - 1, new RecordedRange(last.start(), r.end().isAfter(last.end()) ? r.end() : last.end()));
      } else {
        out.add(r);
      }
    }
    return out;
  }
}
