package io.cordon.server.statistics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the TrueType font with Chinese glyphs the PDF exports embed (subset): the configured file (config key
 * {@value #CONFIG_KEY}, system property {@code cordon.report.font}, environment {@code CORDON_REPORT_FONT}),
 * else the first of the usual Debian places (apt package fonts-wqy-microhei). CFF-based OpenType fonts (Noto
 * CJK) cannot be embedded by PDFBox, so they are not candidates.
 */
public final class FontLocator {

  public static final String CONFIG_KEY = "report.font";
  static final List<Path> CANDIDATES = List.of(
      Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
      Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
      Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
      Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"));

  private final Optional<Path> configured;

  private FontLocator(Optional<Path> configured) {
    this.configured = configured;
  }

  /** The configured file (if any), else the candidates. */
  public static FontLocator of(Optional<Path> configured) {
    return new FontLocator(configured);
  }

  /** From the system property {@code cordon.report.font} or the environment {@code CORDON_REPORT_FONT}. */
  public static FontLocator fromEnvironment() {
    String value = System.getProperty("cordon." + CONFIG_KEY, System.getenv("CORDON_REPORT_FONT"));
    return new FontLocator(value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value.trim())));
  }

  /** The font file to use: the configured one if it is readable, else the first readable candidate. */
  public Optional<Path> locate() {
    if (configured.isPresent() && Files.isReadable(configured.get())) {
      return configured;
    }
    return CANDIDATES.stream().filter(Files::isReadable).findFirst();
  }
}
