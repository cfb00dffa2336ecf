package io.cordon.domain.violation;

import io.cordon.domain.validation.Problems;
import io.cordon.domain.validation.Refusal;
import io.cordon.domain.validation.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An appeal against a penalty decision, filed within the appeal period after the decision, and its
 * review. Granting it (the appeal is upheld) overturns the violation and lifts the blacklist entries
 * the decision created; dismissing it maintains the decision.
 */
public record Appeal(String id, String violationId, Subject appellant, String grounds, Instant filedAt,
    AppealState state, Optional<String> reviewedBy, Optional<Instant> reviewedAt, String reviewNote) {

  /** The proposal says "within the set time" (在规定时间内) without a number; 15 days is our default. */
  public static final Duration DEFAULT_APPEAL_PERIOD = Duration.ofDays(15);
  static final int MAX_TEXT = 2000;

  public Appeal {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(violationId, "violationId");
    Objects.requireNonNull(appellant, "appellant");
    Objects.requireNonNull(grounds, "grounds");
    Objects.requireNonNull(filedAt, "filedAt");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(reviewedBy, "reviewedBy");
    Objects.requireNonNull(reviewedAt, "reviewedAt");
    Objects.requireNonNull(reviewNote, "reviewNote");
  }

  /** Files an appeal against the decision; refused after the appeal period or without grounds. */
  public static Result<Appeal> file(String id, PenaltyDecision decision, Subject appellant, String grounds,
      Instant at, Duration appealPeriod) {
    Problems p = new Problems();
    Optional<String> g = p.text("grounds", grounds, MAX_TEXT);
    Instant deadline = decision.decidedAt().plus(appealPeriod);
    if (at.isAfter(deadline)) {
      p.add("filedAt", "the appeal period ended at " + deadline);
    }
    boolean concerned = decision.sanctions().stream().anyMatch(s -> s.subject().equals(appellant));
    if (!concerned) {
      return Result.refused(Refusal.forbidden("appellant", appellant + " was not sanctioned by this decision"));
    }
    return p.result(() -> new Appeal(id, decision.violationId(), appellant, g.orElseThrow(), at, AppealState.FILED,
        Optional.empty(), Optional.empty(), ""));
  }

  /** The appeal, the violation overturned, and the lifted blacklist entries to store. */
  public record Granted(Appeal appeal, Violation violation, List<BlacklistEntry> lifted) {
  }

  /**
   * Grants the appeal: the violation is overturned and every entry created by its decision that is
   * still in force is lifted. {@code entries} may hold other entries too; only the violation's count.
   */
  public Result<Granted> grant(String reviewer, Instant at, String note, Violation violation,
      List<BlacklistEntry> entries) {
    Optional<Refusal> refusal = checkReview(note, violation);
    if (refusal.isPresent()) {
      return Result.refused(refusal.get());
    }
    List<BlacklistEntry> lifted = new ArrayList<>();
    for (BlacklistEntry e : entries) {
      if (e.violationId().equals(Optional.of(violationId)) && e.lifting().isEmpty() && !e.expiredAt(at)) {
        lifted.add(e.lift(reviewer, at, "appeal " + id + " granted: " + note.strip()).orElseThrow());
      }
    }
    return Result.ok(new Granted(reviewed(AppealState.GRANTED, reviewer, at, note), violation.overturn(at), lifted));
  }

  /** Dismisses the appeal: the decision stands. */
  public Result<Appeal> dismiss(String reviewer, Instant at, String note, Violation violation) {
    Optional<Refusal> refusal = checkReview(note, violation);
    return refusal.<Result<Appeal>>map(Result::refused)
        .orElseGet(() -> Result.ok(reviewed(AppealState.DISMISSED, reviewer, at, note)));
  }

  private Optional<Refusal> checkReview(String note, Violation violation) {
    if (state != AppealState.FILED) {
      return Optional.of(Refusal.conflict("appeal", "already " + state.name().toLowerCase()));
    }
    if (!violation.id().equals(violationId)) {
      return Optional.of(Refusal.invalid("violation", "the appeal is about " + violationId + ", not " + violation.id()));
    }
    if (note == null || note.isBlank()) {
      return Optional.of(Refusal.invalid("note", "the review's reasons are required"));
    }
    return Optional.empty();
  }

  private Appeal reviewed(AppealState s, String reviewer, Instant at, String note) {
    return new Appeal(id, violationId, appellant, grounds, filedAt, s, Optional.of(reviewer), Optional.of(at),
        note.strip());
  }
}
