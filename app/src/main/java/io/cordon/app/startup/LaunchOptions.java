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
 * </pre>
 */
public record LaunchOptions(
    Optional<ServerAddress> server, Path dataDir, Path workstationFile, boolean demoAutologin) {

  public LaunchOptions {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(workstationFile, "workstationFile");
    if (demoAutologin && server.isPresent()) {
      throw new IllegalArgumentException("--demo-autologin works only in embedded mode");
    }
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
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--server" -> server = Optional.of(ServerAddress.parse(value(args, ++i, arg)));
        case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg));
        case "--workstation-file" -> workstation = Path.of(value(args, ++i, arg));
        case "--demo-autologin" -> autologin = true;
        default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + usage());
      }
    }
    return new LaunchOptions(server, dataDir, workstation, autologin);
  }

  private static String value(List<String> args, int i, String option) {
    if (i >= args.size()) {
      throw new IllegalArgumentException(option + " needs a value\n" + usage());
    }
    return args.get(i);
  }

  public static String usage() {
    return "usage: cordon [--server HOST:PORT | --data-dir DIR] [--workstation-file FILE] [--demo-autologin]";
  }
}
