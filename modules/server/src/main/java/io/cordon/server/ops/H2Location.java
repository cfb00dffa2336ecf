package io.cordon.server.ops;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where an H2 file database lives, read from its JDBC URL ({@code jdbc:h2:file:/var/lib/cordon/cordon;…}):
 * the directory, the database name (files {@code name.mv.db}) and the URL's settings.
 */
record H2Location(Path directory, String name, String settings) {

  /** Empty for anything but an H2 file database (PostgreSQL, in-memory, TCP). */
  static Optional<H2Location> of(String jdbcUrl) {
    if (!jdbcUrl.startsWith("jdbc:h2:")) {
      return Optional.empty();
    }
    String rest = jdbcUrl.substring("jdbc:h2:".length());
    int semicolon = rest.indexOf(';');
    String path = semicolon < 0 ? rest : rest.substring(0, semicolon);
    String settings = semicolon < 0 ? "" : rest.substring(semicolon + 1);
    if (path.startsWith("mem:") || path.startsWith("tcp:") || path.startsWith("ssl:")) {
      return Optional.empty();
    }
    path = path.startsWith("file:") ? path.substring("file:".length()) : path;
    Path file = Path.of(path).toAbsolutePath();
    return Optional.of(new H2Location(file.getParent(), file.getFileName().toString(), settings));
  }

  Path dataFile() {
    return directory.resolve(name + ".mv.db");
  }

  /**
   * This database opened by this process alone, never through a running server's AUTO_SERVER port and
   * never created when absent: opening it fails while another process holds it.
   */
  String exclusiveUrl() {
    String kept = Arrays.stream(settings.split(";"))
        .filter(s -> !s.isBlank())
        .filter(s -> !s.toUpperCase(java.util.Locale.ROOT).startsWith("AUTO_SERVER"))
        .filter(s -> !s.toUpperCase(java.util.Locale.ROOT).startsWith("IFEXISTS"))
        .collect(Collectors.joining(";"));
    return "jdbc:h2:file:" + directory.resolve(name).toString().replace('\\', '/') + (kept.isEmpty() ? "" : ";" + kept)
        + ";IFEXISTS=TRUE";
  }
}
