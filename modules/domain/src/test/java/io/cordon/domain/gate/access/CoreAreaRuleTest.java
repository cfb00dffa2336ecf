package io.cordon.domain.gate.access;

import static io.cordon.domain.gate.access.GateFixture.coreCheckpoint;
import static io.cordon.domain.gate.access.GateFixture.productionArea;
import static io.cordon.domain.gate.access.GateFixture.tankFarm;
import static io.cordon.domain.gate.access.HolderFixture.staffMember;
import static io.cordon.domain.gate.access.Requests.checkpointEntry;
import static io.cordon.domain.gate.access.Times.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.park.ControlZone;
import io.cordon.domain.permit.Permit;
import io.cordon.domain.permit.PermitId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CoreAreaRuleTest {

  private final GateAccessPolicy policy = new GateAccessPolicy(AccessSettings.defaults());

  private AccessDecision staffEntersCheckpoint(ControlZone zone, Permit... permits) {
    return policy.decide(checkpointEntry(coreCheckpoint(), "P1", staffMember(), NOW, zone),
        AccessFacts.none().withPermits(List.of(permits)).withPresence(Presence.INSIDE));
  }

  @Test
  void aPermitAuthorisingTheCoreAreaLetsTheHolderIn() {
    AccessDecision d = staffEntersCheckpoint(tankFarm(),
        PermitFixture.checkpointPass("PM-CORE", staffMember(), tankFarm(), true));

    assertThat(d).isEqualTo(new AccessDecision.Pass(AccessRule.PERMIT_VALID, Optional.of(new PermitId("PM-CORE"))));
  }

  @Test
  void grantingTheCoreZoneWithoutExplicitAuthorisationIsNotEnough() {
    AccessDecision d = staffEntersCheckpoint(tankFarm(),
        PermitFixture.checkpointPass("PM-CORE", staffMember(), tankFarm(), false));

    assertThat(d.rule()).isEqualTo(AccessRule.CORE_AREA_NOT_AUTHORISED);
    assertThat(((AccessDecision.Deny) d).detail())
        .isEqualTo("permit PM-CORE does not authorise the core area Z-CORE (罐区)");
  }

  @Test
  void aPermitWithoutTheZoneIsNotAuthorisedForTheCoreArea() {
    AccessDecision d = staffEntersCheckpoint(tankFarm(), PermitFixture.checkpointPassWithoutZones("PM-LANE", staffMember()));

    assertThat(d.rule()).isEqualTo(AccessRule.CORE_AREA_NOT_AUTHORISED);
  }

  @Test
  void aCheckpointOfAKeyZoneNeedsTheZoneGranted() {
    AccessDecision d = staffEntersCheckpoint(productionArea(),
        PermitFixture.checkpointPassWithoutZones("PM-LANE", staffMember()));

    assertThat(d.rule()).isEqualTo(AccessRule.ZONE_NOT_GRANTED);
  }

  @Test
  void aKeyZoneNeedsNoExplicitAuthorisation() {
    AccessDecision d = staffEntersCheckpoint(productionArea(),
        PermitFixture.checkpointPass("PM-KEY", staffMember(), productionArea(), false));

    assertThat(d.rule()).isEqualTo(AccessRule.PERMIT_VALID);
  }

  @Test
  void theAuthorisingPermitIsNamedWhenSeveralCoverTheLane() {
    AccessDecision d = staffEntersCheckpoint(tankFarm(),
        PermitFixture.checkpointPassWithoutZones("PM-LANE", staffMember()),
        PermitFixture.checkpointPass("PM-CORE", staffMember(), tankFarm(), true));

    assertThat(d).isEqualTo(new AccessDecision.Pass(AccessRule.PERMIT_VALID, Optional.of(new PermitId("PM-CORE"))));
  }

  @Test
  void theZoneIsCheckedOnlyOnceAPermitCoversTheLane() {
    AccessDecision d = staffEntersCheckpoint(tankFarm());

    assertThat(d.rule()).isEqualTo(AccessRule.NO_PERMIT);
  }
}
