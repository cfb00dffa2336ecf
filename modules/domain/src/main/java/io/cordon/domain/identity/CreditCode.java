package io.cordon.domain.identity;

import java.util.Locale;
import java.util.Objects;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from 0-9 and the capitals without I, O, Z, S and V —
 * registration authority (1), organisation type (1), region code (6 digits), organisation code (9)
 * and a check character (MOD 31 with weights 3^i mod 31).
 *
 * <p>Checked: the alphabet, the six-digit region code and the check character. The organisation
 * code's own GB 11714 check is not enforced: the outer check already catches a mistyped character.
 */
public record CreditCode(String value) {

  static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  public CreditCode {
    Objects.requireNonNull(value, "value");
    if (value.length() != 18) {
      throw new IllegalArgumentException("must have 18 characters, not " + value.length());
    }
    for (int i = 0; i < 18; i++) {
      if (ALPHABET.indexOf(value.charAt(i)) < 0) {
        throw new IllegalArgumentException("character " + (i + 1) + " (" + value.charAt(i)
            + ") is not allowed: digits and capitals without I, O, Z, S, V");
      }
    }
    if (!value.substring(2, 8).matches("[0-9]{6}")) {
      throw new IllegalArgumentException("characters 3-8 are the region code and must be digits");
    }
    char expected = checkCharacter(value.substring(0, 17));
    if (value.charAt(17) != expected) {
      throw new IllegalArgumentException("check character is " + value.charAt(17) + " but should be "
          + expected + " (mistyped character?)");
    }
  }

  public static CreditCode parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("is required");
    }
    return new CreditCode(text.replace(" ", "").toUpperCase(Locale.ROOT));
  }

  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The check character for the 17 leading characters. */
  public static char checkCharacter(String first17) {
    if (first17.length() != 17) {
      throw new IllegalArgumentException("needs 17 characters");
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int v = ALPHABET.indexOf(first17.charAt(i));
      if (v < 0) {
        throw new IllegalArgumentException("not a credit-code character: " + first17.charAt(i));
      }
      sum += v * WEIGHTS[i];
    }
    int c = 31 - sum % 31;
    return ALPHABET.charAt(c == 31 ? 0 : c);
  }

  public String regionCode() {
    return value.substring(2, 8);
  }

  @Override
  public String toString() {
    return value;
  }
}
