package io.cordon.server.gate.emergency;

import io.cordon.api.v1.EmergencyGateState;
import io.cordon.api.v1.EmergencyScope;
import io.cordon.domain.park.Gate;
import io.cordon.server.event.JournalEvent;
import io.cordon.server.event.Location;
import io.cordon.server.event.NewEvent;
import io.cordon.server.event.SubjectKey;
import io.cordon.server.event.TypeFilter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The journal events of emergency openings, written and read back in one place. Subjects: the
 * emergency (kind {@code emergency}) and the users, or the gate and the emergency. The commands
 * themselves are {@code gate.command} events with an {@code emergency_id} attribute.
 */
final class EmergencyEvents {

  /** Attributes: emergency_id, user, second_person (may be empty), reason, scope (EMERGENCY_GATES/EVACUATION). */
  static final String OPENED = "emergency.opened";
  /**
   * One gate's progress changed. Attributes: emergency_id, state (COMMANDED, QUEUED, CONFIRMED,
   * FAILED, RESTORED), action, mode (with SET_MODE), command_seq (0 when it is the command journaled
   * in the same batch just before), attempts, detail.
   */
  static final String GATE = "emergency.gate";
  /** Attributes: emergency_id, user, reason. */
  static final String ENDED = "emergency.ended";
  /** Journaled by the gate-agent stream: attributes command_seq, done, detail, lane. */
  static final String COMMAND_RESULT = "gate.command_result";

  static final TypeFilter OPENINGS = new TypeFilter(List.of(OPENED));
  static final TypeFilter RESULTS = new TypeFilter(List.of(COMMAND_RESULT));
  /** What an emergency is rebuilt from: its own events and the commands it issued. */
  static final TypeFilter HISTORY = new TypeFilter(List.of("emergency.", "gate.command"));

  static final String ATTR_EMERGENCY_ID = "emergency_id";
  static final String ATTR_USER = "user";
  static final String ATTR_SECOND_PERSON = "second_person";
  static final String ATTR_REASON = "reason";
  static final String ATTR_SCOPE = "scope";
  static final String ATTR_STATE = "state";
  static final String ATTR_ACTION = "action";
  static final String ATTR_MODE = "mode";
  static final String ATTR_COMMAND_SEQ = "command_seq";
  static final String ATTR_ATTEMPTS = "attempts";
  static final String ATTR_DETAIL = "detail";
  static final String ATTR_DONE = "done";

  private static final String STATE_PREFIX = "EMERGENCY_GATE_STATE_";
  private static final String SCOPE_PREFIX = "EMERGENCY_SCOPE_";
  private static final int MAX_SUMMARY = 500;
  private static final int MAX_DETAIL = 256;

  private EmergencyEvents() {
  }

  static NewEvent opened(String id, EmergencyScope scope, String reason, String user, String secondPerson,
      Instant at) {
    List<SubjectKey> subjects = new ArrayList<>(List.of(new SubjectKey("emergency", id), new SubjectKey("user", user)));
    if (!secondPerson.isEmpty()) {
      subjects.add(new SubjectKey("user", secondPerson));
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(ATTR_EMERGENCY_ID, id);
    attributes.put(ATTR_USER, user);
    attributes.put(ATTR_SECOND_PERSON, secondPerson);
    attributes.put(ATTR_REASON, reason);
    attributes.put(ATTR_SCOPE, scopeName(scope));
    String what = scope == EmergencyScope.EMERGENCY_SCOPE_EVACUATION
        ? "Evacuation: emergency gates opened, every other gate in evacuation mode"
        : "Emergency gates opened";
    String by = secondPerson.isEmpty() ? user : user + " and " + secondPerson;
    return new NewEvent(at, OPENED, subjects, Optional.empty(), shorten(what + " (" + id + ") by " + by + ": " + reason),
        attributes);
  }

  static NewEvent gate(String id, Gate gate, GateProgress progress, Instant at) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(ATTR_EMERGENCY_ID, id);
    attributes.put(ATTR_STATE, stateName(progress.state));
    attributes.put(ATTR_ACTION, progress.action.name());
    progress.mode.ifPresent(mode -> attributes.put(ATTR_MODE, mode.name()));
    attributes.put(ATTR_COMMAND_SEQ, Long.toString(progress.commandSeq));
    attributes.put(ATTR_ATTEMPTS, Integer.toString(progress.attempts));
    String detail = progress.detail.length() > MAX_DETAIL ? progress.detail.substring(0, MAX_DETAIL) : progress.detail;
    attributes.put(ATTR_DETAIL, detail);
    String summary = "Emergency " + id + ": gate " + gate.id() + " " + gate.name() + " " + stateName(progress.state)
        + (detail.isEmpty() ? "" : " (" + detail + ")");
    return new NewEvent(at, GATE, List.of(new SubjectKey("gate", gate.id().value()), new SubjectKey("emergency", id)),
        Optional.of(new Location(gate.position().getX(), gate.position().getY())), shorten(summary), attributes);
  }

  static NewEvent ended(String id, String user, String reason, Instant at) {
    Map<String, String> attributes = Map.of(ATTR_EMERGENCY_ID, id, ATTR_USER, user, ATTR_REASON, reason);
    return new NewEvent(at, ENDED, List.of(new SubjectKey("emergency", id), new SubjectKey("user", user)),
        Optional.empty(), shorten("Emergency " + id + " ended by " + user + ", restoring normal modes: " + reason),
        attributes);
  }

  static String emergencyIdOf(JournalEvent event) {
    return event.attributes().getOrDefault(ATTR_EMERGENCY_ID, "");
  }

  static EmergencyScope scopeOf(JournalEvent event) {
    return EmergencyScope.valueOf(SCOPE_PREFIX + event.attributes().get(ATTR_SCOPE));
  }

  static EmergencyGateState stateOf(JournalEvent event) {
    return EmergencyGateState.valueOf(STATE_PREFIX + event.attributes().get(ATTR_STATE));
  }

  static String scopeName(EmergencyScope scope) {
    return scope.name().substring(SCOPE_PREFIX.length());
  }

  static String stateName(EmergencyGateState state) {
    return state.name().substring(STATE_PREFIX.length());
  }

  /** The command seq a {@code gate.command_result} answers; 0 when it names none. */
  static long answeredCommand(JournalEvent result) {
    try {
      return Long.parseLong(result.attributes().getOrDefault(ATTR_COMMAND_SEQ, "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static boolean done(JournalEvent result) {
    return Boolean.parseBoolean(result.attributes().getOrDefault(ATTR_DONE, "false"));
  }

  static String detailOf(JournalEvent event) {
    return event.attributes().getOrDefault(ATTR_DETAIL, "");
  }

  private static String shorten(String summary) {
    return summary.length() <= MAX_SUMMARY ? summary : summary.substring(0, MAX_SUMMARY - 1) + "…";
  }
}
