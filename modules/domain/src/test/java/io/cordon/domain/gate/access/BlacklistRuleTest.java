package io.cordon.domain.gate.access;

import static io.cordon.domain.gate.access.GateFixture.comprehensiveGate;
import static io.cordon.domain.gate.access.HolderFixture.hazmatTanker;
import static io.cordon.domain.gate.access.HolderFixture.staffMember;
import static io.cordon.domain.gate.access.Requests.entry;
import static io.cordon.domain.gate.access.Requests.exit;
import static io.cordon.domain.gate.access.Times.at;
import static io.cordon.domain.gate.access.Times.onDay;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.violation.BlacklistEntry;
import io.cordon.domain.violation.Subject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlacklistRuleTest {

  private final GateAccessPolicy policy = new GateAccessPolicy(AccessSettings.defaults());

  private static BlacklistEntry ban(String id, Subject subject, Instant from, Optional<Instant> until) {
    return BlacklistEntry.manual(id, subject, "违规驾驶", from, until);
  }

  private AccessDecision staffEnters(BlacklistEntry... entries) {
    return policy.decide(entry(comprehensiveGate(), "P1", staffMember(), at("10:00")),
        AccessFacts.none().withPermits(List.of(PermitFixture.staffYearPass())).withBlacklist(List.of(entries)));
  }

  @Test
  void aBlacklistedPersonMayNotEnterDespiteAValidPermit() {
    AccessDecision d = staffEnters(ban("BL-1", Subject.person(staffMember().id()), onDay(-1, "00:00"),
        Optional.of(onDay(30, "00:00"))));

    assertThat(d.rule()).isEqualTo(AccessRule.BLACKLISTED);
    assertThat(((AccessDecision.Deny) d).detail())
        .isEqualTo("person P-STAFF-1 is blacklisted until 2025-07-02 00:00:00 (Asia/Shanghai): 违规驾驶");
  }

  @Test
  void anIndefiniteBanLastsUntilLifted() {
    AccessDecision d = staffEnters(ban("BL-1", Subject.person(staffMember().id()), onDay(-1, "00:00"), Optional.empty()));

    assertThat(((AccessDecision.Deny) d).detail()).contains("until lifted");
  }

  @Test
  void aBlacklistedVehicleIsRecognisedByItsPlate() {
    AccessDecision d = policy.decide(entry(comprehensiveGate(), "H1", hazmatTanker(), at("10:00")),
        AccessFacts.none().withPermits(List.of(PermitFixture.hazmatDeliveryToday()))
            .withBlacklist(List.of(ban("BL-2", Subject.vehicle(hazmatTanker().plate()), onDay(-1, "00:00"),
                Optional.empty()))));

    assertThat(d.rule()).isEqualTo(AccessRule.BLACKLISTED);
  }

  @Test
  void theMembersOfABlacklistedEnterpriseMayNotEnter() {
    AccessDecision d = staffEnters(ban("BL-3", Subject.enterprise(HolderFixture.CHEMICALS), onDay(-1, "00:00"),
        Optional.empty()));

    assertThat(d.rule()).isEqualTo(AccessRule.ENTERPRISE_BLACKLISTED);
  }

  @Test
  void theVehiclesOfABlacklistedOwnerMayNotEnter() {
    AccessDecision d = policy.decide(entry(comprehensiveGate(), "H1", hazmatTanker(), at("10:00")),
        AccessFacts.none().withPermits(List.of(PermitFixture.hazmatDeliveryToday()))
            .withBlacklist(List.of(ban("BL-4", Subject.enterprise(HolderFixture.HAULIER), onDay(-1, "00:00"),
                Optional.empty()))));

    assertThat(d.rule()).isEqualTo(AccessRule.ENTERPRISE_BLACKLISTED);
  }

  @Test
  void anotherEnterprisesBanDoesNotApply() {
    AccessDecision d = staffEnters(ban("BL-5", Subject.enterprise(HolderFixture.HAULIER), onDay(-1, "00:00"),
        Optional.empty()));

    assertThat(d.rule()).isEqualTo(AccessRule.PERMIT_VALID);
  }

  @Test
  void anExpiredBanNoLongerApplies() {
    AccessDecision d = staffEnters(ban("BL-1", Subject.person(staffMember().id()), onDay(-10, "00:00"),
        Optional.of(at("10:00"))));

    assertThat(d.rule()).isEqualTo(AccessRule.PERMIT_VALID);
  }

  @Test
  void aBanAppliesUntilItsLastInstant() {
    AccessDecision d = staffEnters(ban("BL-1", Subject.person(staffMember().id()), onDay(-10, "00:00"),
        Optional.of(at("10:00:01"))));

    assertThat(d.rule()).isEqualTo(AccessRule.BLACKLISTED);
  }

  @Test
  void aLiftedBanNoLongerApplies() {
    BlacklistEntry lifted = ban("BL-1", Subject.person(staffMember().id()), onDay(-10, "00:00"), Optional.empty())
        .lift("chief", at("09:00"), "申诉成立").orElseThrow();

    assertThat(staffEnters(lifted).rule()).isEqualTo(AccessRule.PERMIT_VALID);
  }

  @Test
  void aBanStartingLaterDoesNotApplyYet() {
    AccessDecision d = staffEnters(ban("BL-1", Subject.person(staffMember().id()), at("10:00:01"), Optional.empty()));

    assertThat(d.rule()).isEqualTo(AccessRule.PERMIT_VALID);
  }

  @Test
  void aBlacklistedPersonMayStillLeave() {
    AccessDecision d = policy.decide(exit(comprehensiveGate(), "P1", staffMember(), at("10:00")),
        AccessFacts.none().withBlacklist(List.of(ban("BL-1", Subject.person(staffMember().id()), onDay(-1, "00:00"),
            Optional.empty()))));

    assertThat(d.rule()).isEqualTo(AccessRule.EXIT_FREE);
  }
}
