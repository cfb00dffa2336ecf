package io.cordon.client.event;

import io.cordon.domain.alarm.AlarmType;
import java.util.Map;

/** How urgently an event asks for attention; drives the severity colours of the theme. */
public enum EventSeverity {
  CRITICAL,
  MAJOR,
  MINOR,
  INFO;

  private static final String ALARM_PREFIX = "alarm.";

  /** The severity of an event type such as {@code sensor.intrusion}. */
  public static EventSeverity ofType(String type) {
    if (type.endsWith(".intrusion") || type.startsWith("alarm.critical")) {
      return CRITICAL;
    }
    if (type.equals("alarm.snooze") || type.equals("alarm.unsnooze")) {
      return INFO; // an operator's housekeeping on a source, not an alarm
    }
    if (type.endsWith(".tamper") || type.startsWith(ALARM_PREFIX)) {
      return MAJOR;
    }
    if (type.endsWith(".fault")) {
      return MINOR;
    }
    return INFO;
  }

  /**
   * The severity of one event: an alarm center event ({@code alarm.*}) is as urgent as its alarm —
   * its {@code severity} attribute, else the default severity of its {@code type} attribute (a
   * device's report without an override) — other events go by {@link #ofType}.
   */
  public static EventSeverity of(String type, Map<String, String> attributes) {
    if (type.startsWith(ALARM_PREFIX)) {
      EventSeverity own = named(attributes.get("severity"));
      if (own != null) {
        return own;
      }
      EventSeverity typical = defaultOfAlarmType(attributes.get("type"));
      if (typical != null) {
        return typical;
      }
    }
    return ofType(type);
  }

  private static EventSeverity named(String name) {
    if (name == null) {
      return null;
    }
    for (EventSeverity severity : values()) {
      if (severity.name().equals(name)) {
        return severity;
      }
    }
    return null;
  }

  private static EventSeverity defaultOfAlarmType(String name) {
    if (name == null) {
      return null;
    }
    for (AlarmType type : AlarmType.values()) {
      if (type.name().equals(name)) {
        return valueOf(type.defaultSeverity().name());
      }
    }
    return null;
  }
}
