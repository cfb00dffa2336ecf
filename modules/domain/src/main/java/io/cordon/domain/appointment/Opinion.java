package io.cordon.domain.appointment;

import io.cordon.domain.validation.FieldError;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One joint reviewer's opinion: agrees, or objects with reasons. */
public record Opinion(Department department, boolean agrees, String by, Instant at, List<FieldError> objections) {
  public Opinion {
    Objects.requireNonNull(department, "department");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(at, "at");
    objections = List.copyOf(objections);
  }
}
