package io.cordon.domain.hazmat;

import java.util.Optional;

/** 危险货物类别和项别 (GB 6944-2012): the nine classes, with their divisions where they have them. */
public enum HazardClass {
  EXPLOSIVE_1_1("1.1"), EXPLOSIVE_1_2("1.2"), EXPLOSIVE_1_3("1.3"), EXPLOSIVE_1_4("1.4"),
  EXPLOSIVE_1_5("1.5"), EXPLOSIVE_1_6("1.6"),
  FLAMMABLE_GAS_2_1("2.1"), NON_FLAMMABLE_GAS_2_2("2.2"), TOXIC_GAS_2_3("2.3"),
  FLAMMABLE_LIQUID_3("3"),
  FLAMMABLE_SOLID_4_1("4.1"), SPONTANEOUSLY_COMBUSTIBLE_4_2("4.2"), DANGEROUS_WHEN_WET_4_3("4.3"),
  OXIDIZER_5_1("5.1"), ORGANIC_PEROXIDE_5_2("5.2"),
  TOXIC_6_1("6.1"), INFECTIOUS_6_2("6.2"),
  RADIOACTIVE_7("7"),
  CORROSIVE_8("8"),
  MISCELLANEOUS_9("9");

  private final String code;

  HazardClass(String code) {
    this.code = code;
  }

  /** As printed on the placard: "2.1", "3". */
  public String code() {
    return code;
  }

  /** The class, 1 to 9. */
  public int mainClass() {
    return code.charAt(0) - '0';
  }

  /** "3", "2.1", also "Class 3" or "3类"; empty when no class or division has that code. */
  public static Optional<HazardClass> fromCode(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String code = text.strip().replace("Class", "").replace("class", "").replace("类", "").replace("项", "").strip();
    for (HazardClass c : values()) {
      if (c.code.equals(code)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** Like {@link #fromCode(String)}, the exception message being the reason. */
  public static HazardClass parse(String text) {
    return fromCode(text).orElseThrow(() -> new IllegalArgumentException(
        "\"" + text + "\" is no GB 6944 class or division (1.1-1.6, 2.1-2.3, 3, 4.1-4.3, 5.1, 5.2, 6.1, 6.2, 7, 8, 9)"));
  }

  @Override
  public String toString() {
    return code;
  }
}
