package io.cordon.domain.park;

public enum LaneClass {
  PEDESTRIAN,
  /** Ordinary, commuter and construction vehicles. */
  ORDINARY,
  HAZMAT,
  HAZWASTE,
  EMERGENCY;

  public boolean carriesDangerousGoods() {
    return this == HAZMAT || this == HAZWASTE;
  }
}
