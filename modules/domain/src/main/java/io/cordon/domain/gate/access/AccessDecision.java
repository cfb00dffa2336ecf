package io.cordon.domain.gate.access;

import io.cordon.domain.permit.PermitId;
import java.util.Objects;
import java.util.Optional;

/** The outcome of {@link GateAccessPolicy#decide}: pass or deny, always naming the rule that decided. */
public sealed interface AccessDecision permits AccessDecision.Pass, AccessDecision.Deny {

  AccessRule rule();

  boolean passes();

  /** One line for the journal and the operator, e.g. "DENY PERMIT_EXPIRED: permit PM-1 expired at …". */
  String describe();

  /** Let through; {@code permit}: the permit that admitted or cleared the holder, if one did. */
  record Pass(AccessRule rule, Optional<PermitId> permit) implements AccessDecision {
    public Pass {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(permit, "permit");
      if (!rule.passing()) {
        throw new IllegalArgumentException(rule + " refuses, it cannot pass");
      }
    }

    @Override
    public boolean passes() {
      return true;
    }

    @Override
    public String describe() {
      return "PASS " + rule.code() + permit.map(p -> " (permit " + p + ")").orElse("");
    }
  }

  /** Refused; {@code detail}: a sentence for people, e.g. "permit PM-000012 expired at 2025-03-01T08:00:00Z". */
  record Deny(AccessRule rule, String detail) implements AccessDecision {
    public Deny {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(detail, "detail");
      if (rule.passing()) {
        throw new IllegalArgumentException(rule + " passes, it cannot deny");
      }
    }

    @Override
    public boolean passes() {
      return false;
    }

    @Override
    public String describe() {
      return "DENY " + rule.code() + ": " + detail;
    }
  }
}
