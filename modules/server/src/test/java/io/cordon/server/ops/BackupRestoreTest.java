package io.cordon.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRestoreTest {

  private static final Map<String, String> ENV = Map.of("CORDON_ADMIN_PASSWORD", "Backup-Test-2026");

  @TempDir
  Path dir;

  @Test
  void restoreBringsBackWhatTheBackupHeld() throws Exception {
    InstalledConfig config = initialised();
    config.withAccounts(auth -> auth.createUserIfAbsent("zhang.wei", "张伟", "Duty-Shift-42", Set.of(Role.ROLE_OPERATOR)));
    Path backup = backupFile(OpsRun.of(ENV, "backup", "--config", config.file().toString(), "--to", dir.resolve("b").toString()));
    Files.delete(config.dataDir().resolve("cordon.mv.db"));
    config.withAccounts(auth -> assertThat(auth.userExists("zhang.wei")).isFalse());

    OpsRun restore = OpsRun.of(ENV, "restore", "--config", config.file().toString(), "--from", backup.toString());

    assertThat(restore.exitCode()).as(restore.err()).isZero();
    AtomicBoolean back = new AtomicBoolean();
    config.withAccounts(auth -> back.set(auth.verify("zhang.wei", "Duty-Shift-42").isPresent()));
    assertThat(back).isTrue();
  }

  @Test
  void restoreKeepsTheDatabaseItReplaces() throws Exception {
    InstalledConfig config = initialised();
    Path backup = backupFile(OpsRun.of(ENV, "backup", "--config", config.file().toString()));

    OpsRun restore = OpsRun.of(ENV, "restore", "--config", config.file().toString(), "--from", backup.toString());

    assertThat(restore.exitCode()).as(restore.err()).isZero();
    try (Stream<Path> kept = Files.list(config.dataDir())) {
      assertThat(kept.filter(p -> p.getFileName().toString().startsWith("pre-restore-")).toList())
          .singleElement().satisfies(d -> assertThat(d.resolve("cordon.mv.db")).exists());
    }
  }

  @Test
  void theRecordingsIndexTravelsWithTheBackup() throws Exception {
    InstalledConfig config = initialised();
    Path index = config.dataDir().resolve("recordings").resolve("index.json");
    Files.createDirectories(index.getParent());
    Files.writeString(index, "{\"segments\":[\"CAM-001/2026-11-26T09.ts\"]}");
    Path backup = backupFile(OpsRun.of(ENV, "backup", "--config", config.file().toString()));
    Files.delete(index);

    OpsRun restore = OpsRun.of(ENV, "restore", "--config", config.file().toString(), "--from", backup.toString());

    assertThat(restore.exitCode()).as(restore.err()).isZero();
    assertThat(index).hasContent("{\"segments\":[\"CAM-001/2026-11-26T09.ts\"]}");
  }

  @Test
  void backupCopiesTheDatabaseWhileAnotherProcessHoldsIt() throws Exception {
    InstalledConfig config = initialised();
    try (H2HoldingProcess server = H2HoldingProcess.open(config.server().databaseUrl(), "cordon")) {
      OpsRun backup = OpsRun.of(ENV, "backup", "--config", config.file().toString());

      assertThat(backup.exitCode()).as(backup.err()).isZero();
      assertThat(backupFile(backup)).exists();
    }
  }

  @Test
  void restoreRefusesWhileAServerHoldsTheDatabase() throws Exception {
    InstalledConfig config = initialised();
    Path backup = backupFile(OpsRun.of(ENV, "backup", "--config", config.file().toString()));
    try (H2HoldingProcess server = H2HoldingProcess.open(config.server().databaseUrl(), "cordon")) {
      OpsRun restore = OpsRun.of(ENV, "restore", "--config", config.file().toString(), "--from", backup.toString());

      assertThat(restore.exitCode()).isEqualTo(OpsCommands.FAILED);
      assertThat(restore.err()).contains("in use by a running server");
    }
    try (Stream<Path> files = Files.list(config.dataDir())) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).noneMatch(n -> n.startsWith("pre-restore-"));
    }
  }

  @Test
  void backupOfAPostgresqlDatabasePointsToPgDump() throws Exception {
    InstalledConfig config = InstalledConfig.in(dir, "db.url=jdbc:postgresql://127.0.0.1:5432/cordon");

    OpsRun backup = OpsRun.of(ENV, "backup", "--config", config.file().toString());

    assertThat(backup.exitCode()).isEqualTo(OpsCommands.USAGE);
    assertThat(backup.err()).contains("pg_dump");
  }

  private InstalledConfig initialised() throws Exception {
    InstalledConfig config = InstalledConfig.in(dir);
    OpsRun init = OpsRun.of(ENV, "init", "--config", config.file().toString());
    assertThat(init.exitCode()).as(init.err()).isZero();
    return config;
  }

  /** The archive a successful backup run names. */
  private static Path backupFile(OpsRun backup) {
    assertThat(backup.exitCode()).as(backup.err()).isZero();
    List<String> words = List.of(backup.out().split("\\s+"));
    return Path.of(words.get(words.indexOf("written:") + 1));
  }
}
