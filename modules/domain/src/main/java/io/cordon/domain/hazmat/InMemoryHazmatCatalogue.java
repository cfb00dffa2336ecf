package io.cordon.domain.hazmat;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A catalogue from given entries; a UN number given twice is refused (the resource is wrong). */
public final class InMemoryHazmatCatalogue implements HazmatCatalogue {

  private final Map<UnNumber, CatalogueEntry> entries;

  public InMemoryHazmatCatalogue(Collection<CatalogueEntry> entries) {
    Map<UnNumber, CatalogueEntry> map = new HashMap<>();
    for (CatalogueEntry e : entries) {
      if (map.put(e.unNumber(), e) != null) {
        throw new IllegalArgumentException(e.unNumber() + " is listed twice");
      }
    }
    this.entries = Map.copyOf(map);
  }

  @Override
  public Optional<CatalogueEntry> find(UnNumber unNumber) {
    return Optional.ofNullable(entries.get(unNumber));
  }

  public int size() {
    return entries.size();
  }
}
