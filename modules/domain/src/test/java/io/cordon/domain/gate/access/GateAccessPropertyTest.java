package io.cordon.domain.gate.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.capacity.CapacityLimits;
import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.GateType;
import io.cordon.domain.park.Lane;
import io.cordon.domain.park.LaneClass;
import io.cordon.domain.park.LaneDirection;
import io.cordon.domain.permit.LaneRef;
import io.cordon.domain.permit.Permit;
import io.cordon.domain.permit.TimeWindow;
import io.cordon.domain.violation.BlacklistEntry;
import io.cordon.domain.violation.Subject;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Whatever arrives at the gate, the policy decides without throwing and names the rule; presence is order-proof. */
class GateAccessPropertyTest {

  private static final List<Holder> HOLDERS = List.of(HolderFixture.staffMember(), HolderFixture.visitor(),
      HolderFixture.hazmatTanker(), HolderFixture.hazwasteTruck(), HolderFixture.commuterBus(),
      HolderFixture.constructionTruck(), HolderFixture.fireEngine(), HolderFixture.unknownPlate(),
      HolderFixture.unknownTanker());

  @Provide
  Arbitrary<AccessRequest> requests() {
    Arbitrary<Gate> gates = Combinators.combine(Arbitraries.of(GateType.class), Arbitraries.of(LaneClass.class),
        Arbitraries.of(LaneDirection.class)).as((t, c, d) -> GateFixture.gate("G-X", t, new Lane("L1", c, d)));
    Arbitrary<Optional<ControlZone>> zones = Arbitraries.of(Optional.empty(), Optional.of(GateFixture.tankFarm()),
        Optional.of(GateFixture.productionArea()));
    Arbitrary<Instant> times = Arbitraries.longs().between(0, 3 * 86_400L).map(s -> Times.onDay(-1, "00:00").plusSeconds(s));
    return Combinators.combine(gates, Arbitraries.of(PassageDirection.class), times, Arbitraries.of(HOLDERS), zones)
        .as((g, d, t, h, z) -> new AccessRequest(g, g.lanes().get(0), d, t, h, z));
  }

  @Provide
  Arbitrary<AccessFacts> facts() {
    Arbitrary<Permit> permits = Combinators.combine(Arbitraries.of(HOLDERS.subList(0, 6)),
        Arbitraries.integers().between(-2, 1), Arbitraries.integers().between(1, 48), Arbitraries.of(true, false),
        Arbitraries.of(true, false)).as((h, day, hours, revoked, confirmed) -> {
          Instant from = Times.onDay(day, "06:00");
          Permit p = PermitFixture.permit("PM-" + day + "-" + hours, h,
              TimeWindow.of(from, java.time.Duration.ofHours(hours)), LaneRef.of("G-X", "L1"), LaneRef.of("G-Y", "L1"));
          if (confirmed && p.exitConfirmationRequired()) {
            p = p.confirmExit(PermitFixture.HOST, "zhang", from, true, true, "").orElseThrow();
          }
          return revoked ? p.revoke("officer", from.plusSeconds(3600), "违规").orElseThrow() : p;
        });
    Arbitrary<BlacklistEntry> bans = Combinators.combine(Arbitraries.of(
        Subject.person(HolderFixture.staffMember().id()), Subject.vehicle(HolderFixture.hazmatTanker().plate()),
        Subject.enterprise(HolderFixture.HAULIER)), Arbitraries.integers().between(-2, 1))
        .as((s, day) -> BlacklistEntry.manual("BL-" + s + day, s, "违规", Times.onDay(day, "12:00"),
            Optional.of(Times.onDay(day + 1, "12:00"))));
    Arbitrary<Optional<Occupancy>> occupancy = Arbitraries.integers().between(0, 30)
        .map(n -> new Occupancy(n, n, n / 2)).optional();
    return Combinators.combine(permits.list().ofMaxSize(4), bans.list().ofMaxSize(2), Arbitraries.of(Presence.class),
        occupancy, Arbitraries.of(GateMode.class)).as(AccessFacts::new);
  }

  @Property(tries = 2000)
  void thePolicyNeverThrowsAndAlwaysNamesTheDecidingRule(@ForAll("requests") AccessRequest request,
      @ForAll("facts") AccessFacts facts) {
    GateAccessPolicy policy = new GateAccessPolicy(AccessSettings.defaults().withLimits(new CapacityLimits(20, 20, 5))
        .withHazmatHours(LocalTime.of(8, 0), LocalTime.of(18, 0)));

    AccessDecision d = policy.decide(request, facts);

    assertThat(d.rule()).isNotNull();
    assertThat(d.passes()).isEqualTo(d.rule().passing());
    if (d instanceof AccessDecision.Deny deny) {
      assertThat(deny.detail()).isNotBlank();
    }
  }

  @Property(tries = 2000)
  void inEvacuationEveryExitThroughALaneOfItsDirectionPasses(@ForAll("requests") AccessRequest request,
      @ForAll("facts") AccessFacts facts) {
    AccessRequest exit = new AccessRequest(request.gate(), request.lane(), PassageDirection.EXIT, request.at(),
        request.holder(), request.guardedZone());

    AccessDecision d = new GateAccessPolicy(AccessSettings.defaults()).decide(exit,
        facts.withMode(GateMode.EVACUATION));

    assertThat(d.passes()).isEqualTo(request.lane().direction() != LaneDirection.ENTRY);
  }

  record Passage(String id, Holder holder, PassageDirection direction, Instant at) {
  }

  @Property(tries = 200)
  void presenceDoesNotDependOnTheOrderOrRepetitionOfRecords(@ForAll @IntRange(min = 1, max = 60) int count,
      @ForAll long seed) {
    Random random = new Random(seed);
    List<Passage> passages = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      passages.add(new Passage("R-" + i, HOLDERS.get(random.nextInt(HOLDERS.size())),
          random.nextBoolean() ? PassageDirection.ENTRY : PassageDirection.EXIT, Times.NOW.plusSeconds(i)));
    }
    ParkOccupancy inOrder = replay(passages);
    List<Passage> shuffled = new ArrayList<>(passages);
    shuffled.addAll(passages.subList(0, count / 2));
    Collections.shuffle(shuffled, random);

    ParkOccupancy replayed = replay(shuffled);

    for (Holder h : HOLDERS) {
      assertThat(replayed.presenceOf(h)).as(h.key()).isEqualTo(inOrder.presenceOf(h));
    }
    assertThat(replayed.occupancy()).isEqualTo(inOrder.occupancy());
    assertThat(replayed.byEnterprise()).isEqualTo(inOrder.byEnterprise());
    assertThat(replayed.unknown()).isEqualTo(inOrder.unknown());
    assertThat(replayed.inside()).extracting(InsideHolder::holder)
        .containsExactlyInAnyOrderElementsOf(inOrder.inside().stream().map(InsideHolder::holder).toList());
  }

  private static ParkOccupancy replay(List<Passage> passages) {
    ParkOccupancy o = new ParkOccupancy();
    for (Passage p : passages) {
      o.apply(p.id(), p.holder(), p.direction(), new GateId("G-X"), p.at());
    }
    return o;
  }
}
