package io.cordon.bench.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class BenchSettingsTest {

  @Test
  void argumentsOverrideOnlyTheDefaultsTheyName() {
    BenchSettings settings = BenchSettings.parse("rate=500", "duration=10");

    assertThat(settings).isEqualTo(new BenchSettings(500, 5, 10, 10_000, false));
  }

  @Test
  void noArgumentsMeanTheDocumentedDefaults() {
    assertThat(BenchSettings.parse()).isEqualTo(new BenchSettings(200, 5, 30, 10_000, false));
  }

  @Test
  void anUnknownKeyIsRejectedByName() {
    assertThatIllegalArgumentException().isThrownBy(() -> BenchSettings.parse("rte=500"))
        .withMessageContaining("rte=500");
  }

  @Test
  void aZeroRateIsRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> BenchSettings.parse("rate=0"));
  }
}
