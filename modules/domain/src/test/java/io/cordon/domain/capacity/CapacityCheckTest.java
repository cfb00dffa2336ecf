package io.cordon.domain.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.appointment.Application;
import io.cordon.domain.appointment.AppointmentFixture;
import io.cordon.domain.appointment.ApplicationId;
import io.cordon.domain.park.ZoneId;
import io.cordon.domain.permit.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CapacityCheckTest {

  private static final Instant T = Instant.parse("2026-12-02T00:00:00Z");
  private static final ZoneId ZONE = new ZoneId("Z-GEN");
  private final CapacityLimits limits = new CapacityLimits(10, 5, 2);

  private static Demand demand(String id, int fromHour, int hours, int people, int vehicles, int dangerous) {
    return new Demand(new ApplicationId(id), TimeWindow.of(T.plus(Duration.ofHours(fromHour)), Duration.ofHours(hours)),
        people, vehicles, dangerous, Set.of(ZONE));
  }

  @Test
  void anApplicationWithinTheLimitsIsNotFlagged() {
    assertThat(CapacityCheck.check(demand("C", 0, 4, 2, 1, 1), List.of(demand("A", 0, 4, 8, 4, 1)), limits)).isEmpty();
  }

  @Test
  void tooManyDangerousVehiclesInAZoneAreFlaggedAtThePeak() {
    List<Demand> approved = List.of(demand("A", 0, 4, 2, 1, 1), demand("B", 2, 4, 2, 1, 1));

    List<CapacityFlag> flags = CapacityCheck.check(demand("C", 1, 4, 2, 1, 1), approved, limits);

    assertThat(flags).singleElement().satisfies(f -> {
      assertThat(f.resource()).isEqualTo(Resource.DANGEROUS_VEHICLES_IN_ZONE);
      assertThat(f.zone()).contains(ZONE);
      assertThat(f.peak()).isEqualTo(3);
      assertThat(f.at()).isEqualTo(T.plus(Duration.ofHours(2)));
    });
  }

  @Test
  void windowsThatDoNotOverlapDoNotAddUp() {
    List<Demand> approved = List.of(demand("A", 0, 2, 10, 5, 2), demand("B", 6, 2, 10, 5, 2));

    assertThat(CapacityCheck.check(demand("C", 2, 4, 10, 5, 2), approved, limits)).isEmpty();
  }

  @Test
  void tooManyPeopleAndVehiclesInTheParkAreFlagged() {
    List<CapacityFlag> flags = CapacityCheck.check(demand("C", 0, 4, 3, 2, 0), List.of(demand("A", 0, 8, 8, 4, 0)),
        limits);

    assertThat(flags).extracting(CapacityFlag::resource).containsExactly(Resource.PEOPLE, Resource.VEHICLES);
  }

  @Test
  void aHazmatApplicationDemandsItsLoadingPointsZone() {
    Application a = AppointmentFixture.hazmatDraft();

    Demand d = Demand.of(a, AppointmentFixture.PARK).orElseThrow();

    assertThat(d.dangerousVehicles()).isEqualTo(1);
    assertThat(d.people()).isEqualTo(2);
    assertThat(d.zones()).contains(new ZoneId("Z-GEN"), new ZoneId("Z-CORE"));
  }
}
