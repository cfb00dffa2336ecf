package io.cordon.domain.identity;

import java.util.Objects;

/**
 * A mainland mobile number: 11 digits, 1 then 3-9. Parsing drops spaces, hyphens and a +86 / 0086
 * prefix. Landlines are not accepted: the number must receive SMS pass notifications.
 */
public record PhoneNumber(String value) {

  public PhoneNumber {
    Objects.requireNonNull(value, "value");
    if (!value.matches("1[3-9][0-9]{9}")) {
      throw new IllegalArgumentException(value.length() != 11
          ? "must be an 11-digit mainland mobile number, not " + value.length() + " digits"
          : "must be a mainland mobile number starting 13-19");
    }
  }

  public static PhoneNumber parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("is required");
    }
    String digits = text.replaceAll("[\\s\\-()]", "");
    if (digits.startsWith("+86")) {
      digits = digits.substring(3);
    } else if (digits.startsWith("0086")) {
      digits = digits.substring(4);
    }
    if (!digits.matches("[0-9]*")) {
      throw new IllegalArgumentException("must contain digits only");
    }
    return new PhoneNumber(digits);
  }

  /** 138****5678, for display and logs. */
  public String masked() {
    return value.substring(0, 3) + "****" + value.substring(7);
  }

  @Override
  public String toString() {
    return masked();
  }
}
