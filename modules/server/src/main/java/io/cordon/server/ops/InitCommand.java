package io.cordon.server.ops;

import io.cordon.domain.park.InvalidParkException;
import io.cordon.domain.park.Park;
import io.cordon.server.ServerConfig;
import io.cordon.server.auth.AccountEntities;
import io.cordon.server.auth.Authenticator;
import io.cordon.server.auth.PasswordHasher;
import io.cordon.server.park.ParkFileLoader;
import io.cordon.server.persistence.Database;
import io.cordon.server.persistence.DatabaseSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code cordon-server init}: the installer's first step. Checks the park plan (every broken rule on
 * its own line), migrates the database, sets the admin password (there is none before), deletes
 * demo accounts, records the park plan in the configuration file and says where data and logs live.
 * Running it again resets the admin password.
 */
final class InitCommand {

  /** Written into the data directory once init succeeded; the installed service starts only after it. */
  static final String MARKER = "initialized";

  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;

  InitCommand(Map<String, String> env, PrintStream out, PrintStream err) {
    this.env = env;
    this.out = out;
    this.err = err;
  }

  int run(List<String> args) {
    OpsArgs options = OpsArgs.parse(args, Set.of("--config", "--park", "--admin-password-file"));
    OpsConfig config = OpsConfig.load(options, env);
    ServerConfig server = config.server();

    Optional<Path> parkFile = options.path("--park").map(Path::toAbsolutePath).or(server::parkFile);
    Park park;
    try {
      park = parkFile.map(ParkFileLoader::load).orElseGet(ParkFileLoader::loadSample);
    } catch (InvalidParkException e) {
      err.println("The park plan " + parkFile.map(Path::toString).orElse("(sample)") + " is not valid:");
      err.println(e.getMessage());
      return OpsCommands.FAILED;
    }
    out.println("Park plan: " + park.name() + " — " + park.gates().size() + " gates, " + park.zones().size()
        + " control zones, " + park.cameras().size() + " cameras, " + park.sensors().size() + " sensors ("
        + parkFile.map(Path::toString).orElse("the bundled sample park") + ")");

    Optional<String> password = Secrets.read(options.path("--admin-password-file"), "CORDON_ADMIN_PASSWORD", env,
        "New password for the user admin", true);
    if (password.isEmpty()) {
      err.println("No admin password given: use --admin-password-file FILE, CORDON_ADMIN_PASSWORD or a terminal");
      return OpsCommands.USAGE;
    }
    if (password.get().length() < AdminAccount.MIN_LENGTH) {
      err.println("The admin password must have at least " + AdminAccount.MIN_LENGTH + " characters");
      return OpsCommands.USAGE;
    }

    createDirectories(server.dataDir());
    try (Database database = Database.open(new DatabaseSettings(server.databaseUrl(), server.databaseUser(),
        server.databasePassword()), AccountEntities.classes())) {
      PasswordHasher hasher = new PasswordHasher();
      boolean created = AdminAccount.setPassword(database, hasher, password.get(), Instant.now());
      out.println(created ? "Created the user admin with the password given" : "Replaced the password of the user admin");
      List<String> demo = new Authenticator(database, hasher, server.clock(), server.sessionTtl()).deleteDemoUsers();
      if (!demo.isEmpty()) {
        out.println("Deleted the demo accounts " + demo);
      }
    }
    if (options.get("--park").isPresent()) {
      config.file().ifPresentOrElse(file -> {
        setProperty(file, "park.file", parkFile.orElseThrow().toString());
        out.println("Park plan recorded in " + file + " (park.file)");
      }, () -> out.println("No configuration file: set CORDON_PARK_FILE=" + parkFile.orElseThrow()));
    }
    writeMarker(server.dataDir());
    out.println("Configuration: " + config.file().map(Path::toString).orElse("(environment only)"));
    out.println("Data:          " + server.dataDir());
    out.println("Database:      " + server.databaseUrl());
    out.println("Logs:          " + OpsConfig.logs(env));
    return OpsCommands.OK;
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + dir, e);
    }
  }

  private static void writeMarker(Path dataDir) {
    try {
      Files.writeString(dataDir.resolve(MARKER), Instant.now() + System.lineSeparator(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dataDir.resolve(MARKER), e);
    }
  }

  /** Replaces the key's line (commented out or not) or appends it; every other line stays as the installer wrote it. */
  static void setProperty(Path file, String key, String value) {
    try {
      List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
      String line = key + "=" + value.replace("\\", "\\\\");
      boolean replaced = false;
      for (int i = 0; i < lines.size() && !replaced; i++) {
        String trimmed = lines.get(i).replaceFirst("^#\\s*", "").trim();
        if (trimmed.startsWith(key + "=") || trimmed.startsWith(key + " =")) {
          lines.set(i, line);
          replaced = true;
        }
      }
      if (!replaced) {
        lines.add(line);
      }
      Files.write(file, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update " + file, e);
    }
  }
}
