package io.cordon.domain.gate.access;

import static io.cordon.domain.gate.access.GateFixture.comprehensiveGate;
import static io.cordon.domain.gate.access.HolderFixture.commuterBus;
import static io.cordon.domain.gate.access.HolderFixture.hazmatTanker;
import static io.cordon.domain.gate.access.HolderFixture.staffMember;
import static io.cordon.domain.gate.access.Requests.entry;
import static io.cordon.domain.gate.access.Requests.exit;
import static io.cordon.domain.gate.access.Times.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.capacity.CapacityLimits;
import io.cordon.domain.permit.LaneRef;
import io.cordon.domain.permit.Permit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Limits: 100 people, 20 vehicles, 5 dangerous vehicles. */
class CapacityRuleTest {

  private static final GateAccessPolicy POLICY = new GateAccessPolicy(
      AccessSettings.defaults().withLimits(new CapacityLimits(100, 20, 5)));
  private static final Permit BUS_PASS = PermitFixture.permit("PM-BUS", commuterBus(), PermitFixture.TODAY,
      LaneRef.of("G-COMP", "V1"));

  private static AccessDecision staffEntersWith(Occupancy now) {
    return POLICY.decide(entry(comprehensiveGate(), "P1", staffMember(), NOW),
        AccessFacts.none().withPermits(List.of(PermitFixture.staffYearPass())).withOccupancy(now));
  }

  private static AccessDecision busEntersWith(Occupancy now) {
    return POLICY.decide(entry(comprehensiveGate(), "V1", commuterBus(), NOW),
        AccessFacts.none().withPermits(List.of(BUS_PASS)).withOccupancy(now));
  }

  private static AccessDecision tankerEntersWith(Occupancy now) {
    return POLICY.decide(entry(comprehensiveGate(), "H1", hazmatTanker(), NOW),
        AccessFacts.none().withPermits(List.of(PermitFixture.hazmatDeliveryToday())).withOccupancy(now));
  }

  @Test
  void thePersonFillingTheLastPlaceMayEnter() {
    assertThat(staffEntersWith(new Occupancy(99, 0, 0)).rule()).isEqualTo(AccessRule.PERMIT_VALID);
  }

  @Test
  void nobodyMayEnterOnceThePeopleLimitIsReached() {
    AccessDecision d = staffEntersWith(new Occupancy(100, 0, 0));

    assertThat(d.rule()).isEqualTo(AccessRule.CAPACITY_PEOPLE);
    assertThat(((AccessDecision.Deny) d).detail()).isEqualTo("100 people inside, the limit is 100");
  }

  @Test
  void aVehicleMayTakeTheLastPlace() {
    assertThat(busEntersWith(new Occupancy(0, 19, 0)).rule()).isEqualTo(AccessRule.PERMIT_VALID);
  }

  @Test
  void noVehicleMayEnterOnceTheVehicleLimitIsReached() {
    assertThat(busEntersWith(new Occupancy(0, 20, 0)).rule()).isEqualTo(AccessRule.CAPACITY_VEHICLES);
  }

  @Test
  void vehiclesDoNotCountAgainstThePeopleLimitNorPeopleAgainstTheVehicleLimit() {
    assertThat(staffEntersWith(new Occupancy(0, 20, 5)).rule()).isEqualTo(AccessRule.PERMIT_VALID);
    assertThat(busEntersWith(new Occupancy(100, 0, 0)).rule()).isEqualTo(AccessRule.PERMIT_VALID);
  }

  @Test
  void aTankerMayTakeTheLastDangerousPlace() {
    assertThat(tankerEntersWith(new Occupancy(0, 4, 4)).rule()).isEqualTo(AccessRule.PERMIT_VALID);
  }

  @Test
  void noTankerMayEnterOnceTheDangerousLimitIsReached() {
    assertThat(tankerEntersWith(new Occupancy(0, 5, 5)).rule()).isEqualTo(AccessRule.CAPACITY_DANGEROUS_VEHICLES);
  }

  @Test
  void aFullParkKeepsOutTankersByTheVehicleLimitFirst() {
    assertThat(tankerEntersWith(new Occupancy(0, 20, 5)).rule()).isEqualTo(AccessRule.CAPACITY_VEHICLES);
  }

  @Test
  void theDangerousLimitDoesNotKeepOutOtherVehicles() {
    assertThat(busEntersWith(new Occupancy(0, 5, 5)).rule()).isEqualTo(AccessRule.PERMIT_VALID);
  }

  @Test
  void anUnknownOccupancySkipsTheCapacityRule() {
    AccessDecision d = POLICY.decide(entry(comprehensiveGate(), "P1", staffMember(), NOW),
        AccessFacts.none().withPermits(List.of(PermitFixture.staffYearPass())));

    assertThat(d.rule()).isEqualTo(AccessRule.PERMIT_VALID);
  }

  @Test
  void aLimitOfZeroIsOff() {
    AccessDecision d = new GateAccessPolicy(AccessSettings.defaults()).decide(
        entry(comprehensiveGate(), "P1", staffMember(), NOW),
        AccessFacts.none().withPermits(List.of(PermitFixture.staffYearPass())).withOccupancy(new Occupancy(5000, 0, 0)));

    assertThat(d.rule()).isEqualTo(AccessRule.PERMIT_VALID);
  }

  @Test
  void aFullParkLetsEveryoneLeave() {
    AccessDecision d = POLICY.decide(exit(comprehensiveGate(), "P1", staffMember(), NOW),
        AccessFacts.none().withOccupancy(new Occupancy(500, 50, 10)));

    assertThat(d.rule()).isEqualTo(AccessRule.EXIT_FREE);
  }
}
