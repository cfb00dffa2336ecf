package io.cordon.domain.vehicle;

/** The plate formats Cordon accepts (GA 36-2018); see {@link Plate} for the exact rules. */
public enum PlateKind {
  /** 普通号牌: province, authority letter, five serial characters, e.g. 苏A12345. */
  ORDINARY,
  /** 小型新能源: serial of six starting with D/A/B/C/E (electric) or F/G/H/J/K (hybrid), e.g. 苏AD12345. */
  NEW_ENERGY_SMALL,
  /** 大型新能源: five digits then D (electric) or F (hybrid), e.g. 苏A12345D. */
  NEW_ENERGY_LARGE,
  /** 挂车: four serial characters then 挂, e.g. 苏E1234挂. */
  TRAILER,
  /** 教练车: four serial characters then 学. */
  COACH,
  /** 警车: four serial characters then 警. */
  POLICE;

  public boolean isNewEnergy() {
    return this == NEW_ENERGY_SMALL || this == NEW_ENERGY_LARGE;
  }
}
