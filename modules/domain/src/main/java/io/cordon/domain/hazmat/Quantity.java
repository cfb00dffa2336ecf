package io.cordon.domain.hazmat;

import java.math.BigDecimal;
import java.util.Objects;

/** A declared quantity: a positive amount in a unit. */
public record Quantity(BigDecimal amount, QuantityUnit unit) {
  public Quantity {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(unit, "unit");
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException("must be more than zero");
    }
  }

  public static Quantity of(String amount, QuantityUnit unit) {
    return new Quantity(new BigDecimal(amount), unit);
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + unit.name().toLowerCase(java.util.Locale.ROOT);
  }
}
