package io.cordon.domain.violation;

/** 申诉与复查. */
public enum AppealState {
  /** Filed, awaiting review. */
  FILED,
  /** The review found the decision wrong (复查认为原处理有误): it is corrected, its bans lifted. */
  GRANTED,
  /** The review maintained the decision (维持原处理决定). */
  DISMISSED
}
