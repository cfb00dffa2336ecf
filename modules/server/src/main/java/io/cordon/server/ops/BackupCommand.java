package io.cordon.server.ops;

import io.cordon.server.ServerConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code cordon-server backup}: a consistent copy of the H2 database taken with H2's {@code BACKUP TO}
 * while the server runs (the installed configuration opens H2 with AUTO_SERVER=TRUE, so this
 * process joins the running server's database instead of being locked out), plus the recordings
 * index. PostgreSQL is backed up with its own tools (pg_dump).
 */
final class BackupCommand {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;

  BackupCommand(Map<String, String> env, PrintStream out, PrintStream err) {
    this.env = env;
    this.out = out;
    this.err = err;
  }

  int run(List<String> args) {
    OpsArgs options = OpsArgs.parse(args, Set.of("--config", "--to"));
    ServerConfig server = OpsConfig.load(options, env).server();
    String url = server.databaseUrl();
    if (H2Location.of(url).isEmpty()) {
      err.println("backup copies an H2 file database; " + url + " is not one (PostgreSQL: pg_dump -Fc cordon > cordon.dump)");
      return OpsCommands.USAGE;
    }
    H2Location h2 = H2Location.of(url).orElseThrow();
    if (!Files.isRegularFile(h2.dataFile())) {
      err.println("No database at " + h2.dataFile() + ": nothing to back up");
      return OpsCommands.FAILED;
    }
    Path dir = options.path("--to").orElse(server.dataDir().resolve("backups")).toAbsolutePath();
    String stamp = STAMP.format(Instant.now());
    Path archive = dir.resolve("cordon-backup-" + stamp + ".zip");
    Path databaseCopy = dir.resolve(".cordon-db-" + stamp + ".zip");
    try {
      Files.createDirectories(dir);
      String schema;
      try (Connection connection = DriverManager.getConnection(url + ";IFEXISTS=TRUE", server.databaseUser(),
          server.databasePassword());
          Statement statement = connection.createStatement()) {
        schema = schemaVersion(statement);
        statement.execute("BACKUP TO '" + databaseCopy.toString().replace("'", "''") + "'");
      }
      List<Path> index = recordingsIndex(server.dataDir());
      write(archive, databaseCopy, index, url, schema);
      out.println("Backup written: " + archive + " (" + Files.size(archive) / 1024 + " KiB, schema version " + schema
          + (index.isEmpty() ? ", no recordings index" : ", recordings index: " + index.size() + " files") + ")");
      return OpsCommands.OK;
    } catch (SQLException e) {
      err.println(DatabaseInUse.explain(e, "back up"));
      return OpsCommands.FAILED;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the backup in " + dir, e);
    } finally {
      try {
        Files.deleteIfExists(databaseCopy);
      } catch (IOException e) {
        err.println("could not delete " + databaseCopy + ": " + e.getMessage());
      }
    }
  }

  private static String schemaVersion(Statement statement) {
    try (ResultSet rows = statement.executeQuery(
        "select max(cast(\"version\" as int)) from \"flyway_schema_history\" where \"success\" = true")) {
      return rows.next() ? String.valueOf(rows.getInt(1)) : "?";
    } catch (SQLException e) {
      return "?";
    }
  }

  private static List<Path> recordingsIndex(Path dataDir) throws IOException {
    Path recordings = dataDir.resolve("recordings");
    if (!Files.isDirectory(recordings)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(recordings)) {
      return files.filter(Files::isRegularFile).filter(BackupArchive::isRecordingsIndex).sorted().toList();
    }
  }

  private static void write(Path archive, Path databaseCopy, List<Path> index, String url, String schema)
      throws IOException {
    Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
    try (OutputStream file = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(file)) {
      zip.putNextEntry(new ZipEntry(BackupArchive.DATABASE_ENTRY));
      Files.copy(databaseCopy, zip);
      zip.closeEntry();
      for (Path path : index) {
        zip.putNextEntry(new ZipEntry(BackupArchive.RECORDINGS_PREFIX + path.getFileName()));
        Files.copy(path, zip);
        zip.closeEntry();
      }
      Properties manifest = new Properties();
      manifest.setProperty("created", Instant.now().toString());
      manifest.setProperty("database.url", url);
      manifest.setProperty("schema.version", schema);
      zip.putNextEntry(new ZipEntry(BackupArchive.MANIFEST_ENTRY));
      manifest.store(zip, "Cordon backup");
      zip.closeEntry();
    }
    Files.move(partial, archive, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
