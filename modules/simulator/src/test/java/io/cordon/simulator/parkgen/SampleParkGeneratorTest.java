package io.cordon.simulator.parkgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class SampleParkGeneratorTest {
  /** The committed sample park, relative to this module's directory (Surefire's working dir). */
  private static final Path COMMITTED = Paths.get("../../resources/park/sample-park.geojson");

  @Test
  void committedSampleParkIsExactlyWhatTheGeneratorWrites() throws IOException {
    byte[] committed = Files.readAllBytes(COMMITTED);
    byte[] generated = SampleParkGenerator.generate().getBytes(StandardCharsets.UTF_8);

    assertThat(generated)
        .as("resources/park/sample-park.geojson is stale; regenerate it as resources/park/README.md"
            + " says")
        .isEqualTo(committed);
  }

  @Test
  void generatorIsDeterministic() {
    assertThat(SampleParkGenerator.generate()).isEqualTo(SampleParkGenerator.generate());
  }
}
