package io.cordon.domain.appointment;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The configurable rules of one kind of application.
 *
 * @param leadTime least time between the (first) submission and the start of the window
 * @param maxWindow longest window one application may ask for
 * @param enterpriseConfirms whether the enterprise confirms (企业审核) before the park reviews
 * @param enterpriseWindow time the enterprise has to confirm
 * @param firstReviewWindow time the safety department has for its review
 * @param jointDepartments departments reviewing in parallel after the first review; empty for none
 * @param jointReviewWindow time the joint reviewers have
 * @param required parts the application must fill in
 */
public record KindRules(Duration leadTime, Duration maxWindow, boolean enterpriseConfirms, Duration enterpriseWindow,
    Duration firstReviewWindow, Set<Department> jointDepartments, Duration jointReviewWindow,
    Set<RequiredField> required) {

  public KindRules {
    Objects.requireNonNull(leadTime, "leadTime");
    Objects.requireNonNull(maxWindow, "maxWindow");
    Objects.requireNonNull(enterpriseWindow, "enterpriseWindow");
    Objects.requireNonNull(firstReviewWindow, "firstReviewWindow");
    jointDepartments = Set.copyOf(jointDepartments);
    Objects.requireNonNull(jointReviewWindow, "jointReviewWindow");
    required = Set.copyOf(required);
    if (jointDepartments.contains(Department.SAFETY)) {
      throw new IllegalArgumentException("the safety department does the first review, not the joint one");
    }
    if (leadTime.isNegative() || maxWindow.isNegative() || maxWindow.isZero()) {
      throw new IllegalArgumentException("lead time must not be negative, the window must be positive");
    }
  }

  public boolean jointReview() {
    return !jointDepartments.isEmpty();
  }

  public KindRules withLeadTime(Duration d) {
    return new KindRules(d, maxWindow, enterpriseConfirms, enterpriseWindow, firstReviewWindow, jointDepartments,
        jointReviewWindow, required);
  }

  public KindRules withRequired(Set<RequiredField> r) {
    return new KindRules(leadTime, maxWindow, enterpriseConfirms, enterpriseWindow, firstReviewWindow,
        jointDepartments, jointReviewWindow, r);
  }
}
