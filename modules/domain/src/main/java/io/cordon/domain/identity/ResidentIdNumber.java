package io.cordon.domain.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * 居民身份证号码 (GB 11643-1999): six-digit region code, eight-digit birth date (yyyyMMdd), three-digit
 * sequence (odd for men, even for women) and a check character computed with ISO 7064 MOD 11-2 (0-9
 * or X). Parsing accepts a lower-case x and surrounding spaces.
 *
 * <p>Refused: the 15-digit numbers issued before 1999 (they were replaced and are no longer valid
 * documents), unknown province codes (the first two digits), impossible birth dates and dates before
 * 1900. Whether the birth date lies in the future depends on today, which the domain never reads: see
 * {@link #bornAfter(LocalDate)}.
 *
 * <p>{@link #toString()} masks the middle (320102********123X) so that logs do not hold full numbers;
 * {@link #value()} is the full number.
 */
public record ResidentIdNumber(String value) {

  /** 2^(17-i) mod 11 for the 17 leading digits. */
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";
  /** Province-level codes (GB/T 2260) plus 71 台湾, 81 香港, 82 澳门 and 83 (Taiwan residents' permits). */
  private static final String PROVINCES =
      " 11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83 ";

  public ResidentIdNumber {
    Objects.requireNonNull(value, "value");
    Optional<String> problem = problemWith(value);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get());
    }
  }

  /** Normalises (strips spaces, upper-cases x) and validates; the exception message is the reason. */
  public static ResidentIdNumber parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("is required");
    }
    return new ResidentIdNumber(normalise(text));
  }

  public static boolean isValid(String text) {
    return text != null && problemWith(normalise(text)).isEmpty();
  }

  /** The check character for 17 leading digits (ISO 7064 MOD 11-2). */
  public static char checkCharacter(String first17) {
    if (first17.length() != 17 || !digits(first17)) {
      throw new IllegalArgumentException("needs exactly 17 digits");
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK.charAt(sum % 11);
  }

  /** Why the normalised text is not a valid number, or empty when it is one. */
  public static Optional<String> problemWith(String value) {
    if (value.length() == 15 && digits(value)) {
      return Optional.of("15-digit ID numbers (issued before 1999) are no longer valid; enter the 18-digit number");
    }
    if (value.length() != 18) {
      return Optional.of("must have 18 characters, not " + value.length());
    }
    String first17 = value.substring(0, 17);
    char last = value.charAt(17);
    if (!digits(first17) || !(last >= '0' && last <= '9' || last == 'X')) {
      return Optional.of("must be 17 digits followed by a digit or X");
    }
    if (!PROVINCES.contains(" " + value.substring(0, 2) + " ")) {
      return Optional.of("region code " + value.substring(0, 6) + " names no province");
    }
    Optional<LocalDate> birth = date(value.substring(6, 14));
    if (birth.isEmpty()) {
      return Optional.of("birth date " + value.substring(6, 14) + " is not a calendar date");
    }
    if (birth.get().getYear() < 1900) {
      return Optional.of("birth date " + birth.get() + " is before 1900");
    }
    char expected = checkCharacter(first17);
    if (last != expected) {
      return Optional.of("check digit is " + last + " but should be " + expected + " (mistyped digit?)");
    }
    return Optional.empty();
  }

  public String regionCode() {
    return value.substring(0, 6);
  }

  public LocalDate birthDate() {
    return date(value.substring(6, 14)).orElseThrow();
  }

  /** True when the birth date lies after {@code today}: the number cannot be genuine yet. */
  public boolean bornAfter(LocalDate today) {
    return birthDate().isAfter(today);
  }

  /** The 17th digit is odd for men. */
  public boolean male() {
    return (value.charAt(16) - '0') % 2 == 1;
  }

  /** The first six and last four characters, the rest as *, for display and logs. */
  public String masked() {
    return value.substring(0, 6) + "********" + value.substring(14);
  }

  @Override
  public String toString() {
    return masked();
  }

  private static String normalise(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\u3000') {
        continue;
      }
      b.append(c == 'x' ? 'X' : c);
    }
    return b.toString();
  }

  private static Optional<LocalDate> date(String yyyymmdd) {
    try {
      return Optional.of(LocalDate.of(Integer.parseInt(yyyymmdd.substring(0, 4)),
          Integer.parseInt(yyyymmdd.substring(4, 6)), Integer.parseInt(yyyymmdd.substring(6, 8))));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static boolean digits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
