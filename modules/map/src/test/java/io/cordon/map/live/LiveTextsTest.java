package io.cordon.map.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.alarm.Severity;
import io.cordon.domain.vehicle.VehicleClass;
import io.cordon.map.MapTexts;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LiveTextsTest {

  @ParameterizedTest
  @ValueSource(strings = {"zh-CN", "en"})
  void everyVehicleClassAndSeverityHasAName(String languageTag) {
    MapTexts texts = MapTexts.of(Locale.forLanguageTag(languageTag));
    for (VehicleClass vehicleClass : VehicleClass.values()) {
      String key = "vehicle.class." + vehicleClass.name();
      assertThat(texts.get(key)).isNotEqualTo(key);
    }
    for (Severity severity : Severity.values()) {
      String key = "alarm.severity." + severity.name();
      assertThat(texts.get(key)).isNotEqualTo(key);
    }
  }
}
