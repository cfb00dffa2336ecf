package io.cordon.domain.vehicle;

import java.util.Objects;

/**
 * A Chinese vehicle plate (车牌, GA 36-2018), normalised: no separators, ASCII letters upper case.
 *
 * <p>Accepted: the province abbreviation (one of the 31 of the mainland), an issuing-authority
 * letter, then
 * <ul>
 *   <li>ordinary ({@link PlateKind#ORDINARY}): five letters or digits — 苏A12345;
 *   <li>small new-energy: D/A/B/C/E (electric) or F/G/H/J/K (hybrid), a letter or digit, four
 *       digits — 苏AD12345, 苏AFA1234;
 *   <li>large new-energy: five digits then D or F — 苏A12345D;
 *   <li>trailer (挂), driving-school (学) and police (警): four letters or digits then the suffix —
 *       苏E1234挂.
 * </ul>
 * The letters I and O are never used (they read as 1 and 0), neither as authority letter nor in
 * the serial. How many letters a serial holds is not checked. Refused, because Cordon's gates and
 * registry do not handle them: embassy and consulate (使, 领), Hong Kong and Macau (港, 澳),
 * emergency-service (应急) and military plates. Parsing tolerates a middle dot or spaces as
 * separators ("苏A·12345", "苏A 12345") and lower-case letters; the value never holds them.
 */
public record Plate(String value) {

  /** 京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼. */
  static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
  private static final String SMALL_NEW_ENERGY_FIRST = "DABCEFGHJK";
  private static final String UNSUPPORTED_SPECIAL = "使领港澳应急军";

  /** Builds a plate from an already normalised value; prefer {@link #parse(String)} for input. */
  public Plate {
    Objects.requireNonNull(value, "value");
    String problem = problemWith(value);
    if (problem != null) {
      throw new IllegalArgumentException("invalid plate \"" + value + "\": " + problem);
    }
  }

  /**
   * Normalises and validates a plate as written by a person or a device.
   *
   * @throws IllegalArgumentException naming the broken rule, e.g. {@code "the serial must not use I or O"}
   */
  public static Plate parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("invalid plate: it is missing");
    }
    return new Plate(normalise(text));
  }

  /** True when {@link #parse(String)} would accept the text. */
  public static boolean isValid(String text) {
    return text != null && problemWith(normalise(text)) == null;
  }

  /** The province abbreviation, e.g. 苏. */
  public char province() {
    return value.charAt(0);
  }

  /** The issuing-authority letter, e.g. A for 苏A (Nanjing). */
  public char authority() {
    return value.charAt(1);
  }

  public PlateKind kind() {
    return kindOf(value);
  }

  @Override
  public String toString() {
    return value;
  }

  private static String normalise(String text) {
    StringBuilder normal = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '·' || c == '•' || c == '.' || c == ' ' || c == '\u3000') {
        continue;
      }
      normal.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
    }
    return normal.toString();
  }

  /** Why the normalised value is not a plate, or null when it is one. */
  private static String problemWith(String value) {
    if (value.isEmpty()) {
      return "it is empty";
    }
    for (int i = 0; i < UNSUPPORTED_SPECIAL.length(); i++) {
      if (value.indexOf(UNSUPPORTED_SPECIAL.charAt(i)) >= 0) {
        return "special plates (使, 领, 港, 澳, 应急, military) are not supported";
      }
    }
    if (value.startsWith("WJ")) {
      return "special plates (使, 领, 港, 澳, 应急, military) are not supported";
    }
    if (PROVINCES.indexOf(value.charAt(0)) < 0) {
      return "it must start with a province abbreviation such as 苏";
    }
    if (value.length() < 2 || !isLetter(value.charAt(1))) {
      return "the second character must be the issuing authority's letter (A-Z without I and O)";
    }
    if (value.length() != 7 && value.length() != 8) {
      return "it must have 7 characters (8 for new-energy vehicles), not " + value.length();
    }
    String serial = value.substring(2);
    for (int i = 0; i < serial.length(); i++) {
      char c = serial.charAt(i);
      if (c == 'I' || c == 'O') {
        return "the serial must not use I or O";
      }
    }
    return kindOf(value) == null ? serialProblem(serial) : null;
  }

  private static String serialProblem(String serial) {
    if (serial.length() == 6) {
      return "a new-energy serial is D/A/B/C/E/F/G/H/J/K, a letter or digit and four digits,"
          + " or five digits and D/F";
    }
    char last = serial.charAt(serial.length() - 1);
    if (!isAlnum(last) && "挂学警".indexOf(last) < 0) {
      return "the last character must be a letter, a digit, 挂, 学 or 警";
    }
    return "the serial must be letters and digits only";
  }

  /** The kind of a value of valid province and authority, or null when the serial fits none. */
  private static PlateKind kindOf(String value) {
    String serial = value.substring(2);
    if (serial.length() == 5) {
      if (allAlnum(serial, 0, 5)) {
        return PlateKind.ORDINARY;
      }
      if (allAlnum(serial, 0, 4)) {
        switch (serial.charAt(4)) {
          case '挂':
            return PlateKind.TRAILER;
          case '学':
            return PlateKind.COACH;
          case '警':
            return PlateKind.POLICE;
          default:
            return null;
        }
      }
      return null;
    }
    if (serial.length() == 6) {
      if (SMALL_NEW_ENERGY_FIRST.indexOf(serial.charAt(0)) >= 0 && isAlnum(serial.charAt(1))
          && allDigits(serial, 2, 6)) {
        return PlateKind.NEW_ENERGY_SMALL;
      }
      if (allDigits(serial, 0, 5) && (serial.charAt(5) == 'D' || serial.charAt(5) == 'F')) {
        return PlateKind.NEW_ENERGY_LARGE;
      }
    }
    return null;
  }

  private static boolean allAlnum(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isAlnum(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean allDigits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAlnum(char c) {
    return (c >= '0' && c <= '9') || isLetter(c);
  }

  /** A-Z without I and O. */
  private static boolean isLetter(char c) {
    return c >= 'A' && c <= 'Z' && c != 'I' && c != 'O';
  }
}
