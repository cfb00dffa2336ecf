package io.cordon.domain.alarm;

/** new → acknowledged → dispatched → on site → resolved → closed (接警 → 派警 → 到场 → 处置 → 关闭). */
public enum AlarmState {
  NEW,
  ACKNOWLEDGED,
  DISPATCHED,
  ON_SITE,
  RESOLVED,
  CLOSED;

  /** Still needs someone: not yet resolved. Repeats of its source are counted on an open alarm. */
  public boolean isOpen() {
    return this != RESOLVED && this != CLOSED;
  }
}
