package io.cordon.domain.violation;

import io.cordon.domain.permit.TimeWindow;
import io.cordon.domain.validation.Refusal;
import io.cordon.domain.validation.Result;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * 黑名单: a subject barred from the park from {@code from} until {@code until} (exclusive; empty: until
 * lifted), with the reason and, when a penalty put it there, the violation. It expires by itself;
 * lifting ends it early.
 */
public record BlacklistEntry(String id, Subject subject, String reason, Instant from, Optional<Instant> until,
    Optional<String> violationId, Optional<Lifting> lifting) {

  public BlacklistEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(violationId, "violationId");
    Objects.requireNonNull(lifting, "lifting");
    if (until.isPresent() && !until.get().isAfter(from)) {
      throw new IllegalArgumentException("a blacklist entry must end after it starts");
    }
  }

  /** An entry made by hand, e.g. from a police notice; {@code until} empty for an indefinite one. */
  public static BlacklistEntry manual(String id, Subject subject, String reason, Instant from, Optional<Instant> until) {
    return new BlacklistEntry(id, subject, reason, from, until, Optional.empty(), Optional.empty());
  }

  /** When it stops applying: the earlier of its expiry and its lifting; empty while indefinite. */
  public Optional<Instant> end() {
    if (lifting.isPresent()) {
      Instant l = lifting.get().at();
      return Optional.of(until.filter(u -> u.isBefore(l)).orElse(l));
    }
    return until;
  }

  public boolean activeAt(Instant at) {
    return !at.isBefore(from) && end().map(at::isBefore).orElse(true);
  }

  /** True when the entry applies at any moment of the window. */
  public boolean activeDuring(TimeWindow window) {
    return from.isBefore(window.until()) && end().map(e -> e.isAfter(window.from())).orElse(true);
  }

  /** True when it ran out by itself (not lifted) at or before {@code at}. */
  public boolean expiredAt(Instant at) {
    return lifting.isEmpty() && until.isPresent() && !at.isBefore(until.get());
  }

  public Result<BlacklistEntry> lift(String by, Instant at, String reason) {
    if (lifting.isPresent()) {
      return Result.refused(Refusal.conflict("entry", "already lifted at " + lifting.get().at()));
    }
    if (!activeAt(at) && !at.isBefore(from)) {
      return Result.refused(Refusal.conflict("entry", "it has already expired"));
    }
    if (reason == null || reason.isBlank()) {
      return Result.refused(Refusal.invalid("reason", "is required"));
    }
    return Result.ok(new BlacklistEntry(id, subject, this.reason, from, until, violationId,
        Optional.of(new Lifting(at, by, reason.strip()))));
  }
}
