package io.cordon.domain.track.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.alarm.AlarmType;
import io.cordon.domain.alarm.Severity;
import io.cordon.domain.vehicle.VehicleClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The terminal's alarm word (JT/T 808 table 24): each mapped bit is its own violation while set. */
class TerminalAlarmPolicyTest {

  private static Drive tanker() {
    return Drive.of(VehicleTrip.unpermitted(VehicleClass.HAZMAT));
  }

  @ParameterizedTest(name = "{0} is bit {1}")
  @CsvSource({
      "SOS, 0",
      "GNSS_ANTENNA_CUT, 5",
      "POWER_UNDERVOLTAGE, 7",
      "POWER_CUT, 8",
      "THEFT, 26",
      "ILLEGAL_IGNITION, 27",
      "ILLEGAL_MOVE, 28",
      "COLLISION, 29",
      "ROLLOVER, 30"})
  void alarmsSitOnTheStandardsBits(TerminalAlarm alarm, int bit) {
    assertThat(alarm.bit()).isEqualTo(bit);
    assertThat(alarm.mask()).isEqualTo(1L << bit);
  }

  @ParameterizedTest
  @EnumSource(TerminalAlarm.class)
  void eachBitStartsItsOwnViolationAndEndsWhenCleared(TerminalAlarm alarm) {
    Drive drive = tanker();

    drive.fix(0, 700, 250, 0, true, alarm.mask());
    drive.fix(1, 700, 250, 0, true, alarm.mask());
    drive.fix(2, 700, 250, 0, true, 0);

    assertThat(drive.started(RuleKind.TERMINAL_ALARM)).singleElement()
        .satisfies(v -> assertThat(v.terminalAlarm()).contains(alarm));
    assertThat(drive.ended(RuleKind.TERMINAL_ALARM)).singleElement()
        .satisfies(e -> assertThat(e.endedAt()).isEqualTo(TrackFixture.at(2)));
  }

  @ParameterizedTest(name = "bit {0}")
  @ValueSource(ints = {1, 2, 3, 4, 13, 14, 19, 20, 21, 23})
  void bitsTheParkJudgesItselfAreIgnored(int bit) {
    Drive drive = tanker();

    drive.fix(0, 700, 250, 0, true, 1L << bit);

    assertThat(drive.started(RuleKind.TERMINAL_ALARM)).isEmpty();
  }

  @Test
  void twoBitsAreTwoViolationsEndingSeparately() {
    Drive drive = tanker();
    long both = TerminalAlarm.SOS.mask() | TerminalAlarm.POWER_CUT.mask();

    drive.fix(0, 700, 250, 0, true, both);
    drive.fix(1, 700, 250, 0, true, TerminalAlarm.POWER_CUT.mask());

    assertThat(drive.started(RuleKind.TERMINAL_ALARM)).hasSize(2);
    assertThat(drive.ended(RuleKind.TERMINAL_ALARM)).singleElement()
        .satisfies(e -> assertThat(e.violation().terminalAlarm()).contains(TerminalAlarm.SOS));
  }

  @Test
  void anSosOnAFixWithoutPositionIsRaisedWhereTheVehicleWasLastSeen() {
    Drive drive = tanker();
    drive.at(0, 700, 250, 0);

    drive.fix(5, 0, 0, 0, false, TerminalAlarm.SOS.mask());

    Violation v = drive.started(RuleKind.TERMINAL_ALARM).get(0);
    assertThat(v.place().lat()).isEqualTo(TrackFixture.DRAW.lonLat(700, 250).y);
    assertThat(v.alarmType()).isEqualTo(AlarmType.MANUAL);
    assertThat(v.severity()).contains(Severity.CRITICAL);
  }

  @Test
  void alarmsOutsideTheParkStillCount() {
    Drive drive = tanker();

    drive.fix(0, 500, -500, 0, true, TerminalAlarm.ROLLOVER.mask());

    assertThat(drive.started(RuleKind.TERMINAL_ALARM)).hasSize(1);
  }
}
