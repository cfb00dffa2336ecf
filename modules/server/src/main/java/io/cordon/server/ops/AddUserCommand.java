package io.cordon.server.ops;

import io.cordon.api.v1.Role;
import io.cordon.server.ServerConfig;
import io.cordon.server.auth.AccountEntities;
import io.cordon.server.auth.Authenticator;
import io.cordon.server.auth.PasswordHasher;
import io.cordon.server.persistence.Database;
import io.cordon.server.persistence.DatabaseSettings;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code cordon-server add-user --name wang.ming --role operator [--display-name 王明]}: the accounts of the
 * duty staff, made by the installer on the server host (the contract has no account administration yet).
 * Works while the server runs (H2 with AUTO_SERVER, or PostgreSQL).
 */
final class AddUserCommand {

  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;

  AddUserCommand(Map<String, String> env, PrintStream out, PrintStream err) {
    this.env = env;
    this.out = out;
    this.err = err;
  }

  int run(List<String> args) {
    OpsArgs options = OpsArgs.parse(args, Set.of("--config", "--name", "--role", "--display-name", "--password-file"));
    String name = options.get("--name").orElseThrow(() -> new IllegalArgumentException("--name is required"));
    if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException("--name: 1 to 64 letters, digits, '.', '_' or '-', was " + name);
    }
    Role role = role(options.get("--role").orElseThrow(() -> new IllegalArgumentException("--role is required")));
    ServerConfig server = OpsConfig.load(options, env).server();
    Optional<String> password = Secrets.read(options.path("--password-file"), "CORDON_USER_PASSWORD", env,
        "Password for " + name, true);
    if (password.isEmpty() || password.get().length() < AdminAccount.MIN_LENGTH) {
      err.println("A password of at least " + AdminAccount.MIN_LENGTH
          + " characters is needed: --password-file FILE, CORDON_USER_PASSWORD or a terminal");
      return OpsCommands.USAGE;
    }
    try (Database database = Database.open(new DatabaseSettings(server.databaseUrl(), server.databaseUser(),
        server.databasePassword()), AccountEntities.classes())) {
      Authenticator accounts = new Authenticator(database, new PasswordHasher(), server.clock(), server.sessionTtl());
      if (!accounts.createUserIfAbsent(name, options.get("--display-name").orElse(name), password.get(), Set.of(role))) {
        err.println("The user " + name + " exists already");
        return OpsCommands.FAILED;
      }
    }
    out.println("Created the user " + name + " (" + role.name().substring("ROLE_".length()).toLowerCase(Locale.ROOT) + ")");
    return OpsCommands.OK;
  }

  private static Role role(String text) {
    String wanted = "ROLE_" + text.trim().toUpperCase(Locale.ROOT);
    for (Role role : List.of(Role.ROLE_OPERATOR, Role.ROLE_SUPERVISOR, Role.ROLE_ADMIN, Role.ROLE_ENTERPRISE,
        Role.ROLE_DEVICE, Role.ROLE_GATE_AGENT)) {
      if (role.name().equals(wanted)) {
        return role;
      }
    }
    throw new IllegalArgumentException("--role: operator, supervisor, admin, enterprise, device or gate_agent, was " + text);
  }
}
