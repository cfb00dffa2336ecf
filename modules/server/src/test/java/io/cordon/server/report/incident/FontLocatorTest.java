package io.cordon.server.report.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cordon.server.report.pdf.FontLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FontLocatorTest {
  @TempDir
  Path dir;

  @Test
  void theConfiguredFontWinsOverTheKnownPaths() throws Exception {
    Path configured = Files.createFile(dir.resolve("mine.ttf"));
    Path known = Files.createFile(dir.resolve("known.ttc"));

    assertThat(new FontLocator(Optional.of(configured), List.of(known)).locate()).isEqualTo(configured);
  }

  @Test
  void theFirstKnownPathThatExistsIsTakenWhenNoneIsConfigured() throws Exception {
    Path present = Files.createFile(dir.resolve("present.ttc"));

    assertThat(new FontLocator(Optional.empty(), List.of(dir.resolve("absent.ttc"), present)).locate())
        .isEqualTo(present);
  }

  @Test
  void aConfiguredFileThatIsMissingIsAnErrorNamingTheKey() {
    IllegalStateException e = catchThrowableOfType(
        () -> new FontLocator(Optional.of(dir.resolve("gone.ttf")), FontLocator.KNOWN_PATHS).locate(),
        IllegalStateException.class);

    assertThat(e).hasMessageContaining("report.font").hasMessageContaining("gone.ttf")
        .hasMessageContaining("fonts-wqy-microhei");
  }

  @Test
  void noFontAtAllIsAnErrorSayingWhatToInstall() {
    IllegalStateException e = catchThrowableOfType(
        () -> new FontLocator(Optional.empty(), List.of(dir.resolve("absent.ttc"))).locate(),
        IllegalStateException.class);

    assertThat(e).hasMessageContaining("fonts-wqy-microhei").hasMessageContaining("report.font");
  }
}
