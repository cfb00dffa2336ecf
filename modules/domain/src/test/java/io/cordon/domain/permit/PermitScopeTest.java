package io.cordon.domain.permit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.park.Park;
import io.cordon.domain.park.ParkFixture;
import io.cordon.domain.park.ZoneId;
import io.cordon.domain.validation.FieldError;
import io.cordon.domain.vehicle.VehicleClass;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PermitScopeTest {

  private final Park park = ParkFixture.minimalValidPark();

  private static PermitScope lanes(LaneRef... lanes) {
    return new PermitScope(List.of(lanes), List.of(), Set.of());
  }

  @Test
  void aHazwasteVehicleUsesHazwasteLanesOnly() {
    List<FieldError> errors = lanes(LaneRef.of("G-DED", "L2"), LaneRef.of("G-DED", "L1"))
        .problemsIn(park, false, Set.of(VehicleClass.HAZWASTE));

    assertThat(errors).extracting(FieldError::field).containsExactly("lanes[1]");
  }

  @Test
  void emergencyLanesAreNeverGranted() {
    assertThat(lanes(LaneRef.of("G-EMG", "L1")).problemsIn(park, false, Set.of(VehicleClass.ORDINARY)))
        .extracting(FieldError::reason).containsExactly("G-EMG/L1 is an emergency lane, opened only in emergencies");
  }

  @Test
  void unknownGatesLanesAndZonesAreNamed() {
    PermitScope scope = new PermitScope(List.of(LaneRef.of("G-X", "L1"), LaneRef.of("G-ORD", "L9")),
        List.of(new ZoneId("Z-X")), Set.of());

    assertThat(scope.problemsIn(park, true, Set.of())).extracting(FieldError::field)
        .containsExactly("lanes[0]", "lanes[1]", "zones[0]");
  }

  @Test
  void peopleOnFootUsePedestrianLanes() {
    assertThat(lanes(LaneRef.of("G-ORD", "L1")).problemsIn(park, true, Set.of())).hasSize(1);
    assertThat(lanes(LaneRef.of("G-ORD", "P1")).problemsIn(park, true, Set.of())).isEmpty();
  }

  @Test
  void aScopeWithoutLanesIsRefused() {
    assertThat(lanes().problemsIn(park, true, Set.of())).extracting(FieldError::field).containsExactly("lanes");
  }
}
