package io.cordon.domain.gate.access;

import static io.cordon.domain.gate.access.GateFixture.comprehensiveGate;
import static io.cordon.domain.gate.access.GateFixture.dedicatedGate;
import static io.cordon.domain.gate.access.HolderFixture.hazmatTanker;
import static io.cordon.domain.gate.access.Requests.entry;
import static io.cordon.domain.gate.access.Requests.exit;
import static io.cordon.domain.gate.access.Times.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.permit.Permit;
import io.cordon.domain.permit.PermitId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExitRuleTest {

  private final GateAccessPolicy policy = new GateAccessPolicy(AccessSettings.defaults());

  private AccessDecision tankerLeaves(Permit... permits) {
    return policy.decide(exit(dedicatedGate(), "H1", hazmatTanker(), at("12:00")),
        AccessFacts.none().withPermits(List.of(permits)).withPresence(Presence.INSIDE));
  }

  @Test
  void aTankerLeavesOnceTheHostConfirmedTheWorkIsDone() {
    assertThat(tankerLeaves(PermitFixture.hazmatDeliveryExitConfirmed()))
        .isEqualTo(new AccessDecision.Pass(AccessRule.EXIT_CLEARED, Optional.of(new PermitId("PM-HAZ-TODAY"))));
  }

  @Test
  void aTankerIsHeldUntilTheHostConfirms() {
    AccessDecision d = tankerLeaves(PermitFixture.hazmatDeliveryToday());

    assertThat(d.rule()).isEqualTo(AccessRule.EXIT_NOT_CLEARED);
    assertThat(((AccessDecision.Deny) d).detail()).isEqualTo(
        "permit PM-HAZ-TODAY: ENT-CHEM has not confirmed that the work is done and nothing was spilled");
  }

  @Test
  void aRevokedButConfirmedPermitStillLetsTheTankerOut() {
    Permit revoked = PermitFixture.hazmatDeliveryExitConfirmed().revoke("officer", at("11:30"), "超时").orElseThrow();

    assertThat(tankerLeaves(revoked).rule()).isEqualTo(AccessRule.EXIT_CLEARED);
  }

  @Test
  void aTankerLeavesAfterItsPermitExpiredOnceConfirmed() {
    AccessDecision d = policy.decide(exit(dedicatedGate(), "H1", hazmatTanker(), at("22:00")),
        AccessFacts.none().withPermits(List.of(PermitFixture.hazmatDeliveryExitConfirmed())));

    assertThat(d.rule()).isEqualTo(AccessRule.EXIT_CLEARED);
  }

  @Test
  void aTankerWithoutPermitIsHeld() {
    assertThat(tankerLeaves().rule()).isEqualTo(AccessRule.EXIT_NOT_CLEARED);
  }

  @Test
  void theCurrentVisitDecidesNotAnEarlierConfirmedOne() {
    Permit yesterday = PermitFixture.permit("PM-HAZ-YESTERDAY", hazmatTanker(),
        new io.cordon.domain.permit.TimeWindow(Times.onDay(-1, "06:00"), Times.onDay(-1, "20:00")),
        io.cordon.domain.permit.LaneRef.of("G-DED", "H1"))
        .confirmExit(PermitFixture.HOST, "zhang", Times.onDay(-1, "12:00"), true, true, "").orElseThrow();

    assertThat(tankerLeaves(yesterday, PermitFixture.hazmatDeliveryToday()).rule())
        .isEqualTo(AccessRule.EXIT_NOT_CLEARED);
  }

  @Test
  void peopleAndOrdinaryVehiclesLeaveWithoutAnyPermit() {
    assertThat(policy.decide(exit(comprehensiveGate(), "P1", HolderFixture.visitor(), at("12:00")), AccessFacts.none())
        .rule()).isEqualTo(AccessRule.EXIT_FREE);
    assertThat(policy.decide(exit(comprehensiveGate(), "V1", HolderFixture.constructionTruck(), at("12:00")),
        AccessFacts.none()).rule()).isEqualTo(AccessRule.EXIT_FREE);
  }

  @Test
  void anUnknownHolderIsLetOutButNotIn() {
    assertThat(policy.decide(exit(comprehensiveGate(), "V1", HolderFixture.unknownPlate(), at("12:00")),
        AccessFacts.none()).rule()).isEqualTo(AccessRule.UNKNOWN_EXIT);
    AccessDecision in = policy.decide(entry(comprehensiveGate(), "V1", HolderFixture.unknownPlate(), at("12:00")),
        AccessFacts.none());
    assertThat(in.rule()).isEqualTo(AccessRule.UNKNOWN_HOLDER);
    assertThat(((AccessDecision.Deny) in).detail()).isEqualTo("unknown 苏A99999 is not registered");
  }

  @Test
  void anExitThroughAnEntryOnlyLaneIsRefused() {
    AccessDecision d = policy.decide(exit(comprehensiveGate(), "V-IN", HolderFixture.ordinaryCar(), at("12:00")),
        AccessFacts.none());

    assertThat(d.rule()).isEqualTo(AccessRule.LANE_DIRECTION);
    assertThat(((AccessDecision.Deny) d).detail()).isEqualTo("lane G-COMP/V-IN is entry only");
  }
}
