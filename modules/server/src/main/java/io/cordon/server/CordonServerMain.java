package io.cordon.server;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a standalone server: {@code CordonServerMain --config cordon-server.properties}, or one of the
 * operations commands of {@link io.cordon.server.ops.OpsCommands} (init, backup, restore, health). Without
 * {@code --config} the settings come from the environment only (see {@link ServerConfig}).
 */
public final class CordonServerMain {

  private static final Logger log = LoggerFactory.getLogger(CordonServerMain.class);

  private CordonServerMain() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && io.cordon.server.ops.OpsCommands.isCommand(args[0])) { // init, backup, restore, health, add-user
      System.exit(io.cordon.server.ops.OpsCommands.run(args, System.getenv(), System.out, System.err));
      return;
    }
    Path configFile = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        configFile = Path.of(args[++i]);
      } else {
        System.err.println("usage: CordonServerMain [--config cordon-server.properties] | init | backup | restore | health | add-user");
        System.exit(2);
        return;
      }
    }
    ServerConfig config;
    try {
      config = ServerConfig.load(configFile, System.getenv());
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      System.err.println("Configuration error: " + e.getMessage());
      System.exit(2);
      return;
    }
    log.info("Starting with {}", config);
    CordonServer server = CordonServer.start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "cordon-shutdown"));
    server.awaitTermination();
  }
}
