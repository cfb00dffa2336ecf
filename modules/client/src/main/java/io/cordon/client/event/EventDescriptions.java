package io.cordon.client.event;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An event's texts in the operator's language: type, main subject and a one-line summary built
 * from the type, the subjects and the attributes — not the server's English summary, which is
 * only the fallback for types the client does not know.
 *
 * <p>Texts come from a message lookup (the client's resource bundles) that is asked again on
 * every call, so a language switch shows on the next render. Keys, patterns in {@link
 * MessageFormat} syntax:
 *
 * <pre>
 * event.type.TYPE          the type's name                   sensor.heartbeat → 传感器心跳
 * subject.kind.KIND        a subject kind                    sensor → 传感器
 * event.summary.TYPE       the headline, {0} = sensor id     传感器 {0} 心跳
 * event.summary.segment    {0} = segment id                  周界段 {0}
 * event.summary.details    {0} = the details joined          （{0}）
 * event.summary.separator  between details                   ，
 * event.summary.detail     {0} = summary, {1} = device text  {0}：{1}
 * sensor.type.SENSOR_TYPE  a detector type                   FENCE_VIBRATION → 围栏振动
 * </pre>
 *
 * A summary key exists for the sensor events (heartbeat, intrusion, fault, tamper); alarms also
 * name the detector type, since that tells the operator what to expect on site.
 *
 * <p>The alarm center's events ({@code alarm.raised}, {@code alarm.acknowledge} … and the devices'
 * {@code alarm.report}) use {@code event.summary.alarm.ACTION} with {0} = alarm id, {1} = alarm
 * type ({@code alarm.type.TYPE}), {2} = who ({@code alarm.history.system} for the system), {3} =
 * count, {4} = severity ({@code alarm.severity.SEVERITY}), {5} = the source ("传感器 S-0034"),
 * {6} = snoozed until (park time); a note, reason or device text follows as {@code
 * event.summary.detail}. E.g. {@code {0} {1} 已接警（{2}）} → A-000012 周界入侵 已接警（operator）.
 *
 * <p>Every other type with an {@code event.summary.TYPE} pattern (gate access, emergencies,
 * incidents, registration, trips, parking lot …) is written with {0} = the main subject's id and
 * <em>named arguments</em>, which any pattern above may use as well:
 *
 * <pre>
 * {name}                the attribute {@code name}, else the id of the first subject of kind
 *                       {@code name}, else empty              {plate}, {gate}, {vehicle}
 * {name:prefix}         that value in words: key {@code prefix.VALUE}, the value itself when there
 *                       is none; a comma-separated value item by item, joined with
 *                       {@code event.summary.separator}       {rule:gate.rule} → 通行证有效
 * {name:time}           an instant in park time, MM-dd HH:mm  {until:time} → 11-25 10:30
 * {name/key}            empty when the value is, else the pattern {@code key} with {0} = the value,
 *                       for optional parts                    {lane/event.summary.lane} → /L1
 * {name:prefix/key}     both
 * </pre>
 *
 * E.g. {@code event.summary.gate.agent=卡口 {gate} 的终端 {agent} {state:event.value.agent}} →
 * 卡口 G5 的终端 sim-G5 已连接. Values in words without a vocabulary elsewhere (booleans,
 * connection states, review steps …) are under {@code event.value.NAME.VALUE}. As in any
 * MessageFormat pattern, a single quote must be doubled.
 */
public final class EventDescriptions {
  public static final String SENSOR = "sensor";
  public static final String GATE = "gate";
  public static final String GATE_STATE = "gate.state";
  public static final String GATE_COMMAND = "gate.command";
  public static final String SEGMENT = "segment";
  public static final String SENSOR_TYPE = "sensor_type";
  public static final String DETAIL = "detail";
  public static final String ALARM = "alarm";
  public static final String ALARM_EVENT_PREFIX = "alarm.";
  public static final String ALARM_ID = "alarm_id";
  private static final String SYSTEM = "system";
  private static final String SENSOR_EVENT_PREFIX = "sensor.";
  private static final String TIME = "time";
  /** A named argument: {name}, {name:prefix}, {name/key} or {name:prefix/key}. */
  private static final Pattern NAMED =
      Pattern.compile("\\{([a-z][a-z0-9_]*)(?::([A-Za-z0-9_.]+))?(?:/([A-Za-z0-9_.]+))?}");
  private static final DateTimeFormatter UNTIL =
      DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(EventRow.PARK_TIME_ZONE);

  private final Function<String, Optional<String>> messages;

  /** @param messages the text of a key in the current language, empty when there is none */
  public EventDescriptions(Function<String, Optional<String>> messages) {
    this.messages = Objects.requireNonNull(messages, "messages");
  }

  /** The type's name, e.g. 周界入侵报警; the raw type when unknown. */
  public String type(EventRow row) {
    return messages.apply("event.type." + row.type()).orElse(row.type());
  }

  /** The main subject, e.g. 传感器 S-0034; the raw kind when unknown. */
  public String subject(EventRow row) {
    if (row.subjectKind().isEmpty()) {
      return row.subjectId();
    }
    return messages.apply("subject.kind." + row.subjectKind()).orElse(row.subjectKind()) + " " + row.subjectId();
  }

  /** The one-line summary in the operator's language, or the server's for unknown types. */
  public String summary(EventRow row) {
    if (row.type().startsWith(ALARM_EVENT_PREFIX)) {
      return alarmSummary(row).orElse(row.summary());
    }
    Optional<EventSubject> gate = row.subjectOfKind(GATE);
    if (gate.isPresent() && row.type().equals(GATE_STATE)) {
      String state = row.attributes().getOrDefault("state", "");
      return messages.apply("event.summary.gate.state")
          .map(p -> format(p, row, gate.get().id(), messages.apply("gate.state." + state).orElse(state)))
          .orElse(row.summary());
    }
    if (gate.isPresent() && row.type().equals(GATE_COMMAND)) {
      String action = row.attributes().getOrDefault("action", "");
      return messages.apply("event.summary.gate.command." + action)
          .map(p -> format(p, row, gate.get().id(), row.attributes().getOrDefault("user", ""),
              row.attributes().getOrDefault("reason", "")))
          .orElse(row.summary());
    }
    Optional<String> headline = messages.apply("event.summary." + row.type());
    if (headline.isEmpty()) {
      return row.summary();
    }
    if (!row.type().startsWith(SENSOR_EVENT_PREFIX)) {
      return format(headline.get(), row, row.subjectId());
    }
    Optional<EventSubject> sensor = row.subjectOfKind(SENSOR);
    if (sensor.isEmpty()) {
      return row.summary();
    }
    String text = format(headline.get(), row, sensor.get().id());

    List<String> details = new ArrayList<>();
    row.subjectOfKind(SEGMENT).ifPresent(segment -> details.add(format(message("event.summary.segment"), segment.id())));
    String sensorType = row.attributes().getOrDefault(SENSOR_TYPE, "");
    if (row.severity() != EventSeverity.INFO && !sensorType.isBlank()) {
      details.add(messages.apply("sensor.type." + sensorType).orElse(sensorType));
    }
    if (!details.isEmpty()) {
      text += format(message("event.summary.details"), String.join(message("event.summary.separator"), details));
    }

    String detail = row.attributes().getOrDefault(DETAIL, "").strip();
    // the device's own words, shown as sent: there is no vocabulary for them yet
    return detail.isEmpty() ? text : format(message("event.summary.detail"), text, detail);
  }

  /** An alarm center event in the operator's words; empty for an action without a pattern. */
  private Optional<String> alarmSummary(EventRow row) {
    Optional<String> pattern = messages.apply("event.summary." + row.type());
    if (pattern.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> attributes = row.attributes();
    String alarmId = attributes.getOrDefault(ALARM_ID, row.subjectOfKind(ALARM).map(EventSubject::id).orElse(""));
    String type = attributes.getOrDefault("type", "");
    String by = attributes.getOrDefault("by", "");
    String severity = attributes.getOrDefault("severity", "");
    String source = row.subjects().stream().filter(s -> !s.kind().equals(ALARM)).findFirst()
        .map(s -> messages.apply("subject.kind." + s.kind()).orElse(s.kind()) + " " + s.id()).orElse("");
    String text = format(pattern.get(), row,
        alarmId,
        type.isEmpty() ? "" : messages.apply("alarm.type." + type).orElse(type),
        by.isEmpty() || by.equals(SYSTEM) ? messages.apply("alarm.history.system").orElse(SYSTEM) : by,
        attributes.getOrDefault("count", ""),
        severity.isEmpty() ? "" : messages.apply("alarm.severity." + severity).orElse(severity),
        source,
        until(attributes.getOrDefault("until", "")));
    String note = firstNonBlank(attributes.get("note"), attributes.get("reason"), attributes.get(DETAIL));
    return Optional.of(note.isEmpty() ? text : format(message("event.summary.detail"), text, note));
  }

  private static String until(String instant) {
    if (instant.isEmpty()) {
      return "";
    }
    try {
      return UNTIL.format(Instant.parse(instant));
    } catch (DateTimeParseException e) {
      return instant;
    }
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return "";
  }

  /** A key every bundle must have; shows the key itself when missing, so the gap is visible. */
  private String message(String key) {
    return messages.apply(key).orElse(key);
  }

  /** {@code pattern} with the numbered arguments given and the named ones taken from the event. */
  private String format(String pattern, EventRow row, Object... numbered) {
    List<Object> args = new ArrayList<>(List.of(numbered));
    Matcher named = NAMED.matcher(pattern);
    StringBuilder numberedPattern = new StringBuilder();
    while (named.find()) {
      args.add(named(row, named.group(1), named.group(2), named.group(3)));
      named.appendReplacement(numberedPattern, Matcher.quoteReplacement("{" + (args.size() - 1) + "}"));
    }
    named.appendTail(numberedPattern);
    return format(numberedPattern.toString(), args.toArray());
  }

  /** A named argument's text: the attribute, else the subject of that kind; in words, wrapped. */
  private String named(EventRow row, String name, String prefix, String wrapper) {
    String value = row.attributes().getOrDefault(name, "").strip();
    if (value.isEmpty()) {
      value = row.subjectOfKind(name).map(EventSubject::id).orElse("");
    }
    if (value.isEmpty()) {
      return "";
    }
    if (prefix != null) {
      value = inWords(prefix, value);
    }
    return wrapper == null ? value : format(message(wrapper), value);
  }

  private String inWords(String prefix, String value) {
    if (prefix.equals(TIME)) {
      return until(value);
    }
    List<String> words = new ArrayList<>();
    for (String item : value.split(",")) {
      String key = item.strip();
      if (!key.isEmpty()) {
        words.add(messages.apply(prefix + "." + key).orElse(key));
      }
    }
    return String.join(message("event.summary.separator"), words);
  }

  private static String format(String pattern, Object... args) {
    return new MessageFormat(pattern, Locale.ROOT).format(args);
  }
}
