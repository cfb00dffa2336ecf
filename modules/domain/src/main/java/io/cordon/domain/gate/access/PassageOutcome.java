package io.cordon.domain.gate.access;

import java.util.Objects;
import java.util.Optional;

/**
 * What a loop-detector passage on a lane was: the passage a pass decision allowed ({@link Kind#MATCHED}),
 * one nothing allowed ({@link Kind#FORCED}) or one following on the heels of an allowed one
 * ({@link Kind#TAILGATE}). FORCED and TAILGATE raise alarms.
 *
 * @param decisionId MATCHED: the decision it consumed; TAILGATE: the decision it followed; FORCED: empty
 */
public record PassageOutcome(Kind kind, Optional<String> decisionId) {

  public enum Kind {
    MATCHED,
    FORCED,
    TAILGATE
  }

  public PassageOutcome {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(decisionId, "decisionId");
    if (kind == Kind.FORCED == decisionId.isPresent()) {
      throw new IllegalArgumentException(kind + (decisionId.isPresent() ? " has no decision" : " needs a decision"));
    }
  }

  public static PassageOutcome matched(String decisionId) {
    return new PassageOutcome(Kind.MATCHED, Optional.of(decisionId));
  }

  public static PassageOutcome forced() {
    return new PassageOutcome(Kind.FORCED, Optional.empty());
  }

  public static PassageOutcome tailgate(String followedDecisionId) {
    return new PassageOutcome(Kind.TAILGATE, Optional.of(followedDecisionId));
  }

  /** True for FORCED and TAILGATE: the passage raises an alarm. */
  public boolean alarming() {
    return kind != Kind.MATCHED;
  }
}
