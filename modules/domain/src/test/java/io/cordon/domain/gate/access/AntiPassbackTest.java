package io.cordon.domain.gate.access;

import static io.cordon.domain.gate.access.GateFixture.comprehensiveGate;
import static io.cordon.domain.gate.access.HolderFixture.staffMember;
import static io.cordon.domain.gate.access.Requests.entry;
import static io.cordon.domain.gate.access.Requests.exit;
import static io.cordon.domain.gate.access.Times.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AntiPassbackTest {

  private final AccessFacts staffInside = AccessFacts.none().withPermits(List.of(PermitFixture.staffYearPass()))
      .withPresence(Presence.INSIDE);

  @Test
  void someoneInsideMayNotEnterAgainWithoutLeaving() {
    AccessDecision d = new GateAccessPolicy(AccessSettings.defaults())
        .decide(entry(comprehensiveGate(), "P1", staffMember(), NOW), staffInside);

    assertThat(d.rule()).isEqualTo(AccessRule.ANTI_PASSBACK);
  }

  @Test
  void someoneOutsideMayEnter() {
    AccessDecision d = new GateAccessPolicy(AccessSettings.defaults())
        .decide(entry(comprehensiveGate(), "P1", staffMember(), NOW), staffInside.withPresence(Presence.OUTSIDE));

    assertThat(d.rule()).isEqualTo(AccessRule.PERMIT_VALID);
  }

  @Test
  void withAntiPassbackOffSomeoneInsideMayEnterAgain() {
    AccessDecision d = new GateAccessPolicy(AccessSettings.defaults().withAntiPassback(false))
        .decide(entry(comprehensiveGate(), "P1", staffMember(), NOW), staffInside);

    assertThat(d.rule()).isEqualTo(AccessRule.PERMIT_VALID);
  }

  @Test
  void someoneInsideMayLeave() {
    AccessDecision d = new GateAccessPolicy(AccessSettings.defaults())
        .decide(exit(comprehensiveGate(), "P1", staffMember(), NOW), staffInside);

    assertThat(d.rule()).isEqualTo(AccessRule.EXIT_FREE);
  }

  @Test
  void internalCheckpointsIgnoreThatTheHolderIsInsideThePark() {
    AccessFacts facts = AccessFacts.none().withPresence(Presence.INSIDE).withPermits(List.of(
        PermitFixture.checkpointPass("PM-CORE", staffMember(), GateFixture.productionArea(), false)));

    AccessDecision d = new GateAccessPolicy(AccessSettings.defaults()).decide(Requests.checkpointEntry(
        GateFixture.coreCheckpoint(), "P1", staffMember(), NOW, GateFixture.productionArea()), facts);

    assertThat(d.rule()).isEqualTo(AccessRule.PERMIT_VALID);
  }
}
