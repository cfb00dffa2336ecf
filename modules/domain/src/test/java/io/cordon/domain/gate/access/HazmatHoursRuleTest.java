package io.cordon.domain.gate.access;

import static io.cordon.domain.gate.access.GateFixture.comprehensiveGate;
import static io.cordon.domain.gate.access.HolderFixture.hazmatTanker;
import static io.cordon.domain.gate.access.Requests.entry;
import static io.cordon.domain.gate.access.Requests.exit;
import static io.cordon.domain.gate.access.Times.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.domain.permit.LaneRef;
import io.cordon.domain.permit.Permit;
import io.cordon.domain.permit.TimeWindow;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Hazmat hours 08:00–18:00 in Asia/Shanghai (the instants below are local times in the park). */
class HazmatHoursRuleTest {

  private static final AccessSettings DAY_HOURS = AccessSettings.defaults()
      .withHazmatHours(LocalTime.of(8, 0), LocalTime.of(18, 0));
  private static final Permit ALL_DAY = PermitFixture.permit("PM-HAZ-DAY", hazmatTanker(),
      new TimeWindow(Times.onDay(0, "00:00"), Times.onDay(1, "00:00")), LaneRef.of("G-COMP", "H1"));

  private static AccessDecision tankerEnters(AccessSettings settings, Instant at) {
    return new GateAccessPolicy(settings).decide(entry(comprehensiveGate(), "H1", hazmatTanker(), at),
        AccessFacts.none().withPermits(List.of(ALL_DAY)));
  }

  @ParameterizedTest(name = "at {0} the tanker is decided by {1}")
  @CsvSource({
      "00:00, HAZMAT_HOURS",
      "07:59:59, HAZMAT_HOURS",
      "08:00, PERMIT_VALID",
      "12:00, PERMIT_VALID",
      "17:59:59, PERMIT_VALID",
      "18:00, HAZMAT_HOURS",
      "23:59:59, HAZMAT_HOURS"})
  void dangerousVehiclesEnterOnlyFromTheStartUntilJustBeforeTheEndOfTheHours(String local, AccessRule expected) {
    assertThat(tankerEnters(DAY_HOURS, at(local)).rule()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "at {0} the tanker is decided by {1}")
  @CsvSource({
      "21:59:59, HAZMAT_HOURS",
      "22:00, PERMIT_VALID",
      "00:00, PERMIT_VALID",
      "05:59:59, PERMIT_VALID",
      "06:00, HAZMAT_HOURS",
      "12:00, HAZMAT_HOURS"})
  void nightHoursRunAcrossMidnight(String local, AccessRule expected) {
    AccessSettings night = AccessSettings.defaults().withHazmatHours(LocalTime.of(22, 0), LocalTime.of(6, 0));

    assertThat(tankerEnters(night, at(local)).rule()).isEqualTo(expected);
  }

  @Test
  void theHoursAreReadInTheParksTimeZoneNotUtc() {
    Instant eightUtc = Instant.parse("2025-06-02T08:00:00Z");

    assertThat(tankerEnters(DAY_HOURS, eightUtc).rule()).as("16:00 in Shanghai").isEqualTo(AccessRule.PERMIT_VALID);
    assertThat(tankerEnters(DAY_HOURS.withZone(ZoneId.of("UTC")), at("07:00")).rule())
        .as("07:00 in Shanghai is 23:00 UTC").isEqualTo(AccessRule.HAZMAT_HOURS);
  }

  @Test
  void theRefusalSaysTheHoursAndTheTime() {
    AccessDecision d = tankerEnters(DAY_HOURS, at("19:30"));

    assertThat(((AccessDecision.Deny) d).detail())
        .isEqualTo("dangerous-goods vehicles enter between 08:00 and 18:00 (Asia/Shanghai); it is 19:30");
  }

  @Test
  void hazwasteVehiclesKeepTheSameHours() {
    Holder.Vehicle truck = HolderFixture.hazwasteTruck();
    Permit p = PermitFixture.permit("PM-W", truck, PermitFixture.TODAY, LaneRef.of("G-COMP", "W1"));

    AccessDecision d = new GateAccessPolicy(DAY_HOURS).decide(entry(comprehensiveGate(), "W1", truck, at("07:00")),
        AccessFacts.none().withPermits(List.of(p)));

    assertThat(d.rule()).isEqualTo(AccessRule.HAZMAT_HOURS);
  }

  @Test
  void ordinaryVehiclesIgnoreTheHazmatHours() {
    Holder.Vehicle car = HolderFixture.ordinaryCar();
    Permit p = PermitFixture.permit("PM-C", car, new TimeWindow(Times.onDay(0, "00:00"), Times.onDay(1, "00:00")),
        LaneRef.of("G-COMP", "V1"));

    AccessDecision d = new GateAccessPolicy(DAY_HOURS).decide(entry(comprehensiveGate(), "V1", car, at("03:00")),
        AccessFacts.none().withPermits(List.of(p)));

    assertThat(d.rule()).isEqualTo(AccessRule.PERMIT_VALID);
  }

  @Test
  void withoutHazmatHoursDangerousVehiclesEnterAtAnyTimeOfTheirPermit() {
    assertThat(tankerEnters(AccessSettings.defaults(), at("03:00")).rule()).isEqualTo(AccessRule.PERMIT_VALID);
  }

  @Test
  void aClearedTankerMayLeaveOutsideTheHours() {
    AccessDecision d = new GateAccessPolicy(DAY_HOURS).decide(exit(comprehensiveGate(), "H1", hazmatTanker(),
        at("19:00")), AccessFacts.none().withPermits(List.of(PermitFixture.hazmatDeliveryExitConfirmed())));

    assertThat(d.rule()).isEqualTo(AccessRule.EXIT_CLEARED);
  }

  @Test
  void hoursNeedBothEnds() {
    assertThatThrownBy(() -> new AccessSettings(AccessSettings.defaults().limits(), Optional.of(LocalTime.NOON),
        Optional.empty(), Times.PARK, true)).isInstanceOf(IllegalArgumentException.class);
  }
}
