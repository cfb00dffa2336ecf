package io.cordon.map.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Tiles come from local files only: no class of the tiles package even refers to a networking
 * class (URL, URLConnection, sockets, HTTP client), so no code path can fetch a tile.
 */
class TilesStayOfflineTest {
  private static final List<String> NETWORK_CLASSES =
      List.of("java/net/URL", "java/net/Socket", "java/net/InetAddress", "java/net/http/", "javax/net/");

  @Test
  void noTilesClassRefersToTheNetwork() throws IOException, URISyntaxException {
    Path tilesPackage = Path.of(RasterTileLayer.class.getResource("RasterTileLayer.class").toURI()).getParent();
    List<Path> classes;
    try (Stream<Path> files = Files.list(tilesPackage)) {
      classes = files.filter(f -> f.toString().endsWith(".class")).toList();
    }

    assertThat(classes).hasSizeGreaterThan(5);
    for (Path type : classes) {
      // Class names in the constant pool are stored as plain modified-UTF-8 strings.
      String constants = new String(Files.readAllBytes(type), StandardCharsets.ISO_8859_1);
      assertThat(NETWORK_CLASSES).as("network classes used by %s", type.getFileName()).noneMatch(constants::contains);
    }
  }
}
