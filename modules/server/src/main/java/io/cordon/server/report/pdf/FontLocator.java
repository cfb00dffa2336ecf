package io.cordon.server.report.pdf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the TrueType font with Chinese glyphs that reports and statistics exports embed. PDFBox embeds TrueType
 * (glyf) outlines only, so the CFF-based Noto CJK fonts most Linux desktops carry do not qualify; WenQuanYi Micro
 * Hei (Debian package {@value #PACKAGE}) does. One behaviour for every PDF the server writes:
 * <ul>
 * <li>a configured file ({@value #CONFIG_KEY}: system property, else {@value #ENV_VARIABLE}) is used if it is a
 * regular file; if it is missing the PDF fails (no silent fallback to another face: whoever configured it meant
 * that one);</li>
 * <li>else the first known system path that exists; if none does, the PDF fails too.</li>
 * </ul>
 * Failures are {@link IllegalStateException}s naming {@value #CONFIG_KEY} and {@value #PACKAGE}; the gRPC services
 * answer them with FAILED_PRECONDITION, so the server starts without the font and only the PDFs are refused.
 */
public final class FontLocator {
  /** The configuration key and the environment variable naming the font file explicitly. */
  public static final String CONFIG_KEY = "report.font";
  public static final String ENV_VARIABLE = "CORDON_REPORT_FONT";
  /** The Debian package with the font the known paths look for first. */
  public static final String PACKAGE = "fonts-wqy-microhei";

  /** TrueType fonts with CJK glyphs, most suitable first (.ttc collections and plain .ttf files). */
  public static final List<Path> KNOWN_PATHS = List.of(
      Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
      Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
      Path.of("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"),
      Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
      Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
      Path.of("C:/Windows/Fonts/msyh.ttc"),
      Path.of("C:/Windows/Fonts/simhei.ttf"));

  private final Optional<Path> configured;
  private final List<Path> known;

  public FontLocator(Optional<Path> configured, List<Path> known) {
    this.configured = configured;
    this.known = List.copyOf(known);
  }

  /** The system property {@code report.font}, else {@code CORDON_REPORT_FONT}, else the known paths. */
  public static FontLocator fromSystem() {
    String explicit = System.getProperty(CONFIG_KEY, System.getenv(ENV_VARIABLE));
    return new FontLocator(Optional.ofNullable(explicit).filter(s -> !s.isBlank()).map(Path::of), KNOWN_PATHS);
  }

  /**
   * @throws IllegalStateException naming what was tried when the configured file is missing or no known one exists
   */
  public Path locate() {
    if (configured.isPresent()) {
      if (Files.isRegularFile(configured.get())) {
        return configured.get();
      }
      throw new IllegalStateException(CONFIG_KEY + " names " + configured.get() + ", which is not a readable file:"
          + " point it at a .ttf/.ttc file with Chinese glyphs, or unset it to use the installed " + PACKAGE);
    }
    return known.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() -> new IllegalStateException(
        "no TrueType font with Chinese glyphs for reports: set " + CONFIG_KEY + " (or " + ENV_VARIABLE
            + ") to a .ttf/.ttc file, or install " + PACKAGE + "; tried " + known));
  }
}
