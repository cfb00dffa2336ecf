package io.cordon.domain.vehicle;

/** 车辆类别 (guideline §5.2.2): decides which gates, lanes, roads and time windows a vehicle may use. */
public enum VehicleClass {
  ORDINARY,
  COMMUTER,
  CONSTRUCTION,
  /** 危险物品运输车辆. */
  HAZMAT,
  /** 危险废物运输车辆. */
  HAZWASTE;

  /** Hazardous goods or waste: dedicated lanes and roads, time windows, tracking. */
  public boolean isDangerous() {
    return this == HAZMAT || this == HAZWASTE;
  }
}
