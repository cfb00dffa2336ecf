package io.cordon.client.event;

import io.cordon.api.v1.Event;
import io.cordon.api.v1.SubjectRef;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/** One line of the event list, ready to show: the time is already in park time (Asia/Shanghai). */
public record EventRow(
    long seq,
    Instant time,
    String timeText,
    String type,
    String subjectKind,
    String subjectId,
    String summary,
    EventSeverity severity) {

  public static final ZoneId PARK_TIME_ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter TIME_FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(PARK_TIME_ZONE);

  public EventRow {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(timeText, "timeText");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(subjectKind, "subjectKind");
    Objects.requireNonNull(subjectId, "subjectId");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(severity, "severity");
  }

  public static EventRow from(Event event) {
    Instant time = Instant.ofEpochSecond(event.getTime().getSeconds(), event.getTime().getNanos());
    SubjectRef main = event.getSubjectsCount() == 0 ? SubjectRef.getDefaultInstance() : event.getSubjects(0);
    return new EventRow(
        event.getSeq(),
        time,
        TIME_FORMAT.format(time),
        event.getType(),
        main.getKind(),
        main.getId(),
        event.getSummary(),
        EventSeverity.ofType(event.getType()));
  }

  /** The main subject as {@code kind id}, e.g. {@code sensor S-012}; empty when there is none. */
  public String subject() {
    return subjectKind.isEmpty() ? subjectId : subjectKind + " " + subjectId;
  }
}
