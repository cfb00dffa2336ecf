package io.cordon.domain.hazmat;

import java.util.Locale;
import java.util.Objects;

/** UN 编号: "UN" and four digits, UN0001 to UN9999 (UN0000 is none). Parsing accepts "1203", "UN 1203", "un1203". */
public record UnNumber(String value) {

  public UnNumber {
    Objects.requireNonNull(value, "value");
    if (!value.matches("UN[0-9]{4}")) {
      throw new IllegalArgumentException("must be UN and four digits, e.g. UN1203");
    }
    if (value.equals("UN0000")) {
      throw new IllegalArgumentException("UN0000 is no UN number");
    }
  }

  public static UnNumber parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("is required");
    }
    String t = text.replace(" ", "").toUpperCase(Locale.ROOT);
    return new UnNumber(t.startsWith("UN") ? t : "UN" + t);
  }

  @Override
  public String toString() {
    return value;
  }
}
