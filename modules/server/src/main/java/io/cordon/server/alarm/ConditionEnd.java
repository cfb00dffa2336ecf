package io.cordon.server.alarm;

import io.cordon.domain.alarm.Alarm;
import io.cordon.domain.alarm.Outcome;
import io.cordon.domain.alarm.Refusal;
import io.cordon.domain.alarm.Transition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The "condition_ended" transition: the source says the condition behind an alarm is over (issue 8:
 * a vehicle back on its route). Kept in the server as a history entry on the stored alarm (the
 * domain alarm has no such command yet), so {@code condition_ended_at} survives restarts with the
 * rest of the history; the state does not change.
 */
final class ConditionEnd {

  static final String ACTION = "condition_ended";

  private ConditionEnd() {
  }

  static Outcome apply(Alarm alarm, Instant at, String note) {
    if (!alarm.state().isOpen()) {
      return new Outcome.Refused(new Refusal(Refusal.Kind.CONFLICT, "action", "the alarm is closed"));
    }
    Transition transition = new Transition(ACTION, alarm.state(), alarm.state(), Transition.SYSTEM, at,
        note == null ? "" : note);
    Alarm.Snapshot s = alarm.snapshot();
    List<Transition> history = new ArrayList<>(s.history());
    history.add(transition);
    Alarm after = Alarm.restore(new Alarm.Snapshot(s.id(), s.type(), s.severity(), s.source(), s.location(),
        s.linkedCameras(), s.evidence(), s.detail(), s.count(), s.firstAt(), s.lastAt(), s.raisedAt(), s.incident(),
        s.state(), s.version() + 1, s.assignee(), s.ackDue(), s.escalated(), s.task(), s.verdict(), s.cause(), history,
        s.sop(), s.forwardTo(), s.forwardDue(), s.forwardDelay(), s.autoAcknowledged()));
    return new Outcome.Changed(after, transition);
  }

  /**
   * When the condition ended: the latest "condition_ended" transition, unless a report counted
   * after it (the condition came back while the alarm was open).
   */
  static Optional<Instant> endedAt(Alarm alarm) {
    List<Transition> history = alarm.history();
    for (int i = history.size() - 1; i >= 0; i--) {
      Transition t = history.get(i);
      if (t.action().equals(ACTION)) {
        return alarm.lastAt().isAfter(t.at()) ? Optional.empty() : Optional.of(t.at());
      }
    }
    return Optional.empty();
  }
}
