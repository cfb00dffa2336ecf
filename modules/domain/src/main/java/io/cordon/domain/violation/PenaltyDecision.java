package io.cordon.domain.violation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * 处理决定: the sanctions for one violation, which occurrence it was for its offender, and the blacklist
 * entries its bans create (the server stores them and serves the 违规处理通知书).
 */
public record PenaltyDecision(String violationId, int occurrence, List<AppliedSanction> sanctions,
    List<BlacklistEntry> blacklistEntries, Instant decidedAt) {
  public PenaltyDecision {
    Objects.requireNonNull(violationId, "violationId");
    sanctions = List.copyOf(sanctions);
    blacklistEntries = List.copyOf(blacklistEntries);
    Objects.requireNonNull(decidedAt, "decidedAt");
  }

  public boolean has(SanctionType type, SubjectKind kind) {
    return sanctions.stream().anyMatch(s -> s.sanction().type() == type && s.subject().kind() == kind);
  }
}
