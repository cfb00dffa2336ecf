package io.cordon.app.startup;

import io.cordon.client.connection.ServerAddress;
import io.cordon.client.layout.WorkstationLayoutStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the client was started.
 *
 * <pre>
 * (no options)            embedded mode: in-process server + simulator, data in ~/.cordon/data
 * --data-dir DIR          embedded mode with data in DIR
 * --server HOST:PORT      connect to a separate server (no embedded server, no simulator)
 * --workstation-file FILE where the window layout is saved (default ~/.cordon/workstation/&lt;host&gt;.properties)
 * --demo-autologin        dev only, embedded mode only: sign in as operator at once (screenshots)
 * --tiles PATH            optional offline base map: an XYZ tile folder (z/x/y.png) or an .mbtiles file
 * </pre>
 */
public record LaunchOptions(
    Optional<ServerAddress> server, Path dataDir, Path workstationFile, boolean demoAutologin, Optional<Path> tiles) {

  public LaunchOptions {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(tiles, "tiles");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(workstationFile, "workstationFile");
    if (demoAutologin && server.isPresent()) {
      throw new IllegalArgumentException("--demo-autologin works only in embedded mode");
    }
  }

  /** Without a base map. */
  public LaunchOptions(Optional<ServerAddress> server, Path dataDir, Path workstationFile, boolean demoAutologin) {
    this(server, dataDir, workstationFile, demoAutologin, Optional.empty());
  }

  public LaunchOptions withTiles(Path path) {
    return new LaunchOptions(server, dataDir, workstationFile, demoAutologin, Optional.of(path));
  }

  public boolean embedded() {
    return server.isEmpty();
  }

  public static Path defaultDataDir() {
    return Path.of(System.getProperty("user.home"), ".cordon", "data");
  }

  public static LaunchOptions defaults() {
    return new LaunchOptions(Optional.empty(), defaultDataDir(), WorkstationLayoutStore.defaultFile(), false);
  }

  /** Parses the command line; throws {@link IllegalArgumentException} with a usage hint. */
  public static LaunchOptions parse(List<String> args) {
    Optional<ServerAddress> server = Optional.empty();
    Path dataDir = defaultDataDir();
    Path workstation = WorkstationLayoutStore.defaultFile();
    boolean autologin = false;
    Optional<Path> tiles = Optional.empty();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--server" -> server = Optional.of(ServerAddress.parse(value(args, ++i, arg)));
        case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg));
        case "--workstation-file" -> workstation = Path.of(value(args, ++i, arg));
        case "--demo-autologin" -> autologin = true;
        case "--tiles" -> tiles = Optional.of(Path.of(value(args, ++i, arg)));
        default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + usage());
      }
    }
    return new LaunchOptions(server, dataDir, workstation, autologin, tiles);
  }

  private static String value(List<String> args, int i, String option) {
    if (i >= args.size()) {
      throw new IllegalArgumentException(option + " needs a value\n" + usage());
    }
    return args.get(i);
  }

  public static String usage() {
    return "usage: cordon [--server HOST:PORT | --data-dir DIR] [--workstation-file FILE] [--tiles PATH] [--demo-autologin]";
  }
}
