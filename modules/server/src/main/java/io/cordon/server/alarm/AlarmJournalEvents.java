package io.cordon.server.alarm;

import io.cordon.domain.alarm.Alarm;
import io.cordon.domain.alarm.Snooze;
import io.cordon.domain.alarm.Transition;
import io.cordon.server.event.Location;
import io.cordon.server.event.NewEvent;
import io.cordon.server.event.SubjectKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The journal events of the alarm center: {@code alarm.<action>} with the alarm as first subject,
 * then its source and the park features it is at, so a timeline of a sensor, gate or camera
 * finds its alarms too.
 */
final class AlarmJournalEvents {

  private static final int MAX_NOTE = 400;

  private AlarmJournalEvents() {
  }

  static NewEvent raised(Alarm alarm) {
    return event(alarm, "raised", alarm.firstAt(), Transition.SYSTEM, alarm.detail());
  }

  static NewEvent repeat(Alarm alarm, Instant observedAt) {
    return event(alarm, "repeat", observedAt, Transition.SYSTEM, alarm.detail());
  }

  static NewEvent changed(Alarm alarm, Transition transition) {
    return event(alarm, transition.action(), transition.at(), transition.by(), transition.note());
  }

  static NewEvent held(Snooze snooze, String type, Instant observedAt) {
    return new NewEvent(observedAt, "alarm.held", List.of(new SubjectKey(snooze.source().kind(), snooze.source().id())),
        Optional.empty(), type + " from " + snooze.source() + " held: snoozed until " + snooze.until(),
        Map.of("type", type, "until", snooze.until().toString()));
  }

  static NewEvent snoozed(Snooze snooze, Instant at) {
    return new NewEvent(at, "alarm.snooze", List.of(new SubjectKey(snooze.source().kind(), snooze.source().id())),
        Optional.empty(), snooze.source() + " snoozed until " + snooze.until() + " by " + snooze.by() + ": "
            + snooze.reason(),
        Map.of("until", snooze.until().toString(), "by", snooze.by(), "reason", snooze.reason()));
  }

  static NewEvent unsnoozed(Snooze snooze, String by, Instant at) {
    return new NewEvent(at, "alarm.unsnooze", List.of(new SubjectKey(snooze.source().kind(), snooze.source().id())),
        Optional.empty(), snooze.source() + " no longer snoozed (" + by + ")", Map.of("by", by));
  }

  private static NewEvent event(Alarm alarm, String action, Instant at, String by, String note) {
    List<SubjectKey> subjects = new ArrayList<>();
    subjects.add(new SubjectKey("alarm", alarm.id().value()));
    subjects.add(new SubjectKey(alarm.source().kind(), alarm.source().id()));
    alarm.location().segment().ifPresent(s -> subjects.add(new SubjectKey("segment", s.value())));
    alarm.location().zone().ifPresent(z -> subjects.add(new SubjectKey("zone", z.value())));
    alarm.location().gate().filter(g -> !alarm.source().kind().equals("gate"))
        .ifPresent(g -> subjects.add(new SubjectKey("gate", g.value())));
    if (!by.equals(Transition.SYSTEM)) {
      subjects.add(new SubjectKey("user", by));
    }
    String clipped = note.length() > MAX_NOTE ? note.substring(0, MAX_NOTE) : note;
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("alarm_id", alarm.id().value());
    attributes.put("type", alarm.type().name());
    attributes.put("severity", alarm.severity().name());
    attributes.put("state", alarm.state().name());
    attributes.put("zone_class", alarm.location().zoneClass().name());
    attributes.put("incident", alarm.incident().value());
    attributes.put("count", Integer.toString(alarm.count()));
    attributes.put("version", Long.toString(alarm.version()));
    attributes.put("by", by);
    if (!clipped.isEmpty()) {
      attributes.put("note", clipped);
    }
    String summary = alarm.id() + " " + alarm.type() + " (" + alarm.severity().name().toLowerCase() + ") at "
        + alarm.source() + ": " + action + (by.equals(Transition.SYSTEM) ? "" : " by " + by)
        + (clipped.isEmpty() ? "" : " — " + clipped);
    return new NewEvent(at, "alarm." + action, subjects,
        Optional.of(new Location(alarm.location().lon(), alarm.location().lat())),
        summary.length() > 480 ? summary.substring(0, 480) : summary, attributes);
  }
}
