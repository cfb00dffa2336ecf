package io.cordon.domain.violation;

import java.util.List;
import java.util.Objects;

/** For a kind of violation, the sanctions from the {@code fromOccurrence}-th time on (until a higher rule takes over). */
public record PenaltyRule(ViolationKind kind, int fromOccurrence, List<Sanction> sanctions) {
  public PenaltyRule {
    Objects.requireNonNull(kind, "kind");
    if (fromOccurrence < 1) {
      throw new IllegalArgumentException("occurrences count from 1");
    }
    sanctions = List.copyOf(sanctions);
  }
}
