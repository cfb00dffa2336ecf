package io.cordon.domain.vehicle;

/** 车牌颜色 (GA 36-2018), as a device reports it; not derived from the plate text. */
public enum PlateColor {
  /** Small ordinary vehicles. */
  BLUE,
  /** Large vehicles: trucks, hazmat tankers, trailers, coaches. */
  YELLOW,
  /** Small new-energy vehicles (gradient green). */
  GREEN,
  /** Large new-energy vehicles (yellow-green). */
  YELLOW_GREEN,
  /** Police. */
  WHITE,
  BLACK
}
