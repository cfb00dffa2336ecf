package io.cordon.server.event;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NewEventTest {

  static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

  @Test
  void aNulInTheSummaryIsRefusedNamingIt() {
    assertThatThrownBy(() -> event("sensor.fault", "S-1", "cut\u0000wire"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("summary");
  }

  @Test
  void aSummaryLongerThanItsColumnInUtf16UnitsIsRefused() {
    String emoji = "\uD83D\uDE00"; // 251 code points, 502 UTF-16 units
    assertThatThrownBy(() -> event("sensor.fault", "S-1", emoji.repeat(251)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("summary");
  }

  @Test
  void aSubjectIdLongerThan128CharactersIsRefused() {
    assertThatThrownBy(() -> event("sensor.fault", "P".repeat(129), "ok"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subject id");
  }

  @Test
  void aTypeLongerThan100CharactersIsRefused() {
    assertThatThrownBy(() -> event("t".repeat(101), "S-1", "ok"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type");
  }

  private static NewEvent event(String type, String subject, String summary) {
    return new NewEvent(T0, type, List.of(new SubjectKey("segment", subject)), Optional.empty(), summary, Map.of());
  }
}
