package io.cordon.domain.gate.access;

import static io.cordon.domain.gate.access.GateFixture.comprehensiveGate;
import static io.cordon.domain.gate.access.GateFixture.emergencyGate;
import static io.cordon.domain.gate.access.GateFixture.ordinaryGate;
import static io.cordon.domain.gate.access.HolderFixture.fireEngine;
import static io.cordon.domain.gate.access.HolderFixture.hazmatTanker;
import static io.cordon.domain.gate.access.HolderFixture.staffMember;
import static io.cordon.domain.gate.access.HolderFixture.unknownPlate;
import static io.cordon.domain.gate.access.Requests.entry;
import static io.cordon.domain.gate.access.Requests.exit;
import static io.cordon.domain.gate.access.Times.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.violation.BlacklistEntry;
import io.cordon.domain.violation.Subject;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvacuationAndEmergencyServiceTest {

  private final GateAccessPolicy policy = new GateAccessPolicy(AccessSettings.defaults());
  private final AccessFacts evacuation = AccessFacts.none().withMode(GateMode.EVACUATION);

  @Test
  void inEvacuationAnUnclearedTankerLeavesThroughAnyLane() {
    AccessFacts facts = evacuation.withPermits(List.of(PermitFixture.hazmatDeliveryToday()));

    assertThat(policy.decide(exit(comprehensiveGate(), "H1", hazmatTanker(), NOW), facts).rule())
        .isEqualTo(AccessRule.EVACUATION_EXIT);
    assertThat(policy.decide(exit(ordinaryGate(), "V1", hazmatTanker(), NOW), facts).rule())
        .isEqualTo(AccessRule.EVACUATION_EXIT);
  }

  @Test
  void inEvacuationPeopleLeaveThroughEmergencyGates() {
    assertThat(policy.decide(exit(emergencyGate(), "E1", staffMember(), NOW), evacuation).rule())
        .isEqualTo(AccessRule.EVACUATION_EXIT);
  }

  @Test
  void inEvacuationUnknownHoldersLeaveToo() {
    assertThat(policy.decide(exit(comprehensiveGate(), "V1", unknownPlate(), NOW), evacuation).rule())
        .isEqualTo(AccessRule.EVACUATION_EXIT);
  }

  @Test
  void inEvacuationNobodyButEmergencyServicesEnters() {
    AccessFacts withPass = evacuation.withPermits(List.of(PermitFixture.staffYearPass()));

    AccessDecision d = policy.decide(entry(comprehensiveGate(), "P1", staffMember(), NOW), withPass);

    assertThat(d.rule()).isEqualTo(AccessRule.EVACUATION_NO_ENTRY);
  }

  @Test
  void inEvacuationTheFireEngineEntersThroughTheEmergencyGate() {
    assertThat(policy.decide(entry(emergencyGate(), "E1", fireEngine(), NOW), evacuation))
        .isEqualTo(new AccessDecision.Pass(AccessRule.EMERGENCY_SERVICE, Optional.empty()));
  }

  @Test
  void inNormalModeTheEmergencyGateStaysClosedForEveryoneElse() {
    AccessDecision d = policy.decide(exit(emergencyGate(), "E1", staffMember(), NOW), AccessFacts.none());

    assertThat(d.rule()).isEqualTo(AccessRule.EMERGENCY_LANE_CLOSED);
  }

  @Test
  void inNormalModeTheEmergencyLaneOfAComprehensiveGateStaysClosed() {
    AccessDecision d = policy.decide(entry(comprehensiveGate(), "E1", HolderFixture.ordinaryCar(), NOW),
        AccessFacts.none());

    assertThat(d.rule()).isEqualTo(AccessRule.EMERGENCY_LANE_CLOSED);
  }

  @Test
  void inNormalModeTheFireEngineEntersAndLeavesWithoutPermitThroughAnyVehicleLane() {
    for (String lane : List.of("V1", "H1", "W1", "E1")) {
      assertThat(policy.decide(entry(comprehensiveGate(), lane, fireEngine(), NOW), AccessFacts.none()).rule())
          .as(lane).isEqualTo(AccessRule.EMERGENCY_SERVICE);
      assertThat(policy.decide(exit(comprehensiveGate(), lane, fireEngine(), NOW), AccessFacts.none()).rule())
          .as(lane).isEqualTo(AccessRule.EMERGENCY_SERVICE);
    }
  }

  @Test
  void theFireEngineEntersEvenWhenInsideOrBlacklisted() {
    AccessFacts facts = AccessFacts.none().withPresence(Presence.INSIDE).withBlacklist(List.of(BlacklistEntry.manual(
        "BL-1", Subject.vehicle(fireEngine().plate()), "误录", NOW.minusSeconds(60), Optional.empty())));

    assertThat(policy.decide(entry(comprehensiveGate(), "V1", fireEngine(), NOW), facts).rule())
        .isEqualTo(AccessRule.EMERGENCY_SERVICE);
  }

  @Test
  void theFireEngineKeepsToTheLaneDirection() {
    assertThat(policy.decide(entry(comprehensiveGate(), "V-OUT", fireEngine(), NOW), AccessFacts.none()).rule())
        .isEqualTo(AccessRule.LANE_DIRECTION);
  }
}
