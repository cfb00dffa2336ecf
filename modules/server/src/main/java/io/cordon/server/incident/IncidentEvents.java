package io.cordon.server.incident;

import io.cordon.server.event.NewEvent;
import io.cordon.server.event.SubjectKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The journal events of incidents: about the incident, then the user who changed it. */
final class IncidentEvents {

  static final String CREATED = "incident.created";
  static final String ALARMS_ADDED = "incident.alarms_added";
  static final String CLOSED = "incident.closed";
  private static final int MAX_TEXT = 400;

  private IncidentEvents() {
  }

  static NewEvent created(String incidentId, String title, List<String> alarmIds, String by, Instant at) {
    return new NewEvent(at, CREATED, subjects(incidentId, by), Optional.empty(),
        clip(incidentId + " opened by " + by + ": " + title),
        Map.of("title", title, "alarm_ids", clip(String.join(",", alarmIds)), "by", by));
  }

  static NewEvent alarmsAdded(String incidentId, List<String> alarmIds, String by, Instant at) {
    return new NewEvent(at, ALARMS_ADDED, subjects(incidentId, by), Optional.empty(),
        clip(incidentId + ": " + String.join(", ", alarmIds) + " added by " + by),
        Map.of("alarm_ids", clip(String.join(",", alarmIds)), "by", by));
  }

  static NewEvent closed(String incidentId, String conclusion, String by, Instant at) {
    return new NewEvent(at, CLOSED, subjects(incidentId, by), Optional.empty(),
        clip(incidentId + " closed by " + by + ": " + conclusion),
        Map.of("conclusion", clip(conclusion), "by", by));
  }

  private static List<SubjectKey> subjects(String incidentId, String by) {
    return List.of(new SubjectKey("incident", incidentId), new SubjectKey("user", by));
  }

  private static String clip(String text) {
    return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT - 1) + "…" : text;
  }
}
