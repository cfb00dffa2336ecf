package io.cordon.client.timeline;

import io.cordon.api.v1.TimelineEntry;
import io.cordon.api.v1.TimelineLane;
import io.cordon.client.event.EventRow;
import io.cordon.client.event.EventSeverity;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a timeline as the view draws it: a journal event in its lane, an instant or — for an
 * alarm open until its close — a span.
 *
 * @param lane never UNSPECIFIED (read as OTHER)
 * @param event the journal event, ready to describe in the operator's language
 * @param end the span's end; null for an instant
 */
public record TimelineMark(TimelineLane lane, EventRow event, Instant end) {
  public TimelineMark {
    Objects.requireNonNull(lane, "lane");
    Objects.requireNonNull(event, "event");
    if (end != null && end.isBefore(event.time())) {
      end = event.time();
    }
  }

  public static TimelineMark of(TimelineEntry entry) {
    return new TimelineMark(TimelineLanes.laneOf(entry.getLane()), EventRow.from(entry.getEvent()),
        entry.hasEnd() ? TimelineClient.instant(entry.getEnd()) : null);
  }

  public Instant time() {
    return event.time();
  }

  public long seq() {
    return event.seq();
  }

  public String type() {
    return event.type();
  }

  public EventSeverity severity() {
    return event.severity();
  }

  public boolean isSpan() {
    return end != null;
  }

  public Optional<Instant> endTime() {
    return Optional.ofNullable(end);
  }

  /** Whether the mark is at {@code t} give or take {@code toleranceMillis}, or its span covers it. */
  public boolean isNear(Instant t, long toleranceMillis) {
    long at = t.toEpochMilli();
    long start = time().toEpochMilli();
    long stop = end == null ? start : end.toEpochMilli();
    return at >= start - toleranceMillis && at <= stop + toleranceMillis;
  }
}
