package io.cordon.domain.gate.access;

import static io.cordon.domain.gate.access.HolderFixture.commuterBus;
import static io.cordon.domain.gate.access.HolderFixture.hazmatTanker;
import static io.cordon.domain.gate.access.HolderFixture.hazwasteTruck;
import static io.cordon.domain.gate.access.HolderFixture.staffMember;
import static io.cordon.domain.gate.access.HolderFixture.unknownTanker;
import static io.cordon.domain.gate.access.HolderFixture.visitor;
import static io.cordon.domain.gate.access.PassageDirection.ENTRY;
import static io.cordon.domain.gate.access.PassageDirection.EXIT;
import static io.cordon.domain.gate.access.Times.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.park.GateId;
import io.cordon.domain.vehicle.VehicleClass;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParkOccupancyTest {

  private static final GateId COMP = new GateId("G-COMP");
  private static final GateId DED = new GateId("G-DED");

  private final ParkOccupancy park = new ParkOccupancy();

  @Test
  void anEntryPutsTheHolderInsideSinceThenThroughThatGate() {
    park.apply("R-1", staffMember(), ENTRY, COMP, at("08:00"));

    assertThat(park.presenceOf(staffMember())).isEqualTo(Presence.INSIDE);
    assertThat(park.inside()).containsExactly(new InsideHolder(staffMember(), at("08:00"), COMP));
  }

  @Test
  void anExitTakesTheHolderOut() {
    park.apply("R-1", staffMember(), ENTRY, COMP, at("08:00"));
    park.apply("R-2", staffMember(), EXIT, COMP, at("17:00"));

    assertThat(park.presenceOf(staffMember())).isEqualTo(Presence.OUTSIDE);
    assertThat(park.inside()).isEmpty();
    assertThat(park.people()).isZero();
  }

  @Test
  void theSameRecordTwiceCountsOnce() {
    assertThat(park.apply("R-1", staffMember(), ENTRY, COMP, at("08:00"))).isTrue();
    park.apply("R-2", staffMember(), EXIT, COMP, at("09:00"));

    assertThat(park.apply("R-1", staffMember(), ENTRY, COMP, at("08:00"))).isFalse();
    assertThat(park.presenceOf(staffMember())).isEqualTo(Presence.OUTSIDE);
  }

  @Test
  void anExitOfSomeoneNotInsideIsAcceptedAndChangesNothing() {
    assertThat(park.apply("R-1", visitor(), EXIT, COMP, at("08:00"))).isTrue();

    assertThat(park.people()).isZero();
    assertThat(park.inside()).isEmpty();
  }

  @Test
  void aLateRecordOlderThanTheHoldersLatestChangesNothing() {
    park.apply("R-2", staffMember(), EXIT, COMP, at("17:00"));

    park.apply("R-1", staffMember(), ENTRY, COMP, at("08:00"));

    assertThat(park.presenceOf(staffMember())).isEqualTo(Presence.OUTSIDE);
  }

  @Test
  void aLateEntryEarlierInTheSameStayMovesSinceBack() {
    park.apply("R-2", staffMember(), ENTRY, DED, at("09:00"));

    park.apply("R-1", staffMember(), ENTRY, COMP, at("08:00"));

    assertThat(park.inside()).containsExactly(new InsideHolder(staffMember(), at("08:00"), COMP));
  }

  @Test
  void aLateEntryBeforeTheLastExitBelongsToAnEarlierStay() {
    park.apply("R-2", staffMember(), EXIT, COMP, at("09:00"));
    park.apply("R-3", staffMember(), ENTRY, DED, at("10:00"));

    park.apply("R-1", staffMember(), ENTRY, COMP, at("08:00"));

    assertThat(park.inside()).containsExactly(new InsideHolder(staffMember(), at("10:00"), DED));
  }

  @Test
  void aLateExitInsideTheStayStartsItAgainAtTheLatestEntry() {
    park.apply("R-1", staffMember(), ENTRY, COMP, at("08:00"));
    park.apply("R-3", staffMember(), ENTRY, DED, at("10:00"));

    park.apply("R-2", staffMember(), EXIT, COMP, at("09:00"));

    assertThat(park.presenceOf(staffMember())).isEqualTo(Presence.INSIDE);
    assertThat(park.inside()).containsExactly(new InsideHolder(staffMember(), at("10:00"), DED));
  }

  @Test
  void aSecondEntryWithoutExitKeepsTheFirstAndCountsOnce() {
    park.apply("R-1", staffMember(), ENTRY, COMP, at("08:00"));
    park.apply("R-2", staffMember(), ENTRY, DED, at("09:00"));

    assertThat(park.people()).isEqualTo(1);
    assertThat(park.inside()).containsExactly(new InsideHolder(staffMember(), at("08:00"), COMP));
  }

  @Test
  void countsArePeopleAndVehiclesByClass() {
    park.apply("R-1", staffMember(), ENTRY, COMP, at("08:00"));
    park.apply("R-2", visitor(), ENTRY, COMP, at("08:01"));
    park.apply("R-3", hazmatTanker(), ENTRY, DED, at("08:02"));
    park.apply("R-4", hazwasteTruck(), ENTRY, DED, at("08:03"));
    park.apply("R-5", commuterBus(), ENTRY, COMP, at("08:04"));

    assertThat(park.people()).isEqualTo(2);
    assertThat(park.vehicles()).isEqualTo(3);
    assertThat(park.vehicles(VehicleClass.HAZMAT)).isEqualTo(1);
    assertThat(park.vehiclesByClass()).containsEntry(VehicleClass.COMMUTER, 1)
        .containsEntry(VehicleClass.ORDINARY, 0).hasSize(VehicleClass.values().length);
    assertThat(park.occupancy()).isEqualTo(new Occupancy(2, 3, 2));
    assertThat(park.size()).isEqualTo(5);
  }

  @Test
  void countsByEnterpriseLeaveOutHoldersOfNone() {
    park.apply("R-1", staffMember(), ENTRY, COMP, at("08:00"));
    park.apply("R-2", visitor(), ENTRY, COMP, at("08:01"));
    park.apply("R-3", hazmatTanker(), ENTRY, DED, at("08:02"));
    park.apply("R-4", hazwasteTruck(), ENTRY, DED, at("08:03"));

    assertThat(park.byEnterprise()).isEqualTo(Map.of(
        HolderFixture.CHEMICALS, new EnterpriseCount(1, 0),
        HolderFixture.HAULIER, new EnterpriseCount(0, 2)));
  }

  @Test
  void anEnterpriseWithNobodyInsideDisappearsFromTheCounts() {
    park.apply("R-1", staffMember(), ENTRY, COMP, at("08:00"));
    park.apply("R-2", staffMember(), EXIT, COMP, at("09:00"));

    assertThat(park.byEnterprise()).isEmpty();
  }

  @Test
  void unknownHoldersAreCountedApartAndSeenVehiclesCountForCapacity() {
    park.apply("R-1", unknownTanker(), ENTRY, COMP, at("08:00"));
    park.apply("R-2", HolderFixture.unknownPlate(), ENTRY, COMP, at("08:01"));

    assertThat(park.unknown()).isEqualTo(2);
    assertThat(park.vehicles()).isZero();
    assertThat(park.occupancy()).isEqualTo(new Occupancy(0, 1, 1));
  }

  @Test
  void theInsideListRunsFromTheLongestInside() {
    park.apply("R-1", visitor(), ENTRY, COMP, at("09:00"));
    park.apply("R-2", staffMember(), ENTRY, COMP, at("08:00"));

    assertThat(park.inside()).extracting(InsideHolder::holder).containsExactly(staffMember(), visitor());
  }

  @Test
  void aVehicleIsOneHolderWhateverClassTheExitSaw() {
    park.apply("R-1", hazmatTanker(), ENTRY, DED, at("08:00"));
    park.apply("R-2", HolderFixture.vehicle(hazmatTanker().plate().value(), VehicleClass.ORDINARY), EXIT, COMP,
        at("12:00"));

    assertThat(park.vehicles()).isZero();
    assertThat(park.occupancy()).isEqualTo(Occupancy.empty());
  }

  @Test
  void aForgottenRecordReplayedLaterStillChangesNothing() {
    ParkOccupancy small = new ParkOccupancy(1);
    small.apply("R-1", staffMember(), ENTRY, COMP, at("08:00"));
    small.apply("R-2", staffMember(), EXIT, COMP, at("09:00"));

    small.apply("R-1", staffMember(), ENTRY, COMP, at("08:00"));

    assertThat(small.presenceOf(staffMember())).isEqualTo(Presence.OUTSIDE);
  }

  @Test
  void itHoldsAHundredThousandHolders() {
    for (int i = 0; i < 100_000; i++) {
      park.apply("R-" + i, new Holder.Person(new io.cordon.domain.registry.PersonId("P-" + i),
          java.util.Optional.empty()), ENTRY, COMP, at("08:00").plusMillis(i));
    }

    assertThat(park.people()).isEqualTo(100_000);
    List<InsideHolder> inside = park.inside();
    assertThat(inside).hasSize(100_000);
    assertThat(inside.get(0).holder().key()).isEqualTo("P:P-0");
  }
}
