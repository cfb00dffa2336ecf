package io.cordon.domain.violation;

/** Violations the proposal's rules name (000 §2.2, 违规行为认定与处理措施). */
public enum ViolationKind {
  /** 未按规定申报或使用虚假信息申报. */
  FALSE_DECLARATION,
  /** 闯卡. */
  FORCING_GATE,
  /** 卡口处违规停车. */
  ILLEGAL_PARKING_AT_GATE,
  /** 破坏卡点设施. */
  DAMAGING_FACILITIES
}
