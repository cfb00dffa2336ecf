package io.cordon.client.registration;

import io.cordon.api.v1.ApplicationKind;
import io.cordon.api.v1.ApplicationState;
import io.cordon.api.v1.Department;
import io.cordon.api.v1.InboxItem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** One application waiting in the reviewers' inbox, with its SLA timer. */
public record InboxRow(InboxItem item) {
  public InboxRow {
    Objects.requireNonNull(item, "item");
  }

  public String id() {
    return item.getApplicationId();
  }

  public ApplicationKind kind() {
    return item.getKind();
  }

  public ApplicationState state() {
    return item.getState();
  }

  public List<Department> pendingDepartments() {
    return item.getPendingDepartmentsList();
  }

  /** When the pending step is due; empty when it has no SLA. */
  public Optional<Instant> due() {
    return item.hasReviewDue()
        ? Optional.of(Instant.ofEpochSecond(item.getReviewDue().getSeconds(), item.getReviewDue().getNanos()))
        : Optional.empty();
  }

  /** The timer at {@code now} (the server's clock): time left, or overdue by. */
  public Sla sla(Instant now) {
    Optional<Instant> due = due();
    if (due.isEmpty()) {
      return new Sla(Optional.empty(), item.getOverdue());
    }
    Duration left = Duration.between(now, due.get());
    return new Sla(Optional.of(left), item.getOverdue() || left.isNegative());
  }

  /** Whether the free-text filter finds it: id, enterprises, plates, summary. */
  public boolean matches(String text) {
    if (text == null || text.isBlank()) {
      return true;
    }
    String needle = text.strip().toLowerCase(Locale.ROOT);
    return contains(item.getApplicationId(), needle) || contains(item.getApplicantEnterpriseId(), needle)
        || contains(item.getHostEnterpriseId(), needle) || contains(item.getSummary(), needle)
        || item.getPlatesList().stream().anyMatch(p -> contains(p, needle));
  }

  private static boolean contains(String haystack, String needle) {
    return haystack.toLowerCase(Locale.ROOT).contains(needle);
  }

  /** An SLA timer reading: {@code left} is negative when overdue; empty without a due time. */
  public record Sla(Optional<Duration> left, boolean overdue) {
    /** How far past due (zero when not overdue or unknown). */
    public Duration overdueBy() {
      return left.filter(Duration::isNegative).map(Duration::negated).orElse(Duration.ZERO);
    }
  }
}
