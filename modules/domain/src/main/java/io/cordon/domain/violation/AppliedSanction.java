package io.cordon.domain.violation;

import java.util.Objects;

/** A sanction applied to a concrete subject. */
public record AppliedSanction(Sanction sanction, Subject subject) {
  public AppliedSanction {
    Objects.requireNonNull(sanction, "sanction");
    Objects.requireNonNull(subject, "subject");
  }
}
