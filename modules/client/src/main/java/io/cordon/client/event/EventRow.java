package io.cordon.client.event;

import io.cordon.api.v1.Event;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the event list, ready to show: the time is already in park time (Asia/Shanghai).
 * Texts in the operator's language come from {@link EventDescriptions}; {@code summary} is the
 * server's own (English) line, kept for types the client does not know.
 *
 * @param subjects what the event is about, the main subject first
 * @param attributes type-specific details, e.g. {@code sensor_type}, {@code detail}
 * @param location where it happened, when known
 */
public record EventRow(
    long seq,
    Instant time,
    String timeText,
    String type,
    List<EventSubject> subjects,
    Map<String, String> attributes,
    String summary,
    EventSeverity severity,
    Optional<EventLocation> location) {

  public static final ZoneId PARK_TIME_ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter TIME_FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(PARK_TIME_ZONE);

  public EventRow {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(timeText, "timeText");
    Objects.requireNonNull(type, "type");
    subjects = List.copyOf(subjects);
    attributes = Map.copyOf(attributes);
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(location, "location");
  }

  public static EventRow from(Event event) {
    Instant time = Instant.ofEpochSecond(event.getTime().getSeconds(), event.getTime().getNanos());
    List<EventSubject> subjects =
        event.getSubjectsList().stream().map(s -> new EventSubject(s.getKind(), s.getId())).toList();
    return new EventRow(
        event.getSeq(),
        time,
        TIME_FORMAT.format(time),
        event.getType(),
        subjects,
        event.getAttributesMap(),
        event.getSummary(),
        EventSeverity.of(event.getType(), event.getAttributesMap()),
        event.hasLocation()
            ? Optional.of(new EventLocation(event.getLocation().getLon(), event.getLocation().getLat()))
            : Optional.empty());
  }

  /** The main subject's kind, e.g. {@code sensor}; empty when there is none. */
  public String subjectKind() {
    return subjects.isEmpty() ? "" : subjects.get(0).kind();
  }

  /** The main subject's id, e.g. {@code S-012}; empty when there is none. */
  public String subjectId() {
    return subjects.isEmpty() ? "" : subjects.get(0).id();
  }

  /** The first subject of {@code kind}, e.g. the perimeter segment of a sensor event. */
  public Optional<EventSubject> subjectOfKind(String kind) {
    return subjects.stream().filter(s -> s.kind().equals(kind)).findFirst();
  }

  /** The main subject as {@code kind id}, e.g. {@code sensor S-012}; empty when there is none. */
  public String subject() {
    return subjectKind().isEmpty() ? subjectId() : subjectKind() + " " + subjectId();
  }
}
