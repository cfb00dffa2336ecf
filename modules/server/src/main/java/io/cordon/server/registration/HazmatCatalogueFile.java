package io.cordon.server.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.domain.hazmat.CatalogueEntry;
import io.cordon.domain.hazmat.HazardClass;
import io.cordon.domain.hazmat.InMemoryHazmatCatalogue;
import io.cordon.domain.hazmat.UnNumber;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the park's dangerous-goods catalogue ({@code hazmat-catalogue.json}: UN number, Chinese and
 * English names, GB 6944 class). Which UN numbers the park forbids is configuration, not data: the
 * same list serves parks with different rules.
 */
public final class HazmatCatalogueFile {

  static final String RESOURCE = "hazmat-catalogue.json";

  private HazmatCatalogueFile() {
  }

  /** The catalogue shipped with the server, with {@code forbidden} UN numbers marked forbidden. */
  public static InMemoryHazmatCatalogue bundled(Set<UnNumber> forbidden) {
    try (InputStream in = HazmatCatalogueFile.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(in, forbidden);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Parses a catalogue; an unknown class, a malformed or repeated UN number is refused. */
  public static InMemoryHazmatCatalogue parse(InputStream json, Set<UnNumber> forbidden) throws IOException {
    JsonNode root = new ObjectMapper().readTree(json);
    List<CatalogueEntry> entries = new ArrayList<>();
    for (JsonNode node : root.path("entries")) {
      UnNumber un = UnNumber.parse(node.path("un").asText());
      String name = node.path("zh").asText() + " / " + node.path("en").asText();
      entries.add(new CatalogueEntry(un, name, HazardClass.parse(node.path("class").asText()), forbidden.contains(un)));
    }
    return new InMemoryHazmatCatalogue(entries);
  }
}
