package io.cordon.bench.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.cordon.domain.vehicle.Plate;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AlarmBenchSettingsTest {

  @Test
  void noArgumentsMeanTheIssueTarget() {
    assertThat(AlarmBenchSettings.parse()).isEqualTo(new AlarmBenchSettings(200, 2_000, 10, 300, 1));
  }

  @Test
  void argumentsOverrideOnlyTheDefaultsTheyName() {
    assertThat(AlarmBenchSettings.parse("duration=30", "background=0"))
        .isEqualTo(new AlarmBenchSettings(200, 0, 10, 30, 1));
  }

  @Test
  void theWarmUpAlarmsComeFirstAndAreCountedInTheTotal() {
    AlarmBenchSettings settings = AlarmBenchSettings.parse("rate=200", "warmup=10", "duration=30");

    assertThat(settings.warmupAlarms()).isEqualTo(2_000);
    assertThat(settings.totalAlarms()).isEqualTo(8_000);
  }

  @Test
  void anUnknownKeyIsRejectedByName() {
    assertThatIllegalArgumentException().isThrownBy(() -> AlarmBenchSettings.parse("rte=5"))
        .withMessageContaining("rte=5");
  }

  @Test
  void everyReportNumberGetsItsOwnValidPlate() {
    Set<String> plates = new HashSet<>();
    IntStream.of(0, 1, 99_999, 100_000, 250_123, 2_399_999).forEach(n -> plates.add(AlarmRaiser.plate(n)));

    assertThat(plates).hasSize(6).allSatisfy(p -> assertThat(Plate.isValid(p)).isTrue());
  }
}
