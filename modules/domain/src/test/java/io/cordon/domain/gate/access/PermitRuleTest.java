package io.cordon.domain.gate.access;

import static io.cordon.domain.gate.access.GateFixture.comprehensiveGate;
import static io.cordon.domain.gate.access.GateFixture.ordinaryGate;
import static io.cordon.domain.gate.access.HolderFixture.hazmatTanker;
import static io.cordon.domain.gate.access.HolderFixture.visitor;
import static io.cordon.domain.gate.access.Requests.entry;
import static io.cordon.domain.gate.access.Times.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.permit.LaneRef;
import io.cordon.domain.permit.Permit;
import io.cordon.domain.permit.PermitId;
import io.cordon.domain.permit.TimeWindow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PermitRuleTest {

  private final GateAccessPolicy policy = new GateAccessPolicy(AccessSettings.defaults());

  private AccessDecision visitorEnters(Instant at, Permit... permits) {
    return policy.decide(entry(comprehensiveGate(), "P1", visitor(), at), AccessFacts.none().withPermits(List.of(permits)));
  }

  @Test
  void aPermitForThisLaneValidNowLetsTheHolderInAndIsNamed() {
    AccessDecision d = visitorEnters(at("10:00"), PermitFixture.visitToday());

    assertThat(d).isEqualTo(new AccessDecision.Pass(AccessRule.PERMIT_VALID, Optional.of(new PermitId("PM-VISIT-TODAY"))));
  }

  @Test
  void aPermitIsValidFromTheFirstInstantOfItsWindow() {
    assertThat(visitorEnters(at("06:00"), PermitFixture.visitToday()).rule()).isEqualTo(AccessRule.PERMIT_VALID);
  }

  @Test
  void aPermitIsExpiredAtTheEndOfItsWindow() {
    AccessDecision d = visitorEnters(at("20:00"), PermitFixture.visitToday());

    assertThat(d.rule()).isEqualTo(AccessRule.PERMIT_EXPIRED);
    assertThat(((AccessDecision.Deny) d).detail()).isEqualTo(
        "permit PM-VISIT-TODAY expired at 2025-06-02 20:00:00 (Asia/Shanghai)");
  }

  @Test
  void aPermitOfYesterdayIsExpired() {
    assertThat(visitorEnters(at("10:00"), PermitFixture.visitYesterday()).rule()).isEqualTo(AccessRule.PERMIT_EXPIRED);
  }

  @Test
  void aPermitOfTomorrowIsNotYetValidAndSaysFromWhen() {
    AccessDecision d = visitorEnters(at("10:00"), PermitFixture.visitTomorrow());

    assertThat(d.rule()).isEqualTo(AccessRule.PERMIT_NOT_YET_VALID);
    assertThat(((AccessDecision.Deny) d).detail()).contains("PM-VISIT-TOMORROW", "2025-06-03 08:00:00");
  }

  @Test
  void notYetValidTellsMoreThanExpiredWhenTheHolderHasBoth() {
    AccessDecision d = visitorEnters(at("10:00"), PermitFixture.visitYesterday(), PermitFixture.visitTomorrow());

    assertThat(d.rule()).isEqualTo(AccessRule.PERMIT_NOT_YET_VALID);
  }

  @Test
  void oneValidPermitAmongStaleOnesLetsTheHolderIn() {
    AccessDecision d = visitorEnters(at("10:00"), PermitFixture.visitYesterday(), PermitFixture.visitToday(),
        PermitFixture.visitTomorrow());

    assertThat(d).isEqualTo(new AccessDecision.Pass(AccessRule.PERMIT_VALID, Optional.of(new PermitId("PM-VISIT-TODAY"))));
  }

  @Test
  void aRevokedPermitAdmitsNobodyAndGivesTheReason() {
    AccessDecision d = policy.decide(entry(comprehensiveGate(), "H1", hazmatTanker(), at("10:00")),
        AccessFacts.none().withPermits(List.of(PermitFixture.hazmatDeliveryRevoked())));

    assertThat(d.rule()).isEqualTo(AccessRule.PERMIT_REVOKED);
    assertThat(((AccessDecision.Deny) d).detail()).contains("PM-HAZ-TODAY", "09:00:00", "司机资格证过期");
  }

  @Test
  void aPermitRevokedLaterStillAdmitsBeforeItsRevocation() {
    AccessDecision d = policy.decide(entry(comprehensiveGate(), "H1", hazmatTanker(), at("08:59:59")),
        AccessFacts.none().withPermits(List.of(PermitFixture.hazmatDeliveryRevoked())));

    assertThat(d.rule()).isEqualTo(AccessRule.PERMIT_VALID);
  }

  @Test
  void revokedTellsMoreThanExpired() {
    Permit revokedThenExpired = PermitFixture.visitYesterday().revoke("officer", Times.onDay(-1, "12:00"), "违规")
        .orElseThrow();

    assertThat(visitorEnters(at("10:00"), revokedThenExpired).rule()).isEqualTo(AccessRule.PERMIT_REVOKED);
  }

  @Test
  void aPermitForAnotherLaneOfThisGateIsNotForThisLane() {
    Permit otherLane = PermitFixture.permit("PM-V1", visitor(), PermitFixture.TODAY, LaneRef.of("G-COMP", "V1"));

    AccessDecision d = visitorEnters(at("10:00"), otherLane);

    assertThat(d.rule()).isEqualTo(AccessRule.PERMIT_NOT_FOR_LANE);
    assertThat(((AccessDecision.Deny) d).detail()).isEqualTo("permit PM-V1 is for G-COMP/V1, not G-COMP/P1");
  }

  @Test
  void aPermitForAnotherGateIsNotForThisGate() {
    AccessDecision d = policy.decide(entry(ordinaryGate(), "P1", visitor(), at("10:00")),
        AccessFacts.none().withPermits(List.of(PermitFixture.visitToday())));

    assertThat(d.rule()).isEqualTo(AccessRule.PERMIT_NOT_FOR_GATE);
  }

  @Test
  void aStalePermitForThisLaneTellsMoreThanAValidOneForAnotherGate() {
    Permit otherGate = PermitFixture.permit("PM-ORD", visitor(), PermitFixture.TODAY, LaneRef.of("G-ORD", "P1"));

    assertThat(visitorEnters(at("10:00"), otherGate, PermitFixture.visitYesterday()).rule())
        .isEqualTo(AccessRule.PERMIT_EXPIRED);
  }

  @Test
  void aHolderWithoutPermitsHasNoPermit() {
    AccessDecision d = visitorEnters(at("10:00"));

    assertThat(d.rule()).isEqualTo(AccessRule.NO_PERMIT);
    assertThat(((AccessDecision.Deny) d).detail()).isEqualTo("person P-VISIT-1 has no permit");
  }

  @Test
  void somebodyElsesPermitDoesNotCount() {
    Permit staffPermit = PermitFixture.permit("PM-STAFF", HolderFixture.staffMember(), PermitFixture.TODAY,
        LaneRef.of("G-COMP", "P1"));

    assertThat(visitorEnters(at("10:00"), staffPermit).rule()).isEqualTo(AccessRule.NO_PERMIT);
  }

  @Test
  void aVehiclePermitIsMatchedByPlate() {
    Permit forOtherPlate = PermitFixture.permit("PM-X", HolderFixture.vehicle("苏E99999",
        io.cordon.domain.vehicle.VehicleClass.HAZMAT), new TimeWindow(at("06:00"), at("20:00")), LaneRef.of("G-COMP", "H1"));

    AccessDecision d = policy.decide(entry(comprehensiveGate(), "H1", hazmatTanker(), at("10:00")),
        AccessFacts.none().withPermits(List.of(forOtherPlate)));

    assertThat(d.rule()).isEqualTo(AccessRule.NO_PERMIT);
  }
}
