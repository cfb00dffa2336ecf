package io.cordon.server.ops;

import io.cordon.server.ServerConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The configuration a command works on: {@code --config FILE}, else the file named by CORDON_CONFIG. */
record OpsConfig(Optional<Path> file, ServerConfig server) {

  static OpsConfig load(OpsArgs args, Map<String, String> env) {
    Optional<Path> file = args.path("--config")
        .or(() -> Optional.ofNullable(env.get("CORDON_CONFIG")).filter(v -> !v.isBlank()).map(Path::of));
    return new OpsConfig(file, ServerConfig.load(file.orElse(null), env));
  }

  /** Where the server's log files are (the installed server sets cordon.log.dir), or where its output goes. */
  static String logs(Map<String, String> env) {
    String dir = System.getProperty("cordon.log.dir", env.getOrDefault("CORDON_LOG_DIR", ""));
    return dir.isBlank() ? "standard output (under systemd: journalctl -u cordon-server)" : dir + " (rotated daily and at 50 MB)";
  }
}
