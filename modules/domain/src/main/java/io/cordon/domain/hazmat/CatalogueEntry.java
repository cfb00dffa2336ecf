package io.cordon.domain.hazmat;

import java.util.Objects;

/**
 * What the park knows of one UN number: its proper shipping name, class or division, and whether the
 * park forbids it (禁止入园, e.g. substances no enterprise of the park may receive).
 */
public record CatalogueEntry(UnNumber unNumber, String properName, HazardClass hazardClass, boolean forbidden) {
  public CatalogueEntry {
    Objects.requireNonNull(unNumber, "unNumber");
    Objects.requireNonNull(properName, "properName");
    Objects.requireNonNull(hazardClass, "hazardClass");
  }
}
