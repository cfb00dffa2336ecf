package io.cordon.bench.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MapBenchSettingsTest {

  @Test
  void withoutOptionsMeasuresTenMinutesOfTwoThousandVehiclesAndTwoHundredAlarms() {
    MapBenchSettings s = MapBenchSettings.parse();

    assertThat(s.measuredSeconds()).isEqualTo(600);
    assertThat(s.vehicles()).isEqualTo(2000);
    assertThat(s.alarms()).isEqualTo(200);
    assertThat(s.headless()).isFalse();
  }

  @Test
  void acceptsDashedOptionsAndKeyValuePairsAlike() {
    MapBenchSettings dashed = MapBenchSettings.parse("--minutes", "1", "--layers", "live", "--headless");
    MapBenchSettings pairs = MapBenchSettings.parse("minutes=1", "layers=live", "headless=true");

    assertThat(dashed).isEqualTo(pairs);
    assertThat(dashed.measuredSeconds()).isEqualTo(60);
    assertThat(dashed.layers()).isEqualTo(MapBenchSettings.Layers.LIVE);
  }

  @Test
  void refusesAnUnknownOption() {
    assertThatThrownBy(() -> MapBenchSettings.parse("--frames", "3")).isInstanceOf(IllegalArgumentException.class);
  }
}
