package io.cordon.domain.gate.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessRuleTest {

  @Test
  void theCodesOnTheWireStayAsPublished() {
    assertThat(Arrays.stream(AccessRule.values()).map(AccessRule::code)).containsExactly(
        "LANE_DIRECTION", "EMERGENCY_SERVICE", "EVACUATION_EXIT", "EVACUATION_NO_ENTRY", "EMERGENCY_LANE_CLOSED",
        "PEDESTRIAN_LANE_ONLY", "VEHICLE_ON_PEDESTRIAN_LANE", "DANGEROUS_AT_ORDINARY_GATE",
        "NOT_DANGEROUS_AT_DEDICATED_GATE", "LANE_CLASS_MISMATCH", "UNKNOWN_HOLDER", "UNKNOWN_EXIT", "EXIT_FREE",
        "EXIT_CLEARED", "EXIT_NOT_CLEARED", "BLACKLISTED", "ENTERPRISE_BLACKLISTED", "ANTI_PASSBACK",
        "PERMIT_REVOKED", "PERMIT_NOT_YET_VALID", "PERMIT_EXPIRED", "PERMIT_NOT_FOR_LANE", "PERMIT_NOT_FOR_GATE",
        "NO_PERMIT", "CORE_AREA_NOT_AUTHORISED", "ZONE_NOT_GRANTED", "HAZMAT_HOURS", "CAPACITY_PEOPLE",
        "CAPACITY_VEHICLES", "CAPACITY_DANGEROUS_VEHICLES", "PERMIT_VALID");
  }

  @Test
  void exactlyTheAdmittingRulesPass() {
    assertThat(Arrays.stream(AccessRule.values()).filter(AccessRule::passing)).containsExactlyInAnyOrder(
        AccessRule.EMERGENCY_SERVICE, AccessRule.EVACUATION_EXIT, AccessRule.UNKNOWN_EXIT, AccessRule.EXIT_FREE,
        AccessRule.EXIT_CLEARED, AccessRule.PERMIT_VALID);
  }

  @Test
  void aCodeReadBackFindsItsRule() {
    assertThat(AccessRule.ofCode("HAZMAT_HOURS")).contains(AccessRule.HAZMAT_HOURS);
    assertThat(AccessRule.ofCode("NO_SUCH_RULE")).isEmpty();
  }

  @Test
  void everyRuleHasADescription() {
    assertThat(AccessRule.values()).allSatisfy(r -> assertThat(r.description()).isNotBlank());
  }

  @Test
  void aPassCannotCarryARefusingRuleNorADenyAPassingOne() {
    assertThatThrownBy(() -> new AccessDecision.Pass(AccessRule.NO_PERMIT, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AccessDecision.Deny(AccessRule.PERMIT_VALID, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDecisionDescribesItselfOnOneLine() {
    assertThat(new AccessDecision.Deny(AccessRule.NO_PERMIT, "person P-1 has no permit").describe())
        .isEqualTo("DENY NO_PERMIT: person P-1 has no permit");
    assertThat(new AccessDecision.Pass(AccessRule.PERMIT_VALID,
        Optional.of(new io.cordon.domain.permit.PermitId("PM-1"))).describe()).isEqualTo("PASS PERMIT_VALID (permit PM-1)");
  }
}
