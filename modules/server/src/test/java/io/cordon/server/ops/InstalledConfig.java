package io.cordon.server.ops;

import io.cordon.server.ServerConfig;
import io.cordon.server.auth.AccountEntities;
import io.cordon.server.auth.Authenticator;
import io.cordon.server.auth.PasswordHasher;
import io.cordon.server.persistence.Database;
import io.cordon.server.persistence.DatabaseSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/** A configuration file like the installed one (H2 with AUTO_SERVER in its data directory), in a test directory. */
record InstalledConfig(Path file, Path dataDir) {

  static InstalledConfig in(Path dir, String... extraLines) throws IOException {
    Path dataDir = dir.resolve("data");
    StringBuilder text = new StringBuilder()
        .append("data.dir=data\n")
        .append("db.url=jdbc:h2:file:").append(dataDir.resolve("cordon").toString().replace('\\', '/'))
        .append(";AUTO_SERVER=TRUE\n")
        .append("db.user=cordon\n")
        .append("# park.file=\n")
        .append("media.port=-1\njt808.port=-1\n");
    for (String line : extraLines) {
      text.append(line).append('\n');
    }
    Path file = dir.resolve("cordon-server.properties");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return new InstalledConfig(file, dataDir);
  }

  ServerConfig server() {
    return ServerConfig.load(file, Map.of());
  }

  /** Opens the accounts of this database (migrating it) for a look or a change, then closes it. */
  void withAccounts(Consumer<Authenticator> work) {
    ServerConfig server = server();
    try (Database database = Database.open(new DatabaseSettings(server.databaseUrl(), server.databaseUser(),
        server.databasePassword()), AccountEntities.classes())) {
      work.accept(new Authenticator(database, new PasswordHasher(), server.clock(), server.sessionTtl()));
    }
  }
}
