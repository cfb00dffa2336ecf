package io.cordon.server.gate.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmergencySettingsTest {

  @AfterEach
  void clear() {
    System.clearProperty(EmergencySettings.SECOND_PERSON_PROPERTY);
    System.clearProperty(EmergencySettings.CONFIRM_TIMEOUT_PROPERTY);
  }

  @Test
  void withoutPropertiesTheSecondPersonIsOptionalAndGatesHaveFiveSeconds() {
    EmergencySettings settings = EmergencySettings.fromSystemProperties();

    assertThat(settings.secondPersonRequired()).isFalse();
    assertThat(settings.confirmTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void theSecondPersonCanBeRequired() {
    System.setProperty(EmergencySettings.SECOND_PERSON_PROPERTY, "Required");

    assertThat(EmergencySettings.fromSystemProperties().secondPersonRequired()).isTrue();
  }

  @Test
  void theTimeoutIsReadInSecondsMillisecondsOrIsoForm() {
    assertThat(EmergencySettings.parseDuration("2s")).isEqualTo(Duration.ofSeconds(2));
    assertThat(EmergencySettings.parseDuration("800ms")).isEqualTo(Duration.ofMillis(800));
    assertThat(EmergencySettings.parseDuration("PT3S")).isEqualTo(Duration.ofSeconds(3));
    assertThat(EmergencySettings.parseDuration("1500")).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void anUnknownSecondPersonSettingStopsTheStart() {
    System.setProperty(EmergencySettings.SECOND_PERSON_PROPERTY, "sometimes");

    assertThatThrownBy(EmergencySettings::fromSystemProperties).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(EmergencySettings.SECOND_PERSON_PROPERTY);
  }
}
