package io.cordon.simulator.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.simulator.SimulatorSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AlarmRatesTest {

  @Test
  void aNegativeRateIsRefusedNamingIt() {
    assertThatThrownBy(() -> AlarmRates.NONE.with(AlarmFamily.GATE, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gateAlarmsPerHour");
  }

  @Test
  void aRateThatIsNotANumberIsRefused() {
    assertThatThrownBy(() -> AlarmRates.NONE.with(AlarmFamily.VIDEO, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void replacingOneFamilysRateKeepsTheOthers() {
    AlarmRates rates = AlarmRates.DEMO.with(AlarmFamily.VEHICLE, 5);

    assertThat(rates.perHour(AlarmFamily.VEHICLE)).isEqualTo(5);
    assertThat(rates.with(AlarmFamily.VEHICLE, AlarmRates.DEMO.vehicleAlarmsPerHour())).isEqualTo(AlarmRates.DEMO);
  }

  @Test
  void theDemoRatesGiveAFewAlarmsAMinuteFromEveryFamily() {
    assertThat(AlarmRates.DEMO.totalPerHour() / 60).isBetween(1.0, 5.0);
    for (AlarmFamily family : AlarmFamily.values()) {
      assertThat(AlarmRates.DEMO.perHour(family)).as(family.name()).isPositive();
    }
  }

  @Test
  void embeddedSettingsRunTheDemoAlarmSourcesInsteadOfTheHeartbeatLoopsSingleIntrusions() {
    SimulatorSettings settings = SimulatorSettings.embeddedDefaults();

    assertThat(settings.alarms()).isEqualTo(AlarmRates.DEMO);
    assertThat(settings.intrusionsPerMinute()).isZero();
  }

  @Test
  void settingsBuiltWithoutAlarmRatesRunNoAlarmSources() {
    SimulatorSettings settings =
        new SimulatorSettings(Duration.ofSeconds(1), 0, 1, Duration.ofSeconds(5), Duration.ofSeconds(1));

    assertThat(settings.alarms()).isEqualTo(AlarmRates.NONE);
  }

  @Test
  void otherSettingsChangesKeepTheAlarmRates() {
    SimulatorSettings settings = SimulatorSettings.embeddedDefaults().withAlarmRate(AlarmFamily.DEVICE, 0)
        .withSeed(3).withVehicles(5).withHeartbeatPeriod(Duration.ofSeconds(2)).withGateFaultsPerHour(0)
        .withIntrusionsPerMinute(1);

    assertThat(settings.alarms()).isEqualTo(AlarmRates.DEMO.with(AlarmFamily.DEVICE, 0));
  }
}
