package io.cordon.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.Terminal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** cordon-server health on JT/T 808 terminals: connected or heard from lately passes, silent fails. */
class TerminalHealthTest {

  private static final Instant NOW = Instant.parse("2026-11-26T03:00:00Z");

  private static Terminal terminal(String number, String plate, boolean connected, Instant lastSeen) {
    Terminal.Builder t = Terminal.newBuilder().setTerminalNumber(number).setPlate(plate).setConnected(connected);
    if (lastSeen != null) {
      t.setLastSeen(Timestamp.newBuilder().setSeconds(lastSeen.getEpochSecond()));
    }
    return t.build();
  }

  @Test
  void aConnectedTerminalOrOneHeardWithinTheSilenceLimitPassesAndASilentOneFails() {
    List<DeviceCheck> checks = HealthCommand.terminals(List.of(
        terminal("013900000001", "苏E00001", true, NOW.minusSeconds(3)),
        terminal("013900000002", "苏E00002", false, NOW.minusSeconds(120)),
        terminal("013900000003", "苏E00003", false, NOW.minus(Duration.ofHours(2))),
        terminal("013900000004", "", false, null)), HealthCommand.DEFAULT_TERMINAL_SILENCE, NOW);

    assertThat(checks).extracting(DeviceCheck::id, DeviceCheck::ok).containsExactly(
        Tuple.tuple("013900000001", true),
        Tuple.tuple("013900000002", true),
        Tuple.tuple("013900000003", false),
        Tuple.tuple("013900000004", false));
    assertThat(checks.get(2).line()).startsWith("FAIL").contains("苏E00003", "not connected", "2026-11-26T01:00:00Z");
    assertThat(checks.get(3).line()).contains("(unbound)", "never");
  }

  @Test
  void theSilenceLimitIsTheOperatorsChoice() {
    Terminal quiet = terminal("013900000002", "苏E00002", false, NOW.minusSeconds(120));

    assertThat(HealthCommand.terminals(List.of(quiet), Duration.ofMinutes(1), NOW)).singleElement()
        .satisfies(c -> assertThat(c.ok()).isFalse());
  }
}
