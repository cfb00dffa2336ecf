package io.cordon.domain.park;

public enum RoadClass {
  /** 危险物品运输专用道路. */
  HAZMAT,
  ORDINARY,
  /** 应急专用道路. */
  EMERGENCY
}
