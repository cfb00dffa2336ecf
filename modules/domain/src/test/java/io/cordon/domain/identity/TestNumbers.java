package io.cordon.domain.identity;

/**
 * Builds valid identity numbers for tests, computing check characters with an implementation written
 * from the standards independently of the production code (weights derived, not tabled).
 */
public final class TestNumbers {

  private TestNumbers() {
  }

  /** An 18-digit resident ID: region (6), birth date yyyyMMdd, sequence (3) and its MOD 11-2 check. */
  public static String residentId(String region, String birth, String sequence) {
    String first17 = region + birth + sequence;
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int weight = 1;
      for (int k = 0; k < 17 - i; k++) {
        weight = weight * 2 % 11;
      }
      sum += (first17.charAt(i) - '0') * weight;
    }
    int check = (12 - sum % 11) % 11;
    return first17 + (check == 10 ? "X" : String.valueOf(check));
  }

  /** A VIN from 16 characters: the check character (position 9) is inserted. */
  public static String vin(String first8, String last8) {
    String letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
    int[] values = {1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9};
    String v = first8 + "0" + last8;
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      char c = v.charAt(i);
      int value = Character.isDigit(c) ? c - '0' : values[letters.indexOf(c)];
      int weight = i < 7 ? 8 - i : i == 7 ? 10 : i == 8 ? 0 : 18 - i;
      sum += value * weight;
    }
    int r = sum % 11;
    return first8 + (r == 10 ? "X" : String.valueOf(r)) + last8;
  }

  /** A unified social credit code from 17 characters and its GB 32100 check character. */
  public static String creditCode(String first17) {
    String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    int sum = 0;
    int weight = 1;
    for (int i = 0; i < 17; i++) {
      sum += alphabet.indexOf(first17.charAt(i)) * weight;
      weight = weight * 3 % 31;
    }
    return first17 + alphabet.charAt((31 - sum % 31) % 31);
  }
}
