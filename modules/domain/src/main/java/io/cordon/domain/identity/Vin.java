package io.cordon.domain.identity;

import java.util.Objects;

/**
 * 车辆识别代号 (VIN, ISO 3779 / GB 16735): 17 characters, digits and capital letters without I, O
 * and Q; position 9 is a check character (0-9 or X) computed from the other sixteen.
 *
 * <p>Decision: {@link #parse(String)} enforces the check character. GB 16735 requires it of every
 * vehicle made or sold in China (as North America does), and the vehicles entering a chemical park
 * are Chinese trucks; a mistyped VIN is far likelier than a genuine one without it. Imported vehicles
 * built to European rules may lack it: {@link #parseWithoutCheck(String)} accepts those and is meant
 * for a reviewer's explicit override, never for plain form input.
 */
public record Vin(String value) {

  private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

  public Vin {
    Objects.requireNonNull(value, "value");
    String problem = shapeProblem(value);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** Normalises (upper case, no spaces) and validates shape and check character. */
  public static Vin parse(String text) {
    Vin vin = parseWithoutCheck(text);
    char expected = checkCharacter(vin.value);
    if (vin.value.charAt(8) != expected) {
      throw new IllegalArgumentException("check character (position 9) is " + vin.value.charAt(8)
          + " but should be " + expected + " (mistyped character?)");
    }
    return vin;
  }

  /** Validates the shape only; for imported vehicles without a check character, by explicit override. */
  public static Vin parseWithoutCheck(String text) {
    if (text == null) {
      throw new IllegalArgumentException("is required");
    }
    return new Vin(text.replace(" ", "").toUpperCase(java.util.Locale.ROOT));
  }

  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The check character of a 17-character VIN of valid shape (its own position 9 is ignored). */
  public static char checkCharacter(String vin) {
    if (vin.length() != 17) {
      throw new IllegalArgumentException("needs 17 characters");
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += value(vin.charAt(i)) * WEIGHTS[i];
    }
    int r = sum % 11;
    return r == 10 ? 'X' : (char) ('0' + r);
  }

  /** World manufacturer identifier, positions 1-3. */
  public String manufacturer() {
    return value.substring(0, 3);
  }

  @Override
  public String toString() {
    return value;
  }

  private static String shapeProblem(String v) {
    if (v.length() != 17) {
      return "must have 17 characters, not " + v.length();
    }
    for (int i = 0; i < 17; i++) {
      char c = v.charAt(i);
      if (c == 'I' || c == 'O' || c == 'Q') {
        return "must not contain I, O or Q (position " + (i + 1) + ")";
      }
      if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z')) {
        return "must be digits and capital letters only (position " + (i + 1) + ")";
      }
    }
    return null;
  }

  /** ISO 3779 transliteration. */
  private static int value(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    int i = "ABCDEFGHJKLMNPRSTUVWXYZ".indexOf(c);
    if (i < 0) {
      throw new IllegalArgumentException("not a VIN character: " + c);
    }
    return new int[] {1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9}[i];
  }
}
