package io.cordon.domain.park;

import java.util.List;
import java.util.stream.Collectors;

/** A park plan broke one or more rules; the message lists them one per line. */
public class InvalidParkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<ParkViolation> violations;

  public InvalidParkException(String source, List<ParkViolation> violations) {
    super(describe(source, violations));
    this.violations = List.copyOf(violations);
  }

  public InvalidParkException(List<ParkViolation> violations) {
    this("park", violations);
  }

  public List<ParkViolation> violations() {
    return violations;
  }

  private static String describe(String source, List<ParkViolation> violations) {
    return violations.stream()
        .map(v -> "  " + v)
        .collect(
            Collectors.joining(
                "\n",
                source + " is invalid (" + violations.size() + " broken rule"
                    + (violations.size() == 1 ? "" : "s") + "):\n",
                ""));
  }
}
