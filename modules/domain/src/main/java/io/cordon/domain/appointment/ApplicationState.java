package io.cordon.domain.appointment;

/** The states of an application; see {@link Workflow} for which transitions each kind allows. */
public enum ApplicationState {
  /** Being written by the applicant; nothing checked yet. */
  DRAFT,
  /** Submitted and pre-checked; waiting for the visited/employing enterprise to confirm (企业审核). */
  SUBMITTED,
  /** With the park's safety department (安全管理部初审 / 园区管理部门审核). */
  UNDER_REVIEW,
  /** With emergency management and environmental protection in parallel (多部门联合复审). */
  JOINT_REVIEW,
  /** Approved; its permit is issued. */
  APPROVED,
  /** Sent back with reasons; the applicant edits and submits again. */
  RETURNED,
  /** Refused for good, with reasons (also automatically: blacklist, forbidden goods). */
  REJECTED,
  /** Withdrawn by the applicant. */
  WITHDRAWN,
  /** Its time window ended before it was approved. */
  EXPIRED;

  public boolean terminal() {
    return this == APPROVED || this == REJECTED || this == WITHDRAWN || this == EXPIRED;
  }

  /** The applicant may edit and submit. */
  public boolean editable() {
    return this == DRAFT || this == RETURNED;
  }

  /** Someone other than the applicant has to act. */
  public boolean awaitingReview() {
    return this == SUBMITTED || this == UNDER_REVIEW || this == JOINT_REVIEW;
  }
}
