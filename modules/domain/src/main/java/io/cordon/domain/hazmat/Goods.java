package io.cordon.domain.hazmat;

import java.util.Objects;
import java.util.Optional;

/**
 * Dangerous goods declared on a delivery: name, class, UN number and quantity as the applicant gives
 * them, and for hazardous waste its 危险废物代码 (e.g. HW08) from the national list.
 */
public record Goods(String name, HazardClass hazardClass, UnNumber unNumber, Quantity quantity,
    Optional<String> wasteCode) {

  public Goods {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(hazardClass, "hazardClass");
    Objects.requireNonNull(unNumber, "unNumber");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(wasteCode, "wasteCode");
  }

  public static Goods of(String name, HazardClass hazardClass, UnNumber unNumber, Quantity quantity) {
    return new Goods(name, hazardClass, unNumber, quantity, Optional.empty());
  }
}
