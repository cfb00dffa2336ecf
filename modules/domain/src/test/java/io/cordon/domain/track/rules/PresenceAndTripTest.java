package io.cordon.domain.track.rules;

import static io.cordon.domain.track.rules.TrackFixture.T0;
import static io.cordon.domain.track.rules.TrackFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.park.EnterpriseId;
import io.cordon.domain.park.ZoneId;
import io.cordon.domain.permit.Permit;
import io.cordon.domain.permit.PermitId;
import io.cordon.domain.permit.PermitScope;
import io.cordon.domain.permit.RouteId;
import io.cordon.domain.permit.TimeWindow;
import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.vehicle.VehicleClass;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The park's presence hysteresis (default settings) and the trip a permit describes. */
class PresenceAndTripTest {

  private static Drive withDefaults(VehicleTrip trip) {
    return new Drive(new TrackRuleEngine(TrackFixture.GEOMETRY, TrackRuleSettings.defaults()), trip);
  }

  @Test
  void speedingOutsideTheParkIsNotTheParksBusiness() {
    Drive drive = withDefaults(VehicleTrip.unpermitted(VehicleClass.HAZMAT)).hold(0, 300, 500, -300, 80);

    assertThat(drive.events).isEmpty();
    assertThat(drive.state.inPark()).isFalse();
  }

  @Test
  void aVehicleCountsAsInsideAfterTenSecondsInside() {
    Drive drive = withDefaults(VehicleTrip.unpermitted(VehicleClass.HAZMAT)).hold(0, 9, 500, 250, 20);
    assertThat(drive.state.inPark()).isFalse();

    drive.at(10, 500, 250, 20);
    assertThat(drive.state.inPark()).isTrue();
  }

  @Test
  void fixesJitteringAcrossTheFenceDoNotTakeItOutOfThePark() {
    Drive drive = withDefaults(VehicleTrip.unpermitted(VehicleClass.HAZMAT)).hold(0, 20, 500, 250, 20);
    for (int s = 21; s < 600; s++) {
      drive.at(s, 500, s % 2 == 0 ? 10 : -10, 20);
      assertThat(drive.state.inPark()).isTrue();
    }
  }

  @Test
  void thePermitGivesWindowRevocationLoadingPointAndAuthorisedCoreZones() {
    Plate plate = Plate.parse("苏E12345");
    Permit permit = Permit.issue(new PermitId("PM-1"), "APP-1", Set.of(), Map.of(plate, VehicleClass.HAZMAT),
        new EnterpriseId("ENT-2"), new PermitScope(List.of(), List.of(new ZoneId("Z-CORE")),
            Set.of(new ZoneId("Z-CORE"))), TimeWindow.of(T0, Duration.ofHours(4)), Optional.of(new RouteId("RT-1")),
        Optional.of("LP2"), T0.minusSeconds(3600), "reviewer").revoke("reviewer", at(600), "spill").orElseThrow();

    VehicleTrip trip = VehicleTrip.forPermit(permit, VehicleClass.HAZMAT, TrackFixture.PARK,
        Optional.of(TrackFixture.ROUTE));

    assertThat(trip.window()).contains(permit.window());
    assertThat(trip.revokedAt()).contains(at(600));
    assertThat(trip.loadingPoint()).contains(TrackFixture.LP2);
    assertThat(trip.authorisedCoreZones()).containsExactly(new ZoneId("Z-CORE"));
    assertThat(trip.exitConfirmedAt()).isEmpty();
  }

  @Test
  void theVehiclePanelSeesTheViolationsGoingOn() {
    Drive drive = Drive.of(TrackFixture.tankerToLp2()).hold(0, 40, 200, 200, 50);

    assertThat(drive.state.openViolations()).extracting(Violation::rule)
        .containsExactlyInAnyOrder(RuleKind.ROUTE_DEVIATION, RuleKind.OVERSPEED, RuleKind.FORBIDDEN_ZONE);
  }
}
