package io.cordon.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {

  private static final String PASSWORD = "Gate-Keeper-2026";

  @TempDir
  Path dir;

  @Test
  void initCreatesTheAdminWithTheGivenPassword() throws Exception {
    InstalledConfig config = InstalledConfig.in(dir);

    OpsRun run = OpsRun.of(Map.of("CORDON_ADMIN_PASSWORD", PASSWORD), "init", "--config", config.file().toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    AtomicBoolean admitted = new AtomicBoolean();
    config.withAccounts(auth -> admitted.set(auth.verify("admin", PASSWORD).isPresent()));
    assertThat(admitted).isTrue();
  }

  @Test
  void initLeavesNoWellKnownPasswordBehind() throws Exception {
    InstalledConfig config = InstalledConfig.in(dir);
    config.withAccounts(auth -> {
      auth.createDemoUserIfAbsent("admin", "demo admin", "admin", Set.of(Role.ROLE_ADMIN));
      auth.createDemoUserIfAbsent("operator", "demo operator", "operator", Set.of(Role.ROLE_OPERATOR));
    });

    OpsRun run = OpsRun.of(Map.of("CORDON_ADMIN_PASSWORD", PASSWORD), "init", "--config", config.file().toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    config.withAccounts(auth -> {
      assertThat(auth.verify("admin", "admin")).isEmpty();
      assertThat(auth.verify("admin", PASSWORD)).isPresent();
      assertThat(auth.userExists("operator")).isFalse();
    });
  }

  @Test
  void initRefusesAShortAdminPassword() throws Exception {
    InstalledConfig config = InstalledConfig.in(dir);

    OpsRun run = OpsRun.of(Map.of("CORDON_ADMIN_PASSWORD", "admin"), "init", "--config", config.file().toString());

    assertThat(run.exitCode()).isEqualTo(OpsCommands.USAGE);
    assertThat(run.err()).contains("at least 8 characters");
    assertThat(config.dataDir().resolve(InitCommand.MARKER)).doesNotExist();
  }

  @Test
  void initRefusesAParkPlanThatBreaksTheRulesAndNamesTheBrokenOnes() throws Exception {
    InstalledConfig config = InstalledConfig.in(dir);
    Path park = dir.resolve("bad-park.geojson");
    Files.writeString(park, "{\"type\":\"FeatureCollection\",\"properties\":{\"id\":\"P\",\"name\":\"坏园区\"},"
        + "\"features\":[]}", StandardCharsets.UTF_8);

    OpsRun run = OpsRun.of(Map.of("CORDON_ADMIN_PASSWORD", PASSWORD), "init", "--config", config.file().toString(),
        "--park", park.toString());

    assertThat(run.exitCode()).isEqualTo(OpsCommands.FAILED);
    assertThat(run.err()).contains("bad-park.geojson is not valid").contains("perimeter");
    assertThat(config.dataDir().resolve(InitCommand.MARKER)).doesNotExist();
  }

  @Test
  void initRecordsAValidParkPlanInTheConfigurationFile() throws Exception {
    InstalledConfig config = InstalledConfig.in(dir);
    Path park = dir.resolve("my-park.geojson");
    Files.copy(Path.of("../../resources/park/sample-park.geojson"), park);

    OpsRun run = OpsRun.of(Map.of("CORDON_ADMIN_PASSWORD", PASSWORD), "init", "--config", config.file().toString(),
        "--park", park.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readAllLines(config.file())).contains("park.file=" + park.toAbsolutePath());
    assertThat(config.server().parkFile()).contains(park.toAbsolutePath());
  }

  @Test
  void initSaysWhereDataAndLogsLive() throws Exception {
    InstalledConfig config = InstalledConfig.in(dir);

    OpsRun run = OpsRun.of(Map.of("CORDON_ADMIN_PASSWORD", PASSWORD, "CORDON_LOG_DIR", "/var/log/cordon"),
        "init", "--config", config.file().toString());

    assertThat(run.out()).contains("Data:          " + config.dataDir()).contains("Logs:          /var/log/cordon")
        .contains("Configuration: " + config.file());
    assertThat(config.dataDir().resolve(InitCommand.MARKER)).exists();
  }
}
