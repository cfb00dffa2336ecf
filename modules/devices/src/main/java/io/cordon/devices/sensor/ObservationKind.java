package io.cordon.devices.sensor;

/** What a perimeter sensor reported, with the journal event type it becomes. */
public enum ObservationKind {
  HEARTBEAT("sensor.heartbeat", "Heartbeat"),
  INTRUSION("sensor.intrusion", "Intrusion"),
  FAULT("sensor.fault", "Fault"),
  TAMPER("sensor.tamper", "Tamper");

  private final String eventType;
  private final String label;

  ObservationKind(String eventType, String label) {
    this.eventType = eventType;
    this.label = label;
  }

  /** The dotted journal event type, e.g. {@code sensor.intrusion}. */
  public String eventType() {
    return eventType;
  }

  String label() {
    return label;
  }
}
