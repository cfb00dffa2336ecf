package io.cordon.devices.gate.edge;

import static io.cordon.devices.gate.edge.EdgeFixtures.BANNED_PLATE;
import static io.cordon.devices.gate.edge.EdgeFixtures.NOW;
import static io.cordon.devices.gate.edge.EdgeFixtures.STAFF_PERSON;
import static io.cordon.devices.gate.edge.EdgeFixtures.STAFF_PLATE;
import static io.cordon.devices.gate.edge.EdgeFixtures.face;
import static io.cordon.devices.gate.edge.EdgeFixtures.plate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.api.v1.Direction;
import io.cordon.domain.gate.access.AccessRule;
import io.cordon.domain.gate.access.AccessSettings;
import io.cordon.domain.gate.access.GateAccessPolicy;
import io.cordon.domain.gate.access.GateMode;
import io.cordon.domain.gate.access.Holder;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OfflineDeciderTest {

  private final CacheIndex cache = cache();
  private final LocalPresence presence = new LocalPresence();
  private final OfflineDecider decider = new OfflineDecider(EdgeFixtures.gate(), Optional.empty(),
      new GateAccessPolicy(AccessSettings.defaults()), () -> cache, presence::of, () -> GateMode.NORMAL,
      Clock.fixed(NOW, ZoneOffset.UTC));

  private static CacheIndex cache() {
    CacheIndex index = new CacheIndex();
    index.apply(EdgeFixtures.snapshot(3));
    return index;
  }

  @Test
  void aVehicleWithAValidPermitPasses() {
    OfflineDecision d = decider.decide(plate("r1", "L1", Direction.DIRECTION_ENTRY, STAFF_PLATE, NOW));
    assertThat(d.decision().rule()).isEqualTo(AccessRule.PERMIT_VALID);
    assertThat(d.cacheVersion()).isEqualTo(3);
  }

  @Test
  void aPersonWithAValidPermitPassesOnFoot() {
    OfflineDecision d = decider.decide(face("r1", "P1", Direction.DIRECTION_ENTRY, STAFF_PERSON, NOW));
    assertThat(d.decision().rule()).isEqualTo(AccessRule.PERMIT_VALID);
    assertThat(d.holderName()).isEqualTo("张三");
  }

  @Test
  void aBlacklistedVehicleIsRefusedDespiteItsPermit() {
    OfflineDecision d = decider.decide(plate("r1", "L1", Direction.DIRECTION_ENTRY, BANNED_PLATE, NOW));
    assertThat(d.decision().rule()).isEqualTo(AccessRule.BLACKLISTED);
  }

  @Test
  void anUnknownPlateIsRefusedAsUnknown() {
    OfflineDecision d = decider.decide(plate("r1", "L1", Direction.DIRECTION_ENTRY, "苏E99999", NOW));
    assertThat(d.decision().rule()).isEqualTo(AccessRule.UNKNOWN_HOLDER);
    assertThat(d.holder()).isInstanceOf(Holder.Unknown.class);
  }

  @Test
  void aMalformedPlateIsAnUnknownHolder() {
    OfflineDecision d = decider.decide(plate("r1", "L1", Direction.DIRECTION_ENTRY, "XX-123", NOW));
    assertThat(d.decision().passes()).isFalse();
  }

  @Test
  void aSecondEntryWithoutAnExitIsRefusedByAntiPassback() {
    OfflineDecision first = decider.decide(plate("r1", "L1", Direction.DIRECTION_ENTRY, STAFF_PLATE, NOW));
    presence.passed(first.holder().key(), first.direction());
    OfflineDecision second = decider.decide(plate("r2", "L1", Direction.DIRECTION_ENTRY, STAFF_PLATE, NOW));
    assertThat(second.decision().rule()).isEqualTo(AccessRule.ANTI_PASSBACK);
  }

  @Test
  void aLaneTheGateDoesNotHaveIsRejected() {
    assertThatThrownBy(() -> decider.decide(plate("r1", "X9", Direction.DIRECTION_ENTRY, STAFF_PLATE, NOW)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X9");
  }

  @Test
  void theBenchmarkDeciderWorksOnAFixedCacheWithoutANetwork() {
    OfflineDecider bench = OfflineDecider.forCache(EdgeFixtures.gate(), cache);
    assertThat(bench.decide(plate("r1", "L1", Direction.DIRECTION_ENTRY, STAFF_PLATE, NOW)).passes()).isTrue();
  }
}
