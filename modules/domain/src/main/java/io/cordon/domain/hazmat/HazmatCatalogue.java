package io.cordon.domain.hazmat;

import java.util.Optional;

/**
 * The dangerous goods the park knows. The server loads it from a resource; tests and the server
 * can use {@link InMemoryHazmatCatalogue}. A UN number the catalogue does not know is refused.
 */
public interface HazmatCatalogue {

  Optional<CatalogueEntry> find(UnNumber unNumber);
}
