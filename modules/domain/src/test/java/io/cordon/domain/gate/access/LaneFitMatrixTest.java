package io.cordon.domain.gate.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateType;
import io.cordon.domain.park.Lane;
import io.cordon.domain.park.LaneClass;
import io.cordon.domain.park.LaneDirection;
import io.cordon.domain.permit.LaneRef;
import io.cordon.domain.permit.Permit;
import io.cordon.domain.vehicle.VehicleClass;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every gate type × lane class × lane direction × holder class × passage direction, each holder
 * holding a permit for exactly that lane (exit confirmed), in normal mode. The expected rule comes
 * from the small table {@link #USES} of the guideline (§5.2.2.1, §7.1.2.2), not from the policy.
 */
class LaneFitMatrixTest {

  enum HolderClass {
    PERSON, ORDINARY, COMMUTER, CONSTRUCTION, HAZMAT, HAZWASTE,
    UNKNOWN_UNSEEN, UNKNOWN_ORDINARY, UNKNOWN_HAZMAT, UNKNOWN_HAZWASTE, EMERGENCY_SERVICE
  }

  /** The lane class a holder uses, the gate types it may use, and the rule that refuses it at the others. */
  record Use(LaneClass lane, Set<GateType> gates, AccessRule wrongGate) {
  }

  private static final Use ON_FOOT = new Use(LaneClass.PEDESTRIAN,
      EnumSet.of(GateType.COMPREHENSIVE, GateType.DEDICATED, GateType.ORDINARY), null);
  private static final Use ORDINARY_TRAFFIC = new Use(LaneClass.ORDINARY,
      EnumSet.of(GateType.COMPREHENSIVE, GateType.ORDINARY), AccessRule.NOT_DANGEROUS_AT_DEDICATED_GATE);
  private static final Use HAZMAT_TRAFFIC = new Use(LaneClass.HAZMAT,
      EnumSet.of(GateType.COMPREHENSIVE, GateType.DEDICATED), AccessRule.DANGEROUS_AT_ORDINARY_GATE);
  private static final Use HAZWASTE_TRAFFIC = new Use(LaneClass.HAZWASTE,
      EnumSet.of(GateType.COMPREHENSIVE, GateType.DEDICATED), AccessRule.DANGEROUS_AT_ORDINARY_GATE);

  private static final Map<HolderClass, Use> USES = new EnumMap<>(Map.of(
      HolderClass.PERSON, ON_FOOT,
      HolderClass.ORDINARY, ORDINARY_TRAFFIC,
      HolderClass.COMMUTER, ORDINARY_TRAFFIC,
      HolderClass.CONSTRUCTION, ORDINARY_TRAFFIC,
      HolderClass.HAZMAT, HAZMAT_TRAFFIC,
      HolderClass.HAZWASTE, HAZWASTE_TRAFFIC,
      HolderClass.UNKNOWN_ORDINARY, ORDINARY_TRAFFIC,
      HolderClass.UNKNOWN_HAZMAT, HAZMAT_TRAFFIC,
      HolderClass.UNKNOWN_HAZWASTE, HAZWASTE_TRAFFIC));

  private final GateAccessPolicy policy = new GateAccessPolicy(AccessSettings.defaults());

  static Stream<Arguments> matrix() {
    List<Arguments> cases = new ArrayList<>();
    for (GateType gate : GateType.values()) {
      for (LaneClass lane : LaneClass.values()) {
        for (LaneDirection laneDirection : LaneDirection.values()) {
          for (HolderClass holder : HolderClass.values()) {
            for (PassageDirection direction : PassageDirection.values()) {
              cases.add(Arguments.of(gate, lane, laneDirection, holder, direction,
                  expected(gate, lane, laneDirection, holder, direction)));
            }
          }
        }
      }
    }
    return cases.stream();
  }

  private static AccessRule expected(GateType gate, LaneClass lane, LaneDirection laneDirection, HolderClass holder,
      PassageDirection direction) {
    if (laneDirection != LaneDirection.BOTH && !laneDirection.name().equals(direction.name())) {
      return AccessRule.LANE_DIRECTION;
    }
    if (holder == HolderClass.EMERGENCY_SERVICE) {
      if (lane != LaneClass.PEDESTRIAN) {
        return AccessRule.EMERGENCY_SERVICE;
      }
      return gate == GateType.EMERGENCY ? AccessRule.EMERGENCY_LANE_CLOSED : AccessRule.VEHICLE_ON_PEDESTRIAN_LANE;
    }
    if (gate == GateType.EMERGENCY || lane == LaneClass.EMERGENCY) {
      return AccessRule.EMERGENCY_LANE_CLOSED;
    }
    Use use = USES.get(holder);
    if (use != null) {
      if (holder == HolderClass.PERSON && lane != LaneClass.PEDESTRIAN) {
        return AccessRule.PEDESTRIAN_LANE_ONLY;
      }
      if (holder != HolderClass.PERSON && lane == LaneClass.PEDESTRIAN) {
        return AccessRule.VEHICLE_ON_PEDESTRIAN_LANE;
      }
      if (!use.gates().contains(gate)) {
        return use.wrongGate();
      }
      if (lane != use.lane()) {
        return AccessRule.LANE_CLASS_MISMATCH;
      }
    }
    boolean entry = direction == PassageDirection.ENTRY;
    if (holder.name().startsWith("UNKNOWN")) {
      return entry ? AccessRule.UNKNOWN_HOLDER : AccessRule.UNKNOWN_EXIT;
    }
    if (entry) {
      return AccessRule.PERMIT_VALID;
    }
    return holder == HolderClass.HAZMAT || holder == HolderClass.HAZWASTE ? AccessRule.EXIT_CLEARED
        : AccessRule.EXIT_FREE;
  }

  @ParameterizedTest(name = "{0} gate, {1} lane ({2}), {3} {4}: {5}")
  @MethodSource("matrix")
  void eachHolderUsesOnlyTheLanesAndGatesOfItsClass(GateType gateType, LaneClass laneClass,
      LaneDirection laneDirection, HolderClass holderClass, PassageDirection direction, AccessRule expected) {
    Lane lane = new Lane("L1", laneClass, laneDirection);
    Gate gate = GateFixture.gate("G-" + gateType, gateType, lane);
    Holder holder = holder(holderClass);
    List<Permit> permits = permitFor(holder, gate);
    AccessRequest request = new AccessRequest(gate, lane, direction, Times.NOW, holder, Optional.empty());

    AccessDecision decision = policy.decide(request, AccessFacts.none().withPermits(permits));

    assertThat(decision.rule()).as(decision.describe()).isEqualTo(expected);
    assertThat(decision.passes()).isEqualTo(expected.passing());
  }

  private static Holder holder(HolderClass c) {
    switch (c) {
      case PERSON:
        return HolderFixture.staffMember();
      case UNKNOWN_UNSEEN:
        return HolderFixture.unknownPlate();
      case UNKNOWN_ORDINARY:
        return new Holder.Unknown("苏A77777", Optional.of(VehicleClass.ORDINARY));
      case UNKNOWN_HAZMAT:
        return new Holder.Unknown("苏A77777", Optional.of(VehicleClass.HAZMAT));
      case UNKNOWN_HAZWASTE:
        return new Holder.Unknown("苏A77777", Optional.of(VehicleClass.HAZWASTE));
      case EMERGENCY_SERVICE:
        return HolderFixture.fireEngine();
      default:
        return HolderFixture.vehicle("苏E66666", VehicleClass.valueOf(c.name()));
    }
  }

  /** A permit for exactly this lane today, exit already confirmed where one is needed. */
  private static List<Permit> permitFor(Holder holder, Gate gate) {
    if (holder instanceof Holder.Unknown) {
      return List.of();
    }
    Permit p = PermitFixture.permit("PM-1", holder, PermitFixture.TODAY, new LaneRef(gate.id(), "L1"));
    if (p.exitConfirmationRequired()) {
      p = p.confirmExit(PermitFixture.HOST, "zhang", Times.at("09:00"), true, true, "").orElseThrow();
    }
    return List.of(p);
  }
}
