package io.cordon.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.Role;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddUserCommandTest {

  @TempDir
  Path dir;

  @Test
  void anOperatorAddedOnTheServerHostCanLogInAsAnOperator() throws Exception {
    InstalledConfig config = InstalledConfig.in(dir);

    OpsRun run = OpsRun.of(Map.of("CORDON_USER_PASSWORD", "Night-Shift-07"), "add-user", "--config",
        config.file().toString(), "--name", "wang.ming", "--role", "operator", "--display-name", "王明");

    assertThat(run.exitCode()).as(run.err()).isZero();
    config.withAccounts(auth -> assertThat(auth.verify("wang.ming", "Night-Shift-07"))
        .hasValueSatisfying(user -> assertThat(user.roles()).containsExactly(Role.ROLE_OPERATOR)));
  }

  @Test
  void anExistingUserIsNotOverwritten() throws Exception {
    InstalledConfig config = InstalledConfig.in(dir);
    OpsRun.of(Map.of("CORDON_USER_PASSWORD", "Night-Shift-07"), "add-user", "--config", config.file().toString(),
        "--name", "wang.ming", "--role", "operator");

    OpsRun again = OpsRun.of(Map.of("CORDON_USER_PASSWORD", "Other-Password-1"), "add-user", "--config",
        config.file().toString(), "--name", "wang.ming", "--role", "supervisor");

    assertThat(again.exitCode()).isEqualTo(OpsCommands.FAILED);
    config.withAccounts(auth -> assertThat(auth.verify("wang.ming", "Night-Shift-07")).isPresent());
  }

  @Test
  void anUnknownRoleIsAUsageError() throws Exception {
    InstalledConfig config = InstalledConfig.in(dir);

    OpsRun run = OpsRun.of(Map.of("CORDON_USER_PASSWORD", "Night-Shift-07"), "add-user", "--config",
        config.file().toString(), "--name", "wang.ming", "--role", "boss");

    assertThat(run.exitCode()).isEqualTo(OpsCommands.USAGE);
    assertThat(run.err()).contains("--role");
  }
}
