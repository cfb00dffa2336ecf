package io.cordon.client.event;

/** How urgently an event asks for attention; drives the severity colours of the theme. */
public enum EventSeverity {
  CRITICAL,
  MAJOR,
  MINOR,
  INFO;

  /** The severity of an event type such as {@code sensor.intrusion}. */
  public static EventSeverity ofType(String type) {
    if (type.endsWith(".intrusion") || type.startsWith("alarm.critical")) {
      return CRITICAL;
    }
    if (type.endsWith(".tamper") || type.startsWith("alarm.")) {
      return MAJOR;
    }
    if (type.endsWith(".fault")) {
      return MINOR;
    }
    return INFO;
  }
}
