package io.cordon.domain.appointment;

import io.cordon.domain.validation.FieldError;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One recorded change of an application: the action, the states before and after, who ({@link
 * Actor#SYSTEM} for automatic steps), when, their note, and the reasons of a return or rejection.
 * The history of an application is its list of transitions; each becomes a journal event.
 */
public record Transition(String action, ApplicationState from, ApplicationState to, String by, Instant at, String note,
    List<FieldError> reasons) {

  public Transition {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(note, "note");
    reasons = List.copyOf(reasons);
  }
}
