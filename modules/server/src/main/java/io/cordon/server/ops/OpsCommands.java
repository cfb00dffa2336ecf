package io.cordon.server.ops;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operations commands of {@code cordon-server}: {@code init}, {@code backup}, {@code restore},
 * {@code health}, {@code add-user}. The server's main hands over when its first argument names one.
 */
public final class OpsCommands {

  /** Exit code: done, every check passed. */
  public static final int OK = 0;
  /** Exit code: a check failed (a device does not answer, the server is running, a bad file). */
  public static final int FAILED = 1;
  /** Exit code: the command line or the configuration is wrong. */
  public static final int USAGE = 2;

  private static final Set<String> COMMANDS = Set.of("init", "backup", "restore", "health", "add-user");

  private OpsCommands() {
  }

  public static boolean isCommand(String arg) {
    return COMMANDS.contains(arg);
  }

  /** Runs {@code args[0]} with the rest as its options; returns the exit code. */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    try {
      switch (args[0]) {
        case "init":
          return new InitCommand(env, out, err).run(rest);
        case "backup":
          return new BackupCommand(env, out, err).run(rest);
        case "restore":
          return new RestoreCommand(env, out, err).run(rest);
        case "health":
          return new HealthCommand(env, out, err).run(rest);
        case "add-user":
          return new AddUserCommand(env, out, err).run(rest);
        default:
          err.println(usage());
          return USAGE;
      }
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      err.println(args[0] + ": " + e.getMessage());
      err.println(usage());
      return USAGE;
    }
  }

  static String usage() {
    return String.join(System.lineSeparator(),
        "usage: cordon-server [--config FILE]                       run the server",
        "       cordon-server init    --config FILE [--park FILE] [--admin-password-file FILE]",
        "       cordon-server backup  --config FILE [--to DIR]",
        "       cordon-server restore --config FILE --from BACKUP.zip",
        "       cordon-server health  --config FILE [--user admin] [--password-file FILE] [--terminal-silence PT5M]",
        "       cordon-server add-user --config FILE --name NAME --role operator|supervisor|… [--display-name 王明]"
            + " [--password-file FILE]");
  }
}
