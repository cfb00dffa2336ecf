package io.cordon.domain.alarm;

import java.time.Instant;
import java.util.Objects;

/** What was done at one SOP step: answered (an option id or "done") or skipped with a reason. */
public record SopOutcome(String stepId, String answerId, boolean skipped, String reason, String by, Instant at) {

  public SopOutcome {
    Objects.requireNonNull(stepId, "stepId");
    Objects.requireNonNull(answerId, "answerId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(at, "at");
  }
}
