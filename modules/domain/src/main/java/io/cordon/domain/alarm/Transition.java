package io.cordon.domain.alarm;

import java.time.Instant;
import java.util.Objects;

/**
 * One recorded change of an alarm: the action, the states before and after, who did it (a user
 * name or {@link #SYSTEM}), when and their note. The history of an alarm is its list of transitions.
 */
public record Transition(String action, AlarmState from, AlarmState to, String by, Instant at, String note) {

  public static final String SYSTEM = "system";

  public Transition {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(note, "note");
  }
}
