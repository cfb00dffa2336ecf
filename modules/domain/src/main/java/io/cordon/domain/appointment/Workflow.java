package io.cordon.domain.appointment;

import static io.cordon.domain.appointment.ApplicationState.APPROVED;
import static io.cordon.domain.appointment.ApplicationState.DRAFT;
import static io.cordon.domain.appointment.ApplicationState.EXPIRED;
import static io.cordon.domain.appointment.ApplicationState.JOINT_REVIEW;
import static io.cordon.domain.appointment.ApplicationState.REJECTED;
import static io.cordon.domain.appointment.ApplicationState.RETURNED;
import static io.cordon.domain.appointment.ApplicationState.SUBMITTED;
import static io.cordon.domain.appointment.ApplicationState.UNDER_REVIEW;
import static io.cordon.domain.appointment.ApplicationState.WITHDRAWN;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The state machine of one kind of application, from its rules:
 * <pre>
 * DRAFT/RETURNED → SUBMITTED (enterprise confirms) or UNDER_REVIEW, or REJECTED by the pre-checks
 * SUBMITTED      → UNDER_REVIEW (confirmed) or RETURNED (declined)
 * UNDER_REVIEW   → JOINT_REVIEW (joint kinds) or APPROVED, RETURNED, REJECTED
 * JOINT_REVIEW   → JOINT_REVIEW (one department agrees), APPROVED (all agree), RETURNED (any objects)
 * every non-terminal state → WITHDRAWN, EXPIRED
 * </pre>
 */
public final class Workflow {

  private final Map<ApplicationState, Set<ApplicationState>> next;

  private Workflow(Map<ApplicationState, Set<ApplicationState>> next) {
    this.next = next;
  }

  public static Workflow of(KindRules rules) {
    Map<ApplicationState, Set<ApplicationState>> m = new EnumMap<>(ApplicationState.class);
    Set<ApplicationState> fromEditable = EnumSet.of(rules.enterpriseConfirms() ? SUBMITTED : UNDER_REVIEW,
        REJECTED, WITHDRAWN, EXPIRED);
    m.put(DRAFT, fromEditable);
    m.put(RETURNED, EnumSet.copyOf(fromEditable));
    if (rules.enterpriseConfirms()) {
      m.put(SUBMITTED, EnumSet.of(UNDER_REVIEW, RETURNED, WITHDRAWN, EXPIRED));
    }
    m.put(UNDER_REVIEW, EnumSet.of(rules.jointReview() ? JOINT_REVIEW : APPROVED, RETURNED, REJECTED, WITHDRAWN,
        EXPIRED));
    if (rules.jointReview()) {
      m.put(JOINT_REVIEW, EnumSet.of(JOINT_REVIEW, APPROVED, RETURNED, WITHDRAWN, EXPIRED));
    }
    Map<ApplicationState, Set<ApplicationState>> frozen = new EnumMap<>(ApplicationState.class);
    m.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
    return new Workflow(frozen);
  }

  public boolean allows(ApplicationState from, ApplicationState to) {
    return next.getOrDefault(from, Set.of()).contains(to);
  }

  /** The states reachable in one step; empty for terminal states and states the kind never enters. */
  public Set<ApplicationState> next(ApplicationState from) {
    return next.getOrDefault(from, Set.of());
  }

  /** The states this kind can be in. */
  public Set<ApplicationState> states() {
    Set<ApplicationState> s = EnumSet.noneOf(ApplicationState.class);
    next.forEach((k, v) -> {
      s.add(k);
      s.addAll(v);
    });
    return s;
  }
}
