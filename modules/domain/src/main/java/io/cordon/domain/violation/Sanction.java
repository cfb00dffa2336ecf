package io.cordon.domain.violation;

import java.time.Period;
import java.util.Objects;

/** One sanction of a rule: its type, whom it hits, the fine in yuan (FINE) and the ban period (BAN). */
public record Sanction(SanctionType type, Target target, int fineYuan, Period banFor) {

  public Sanction {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(banFor, "banFor");
    if (type == SanctionType.FINE && fineYuan <= 0 || type != SanctionType.FINE && fineYuan != 0) {
      throw new IllegalArgumentException("a fine, and only a fine, has an amount");
    }
    if (type == SanctionType.BAN && (banFor.isZero() || banFor.isNegative())
        || type != SanctionType.BAN && !banFor.isZero()) {
      throw new IllegalArgumentException("a ban, and only a ban, has a period");
    }
  }

  public static Sanction of(SanctionType type, Target target) {
    return new Sanction(type, target, 0, Period.ZERO);
  }

  public static Sanction fine(Target target, int yuan) {
    return new Sanction(SanctionType.FINE, target, yuan, Period.ZERO);
  }

  public static Sanction ban(Target target, Period period) {
    return new Sanction(SanctionType.BAN, target, 0, period);
  }
}
