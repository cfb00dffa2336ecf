package io.cordon.server.ops;

import io.cordon.server.ServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.h2.tools.Restore;

/**
 * {@code cordon-server restore --from BACKUP.zip}: puts a backup's database and recordings index back.
 * Refuses while a server holds the database; the files it replaces are kept beside it
 * ({@code pre-restore-<time>/}) so a wrong restore can be undone.
 */
final class RestoreCommand {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
  /** H2's DATABASE_NOT_FOUND_WITH_IF_EXISTS_1: nothing there yet, which is fine for a restore. */
  private static final int NOT_FOUND = 90146;

  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;

  RestoreCommand(Map<String, String> env, PrintStream out, PrintStream err) {
    this.env = env;
    this.out = out;
    this.err = err;
  }

  int run(List<String> args) {
    OpsArgs options = OpsArgs.parse(args, Set.of("--config", "--from"));
    ServerConfig server = OpsConfig.load(options, env).server();
    Path backup = options.path("--from").orElseThrow(() -> new IllegalArgumentException("--from BACKUP.zip is required"));
    H2Location h2 = H2Location.of(server.databaseUrl()).orElse(null);
    if (h2 == null) {
      err.println("restore puts back an H2 file database; " + server.databaseUrl()
          + " is not one (PostgreSQL: pg_restore -d cordon cordon.dump)");
      return OpsCommands.USAGE;
    }
    if (!Files.isRegularFile(backup)) {
      err.println("No backup at " + backup);
      return OpsCommands.FAILED;
    }
    try (Connection probe = DriverManager.getConnection(h2.exclusiveUrl(), server.databaseUser(), server.databasePassword())) {
      probe.getMetaData(); // opened alone: no server holds it
    } catch (SQLException e) {
      if (e.getErrorCode() != NOT_FOUND) {
        err.println(DatabaseInUse.explain(e, "restore"));
        return OpsCommands.FAILED;
      }
    }
    String stamp = STAMP.format(Instant.now());
    Path work = server.dataDir().resolve(".restore-" + stamp);
    try {
      Files.createDirectories(work);
      Path databaseZip = work.resolve(BackupArchive.DATABASE_ENTRY);
      int index = unpack(backup, databaseZip, work.resolve("recordings"));
      if (!Files.isRegularFile(databaseZip)) {
        err.println(backup + " is not a Cordon backup: it has no " + BackupArchive.DATABASE_ENTRY);
        return OpsCommands.FAILED;
      }
      Path kept = server.dataDir().resolve("pre-restore-" + stamp);
      moveAside(h2, kept);
      Restore.execute(databaseZip.toString(), h2.directory().toString(), h2.name());
      if (index > 0) {
        Path recordings = server.dataDir().resolve("recordings");
        Files.createDirectories(recordings);
        try (Stream<Path> files = Files.list(work.resolve("recordings"))) {
          for (Path file : files.toList()) {
            Files.move(file, recordings.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      out.println("Restored " + backup + " into " + h2.dataFile()
          + (index > 0 ? " with " + index + " recordings index files" : "")
          + (Files.isDirectory(kept) ? "; the replaced files are in " + kept : ""));
      out.println("Start the server (systemctl start cordon-server); it migrates an older backup's schema on start.");
      return OpsCommands.OK;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restore " + backup, e);
    } finally {
      deleteTree(work);
    }
  }

  /** Unpacks the database copy and the recordings index; returns how many index files there were. */
  private static int unpack(Path backup, Path databaseZip, Path recordings) throws IOException {
    int index = 0;
    try (InputStream file = Files.newInputStream(backup); ZipInputStream zip = new ZipInputStream(file)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        String name = entry.getName();
        if (name.equals(BackupArchive.DATABASE_ENTRY)) {
          Files.copy(zip, databaseZip, StandardCopyOption.REPLACE_EXISTING);
        } else if (name.startsWith(BackupArchive.RECORDINGS_PREFIX) && !name.contains("..")
            && name.indexOf('/', BackupArchive.RECORDINGS_PREFIX.length()) < 0
            && name.length() > BackupArchive.RECORDINGS_PREFIX.length()) {
          Files.createDirectories(recordings);
          Files.copy(zip, recordings.resolve(name.substring(BackupArchive.RECORDINGS_PREFIX.length())),
              StandardCopyOption.REPLACE_EXISTING);
          index++;
        }
      }
    }
    return index;
  }

  private static void moveAside(H2Location h2, Path kept) throws IOException {
    try (Stream<Path> files = Files.list(h2.directory())) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith(h2.name() + ".")).toList()) {
        Files.createDirectories(kept);
        Files.move(file, kept.resolve(file.getFileName()));
      }
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean up " + dir, e);
    }
  }
}
