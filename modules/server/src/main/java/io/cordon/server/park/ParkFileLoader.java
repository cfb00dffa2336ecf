package io.cordon.server.park;

import io.cordon.domain.park.InvalidParkException;
import io.cordon.domain.park.Park;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads and validates a park plan from a GeoJSON file or from the bundled sample park. */
public final class ParkFileLoader {
  /** The sample park on the classpath (copied from the repository's resources/park/). */
  public static final String SAMPLE_RESOURCE = "/sample/park/sample-park.geojson";

  private ParkFileLoader() {}

  /**
   * The valid park in the file.
   *
   * @throws InvalidParkException listing every problem of the file and every broken rule
   * @throws UncheckedIOException when the file cannot be read
   */
  public static Park load(Path file) {
    try {
      return ParkGeoJsonReader.read(Files.readString(file, StandardCharsets.UTF_8),
          file.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read park file " + file, e);
    }
  }

  /** The bundled sample park (DESIGN §7). */
  public static Park loadSample() {
    try (InputStream in = ParkFileLoader.class.getResourceAsStream(SAMPLE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("sample park " + SAMPLE_RESOURCE + " is not on the classpath");
      }
      return ParkGeoJsonReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8),
          "sample-park.geojson");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SAMPLE_RESOURCE, e);
    }
  }
}
