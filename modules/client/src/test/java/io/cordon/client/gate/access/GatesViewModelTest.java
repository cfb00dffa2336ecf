package io.cordon.client.gate.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.AccessRecordView;
import io.cordon.api.v1.BarrierState;
import io.cordon.api.v1.Direction;
import io.cordon.api.v1.Event;
import io.cordon.api.v1.GateOperatingMode;
import io.cordon.api.v1.GateStatus;
import io.cordon.api.v1.LaneStatus;
import io.cordon.api.v1.SubjectRef;
import io.cordon.client.connection.ConnectionState;
import io.cordon.client.connection.ServerConnection;
import io.cordon.client.gate.FakeGateService;
import io.cordon.client.gate.GateClient;
import io.cordon.client.gate.ManualScheduler;
import io.cordon.domain.gate.access.PassageDirection;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.GateType;
import io.cordon.domain.park.Lane;
import io.cordon.domain.park.LaneClass;
import io.cordon.domain.park.LaneDirection;
import io.grpc.Status;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** The gates view model against an in-process GateService, everything on the test's thread. */
class GatesViewModelTest {

  static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
  static final Gate EAST = gate("G1", "东门综合卡口", GateType.COMPREHENSIVE,
      new Lane("P1", LaneClass.PEDESTRIAN, LaneDirection.BOTH), new Lane("L1", LaneClass.ORDINARY, LaneDirection.ENTRY),
      new Lane("L3", LaneClass.HAZMAT, LaneDirection.ENTRY));
  static final Gate WEST = gate("G7", "西侧应急卡口", GateType.EMERGENCY,
      new Lane("L1", LaneClass.EMERGENCY, LaneDirection.BOTH));

  private final FakeGateService service = new FakeGateService();
  private final ManualScheduler timer = new ManualScheduler();
  private ServerConnection connection;
  private GatesViewModel vm;

  static Gate gate(String id, String name, GateType type, Lane... lanes) {
    return new Gate(new GateId(id), name, type, new GeometryFactory().createPoint(new Coordinate(120.9, 31.9)),
        List.of(lanes), type == GateType.EMERGENCY);
  }

  static Timestamp at(int seconds) {
    return Timestamp.newBuilder().setSeconds(T0.getEpochSecond() + seconds).build();
  }

  static AccessRecordView record(String id, long seq, String gate, int second, boolean passed, String rule,
      String holder, String holderClass, Direction direction) {
    return AccessRecordView.newBuilder().setRecordId(id).setSeq(seq).setGateId(gate).setLaneId("L1")
        .setDirection(direction).setTime(at(second)).setCredentialKind("plate").setHolder(holder)
        .setHolderClass(holderClass).setPassed(passed).setRule(rule).setSnapshotRef("snap-" + id + ".jpg").build();
  }

  static Event accessEvent(long seq, String recordId, String gate, int second, boolean passed, String rule,
      String plate, String holderClass) {
    return Event.newBuilder().setSeq(seq).setType("gate.access").setTime(at(second))
        .addSubjects(SubjectRef.newBuilder().setKind("gate").setId(gate))
        .addSubjects(SubjectRef.newBuilder().setKind("vehicle").setId(plate))
        .putAttributes("record_id", recordId).putAttributes("lane", "L1").putAttributes("direction", "ENTRY")
        .putAttributes("passed", Boolean.toString(passed)).putAttributes("rule", rule)
        .putAttributes("holder_class", holderClass).putAttributes("credential_kind", "plate")
        .putAttributes("snapshot", "snap.jpg").build();
  }

  static Event gateEvent(long seq, String type, String gate, String... attributes) {
    Event.Builder e = Event.newBuilder().setSeq(seq).setType(type).setTime(at(100))
        .addSubjects(SubjectRef.newBuilder().setKind("gate").setId(gate));
    for (int i = 0; i < attributes.length; i += 2) {
      e.putAttributes(attributes[i], attributes[i + 1]);
    }
    return e.build();
  }

  @BeforeEach
  void setUp() {
    connection = service.connect(timer);
    GateClient client = new GateClient(connection);
    vm = new GatesViewModel(client, client, Runnable::run, timer);
    vm.setGates(List.of(EAST, WEST));
  }

  @AfterEach
  void tearDown() {
    connection.close();
    service.close();
  }

  private void connected() {
    vm.onStateChanged(ConnectionState.CONNECTED);
  }

  @Test
  void everyGateIsListedInParkOrderWithItsLanesBeforeAnythingIsKnown() {
    assertThat(vm.gates()).extracting(GateCard::id).containsExactly("G1", "G7");
    GateCard east = vm.gates().get(0);
    assertThat(east.lanes()).extracting(LaneCard::id).containsExactly("P1", "L1", "L3");
    assertThat(east.lanes()).extracting(LaneCard::barrier).containsOnly(LaneCard.Barrier.UNKNOWN);
    assertThat(east.mode()).isEqualTo(GateCard.Mode.UNKNOWN);
  }

  @Test
  void onConnectEachGateShowsItsLaneBarriersModeAndAgent() {
    service.states = List.of(GateStatus.newBuilder().setGateId("G1").setMode(GateOperatingMode.GATE_OPERATING_MODE_NORMAL)
        .setAgentConnected(true).setAgentSeen(at(5))
        .addLanes(LaneStatus.newBuilder().setLaneId("L1").setBarrier(BarrierState.BARRIER_STATE_OPEN))
        .addLanes(LaneStatus.newBuilder().setLaneId("L3").setBarrier(BarrierState.BARRIER_STATE_FAULT)
            .setFault("barrier motor overcurrent"))
        .build(),
        GateStatus.newBuilder().setGateId("G7").setMode(GateOperatingMode.GATE_OPERATING_MODE_EMERGENCY_OPEN).build());

    connected();

    GateCard east = vm.gate("G1").orElseThrow();
    assertThat(east.agentConnected()).isTrue();
    assertThat(east.mode()).isEqualTo(GateCard.Mode.NORMAL);
    assertThat(east.lanes()).extracting(LaneCard::barrier)
        .containsExactly(LaneCard.Barrier.UNKNOWN, LaneCard.Barrier.OPEN, LaneCard.Barrier.FAULT);
    assertThat(east.lanes().get(2).fault()).isEqualTo("barrier motor overcurrent");
    assertThat(east.faulty()).isTrue();
    GateCard west = vm.gate("G7").orElseThrow();
    assertThat(west.agentConnected()).isFalse();
    assertThat(west.mode()).isEqualTo(GateCard.Mode.EMERGENCY_OPEN);
  }

  @Test
  void theLatestRecordsAreListedOnceNewestFirst() {
    service.records = List.of(
        record("r2", 12, "G1", 20, false, "BLACKLISTED", "苏E99999", "ORDINARY", Direction.DIRECTION_ENTRY),
        record("r1", 11, "G1", 10, true, "PERMIT_VALID", "苏E12345", "HAZMAT", Direction.DIRECTION_ENTRY));

    connected();

    assertThat(vm.passages()).extracting(PassageRow::recordId).containsExactly("r2", "r1");
    PassageRow denied = vm.passages().get(0);
    assertThat(denied.passed()).isFalse();
    assertThat(denied.rule()).isEqualTo("BLACKLISTED");
    assertThat(denied.snapshotRef()).isEqualTo("snap-r2.jpg");
    assertThat(denied.direction()).isEqualTo(PassageDirection.ENTRY);
    assertThat(vm.latestByGate().get("G1").recordId()).isEqualTo("r2");
  }

  @Test
  void aLiveAccessEventAddsAPassageOnTop() {
    service.records = List.of(record("r1", 11, "G1", 10, true, "PERMIT_VALID", "苏E12345", "HAZMAT",
        Direction.DIRECTION_ENTRY));
    connected();

    vm.onEvents(List.of(accessEvent(13, "r3", "G7", 30, false, "EMERGENCY_LANE_CLOSED", "苏E55555", "ORDINARY")));

    assertThat(vm.passages()).extracting(PassageRow::recordId).containsExactly("r3", "r1");
    PassageRow live = vm.passages().get(0);
    assertThat(live.holder()).isEqualTo("苏E55555");
    assertThat(live.rule()).isEqualTo("EMERGENCY_LANE_CLOSED");
    assertThat(vm.latestByGate().get("G7")).isEqualTo(live);
  }

  @Test
  void aRecordSeenLiveAndThenListedAppearsOnce() {
    vm.onEvents(List.of(accessEvent(11, "r1", "G1", 10, true, "PERMIT_VALID", "苏E12345", "HAZMAT")));
    service.records = List.of(record("r1", 11, "G1", 10, true, "PERMIT_VALID", "苏E12345", "HAZMAT",
        Direction.DIRECTION_ENTRY));

    connected();

    assertThat(vm.passages()).hasSize(1);
  }

  @Test
  void aForcedPassageIsAnAlarmRowAndMarksItsRecord() {
    vm.onEvents(List.of(accessEvent(11, "r1", "G1", 10, false, "NO_PERMIT", "苏E12345", "ORDINARY")));

    vm.onEvents(List.of(gateEvent(12, "gate.forced", "G1", "record_id", "r1", "lane", "L1"),
        gateEvent(13, "gate.forced", "G7", "lane", "L1", "direction", "ENTRY")));

    assertThat(vm.passages()).hasSize(2);
    assertThat(vm.passages()).allMatch(PassageRow::alarm);
    assertThat(vm.passages()).filteredOn(r -> r.gateId().equals("G7")).singleElement()
        .satisfies(r -> assertThat(r.rule()).isEqualTo(PassageRow.FORCED_RULE));
  }

  @Test
  void aLoopPassageFillsInWhenTheRecordWentThrough() {
    vm.onEvents(List.of(accessEvent(11, "r1", "G1", 10, true, "PERMIT_VALID", "苏E12345", "ORDINARY")));

    vm.onEvents(List.of(gateEvent(12, "gate.passage", "G1", "record_id", "r1", "lane", "L1")));

    assertThat(vm.passages().get(0).passage()).contains(PassageRow.instant(at(100)));
  }

  private void fivePassages() {
    service.records = List.of(
        record("r5", 15, "G7", 50, true, "EVACUATION_EXIT", "张三", "PERSON", Direction.DIRECTION_EXIT),
        record("r4", 14, "G1", 40, false, "HAZMAT_HOURS", "苏E77777", "HAZMAT", Direction.DIRECTION_ENTRY),
        record("r3", 13, "G1", 30, true, "EXIT_FREE", "苏E12345", "ORDINARY", Direction.DIRECTION_EXIT),
        record("r2", 12, "G1", 20, false, "BLACKLISTED", "苏E99999", "ORDINARY", Direction.DIRECTION_ENTRY),
        record("r1", 11, "G1", 10, true, "PERMIT_VALID", "苏E12345", "HAZMAT", Direction.DIRECTION_ENTRY)
            .toBuilder().setForced(false).setTailgate(true).build());
    connected();
  }

  @Test
  void theGateFilterShowsOneGatesPassages() {
    fivePassages();

    vm.gateFilterProperty().set("G7");

    assertThat(vm.passages()).extracting(PassageRow::recordId).containsExactly("r5");
  }

  @Test
  void theDirectionFilterShowsExitsOnly() {
    fivePassages();

    vm.directionFilterProperty().set(PassageDirection.EXIT);

    assertThat(vm.passages()).extracting(PassageRow::recordId).containsExactly("r5", "r3");
  }

  @Test
  void theDeniedFilterShowsRefusalsAndTheAlarmFilterForcedOrTailgating() {
    fivePassages();

    vm.outcomeFilterProperty().set(PassageOutcome.DENIED);
    assertThat(vm.passages()).extracting(PassageRow::recordId).containsExactly("r4", "r2");

    vm.outcomeFilterProperty().set(PassageOutcome.ALARMS);
    assertThat(vm.passages()).extracting(PassageRow::recordId).containsExactly("r1");
  }

  @Test
  void theHolderFilterMatchesPartOfThePlateAndTheClassFilterOneClass() {
    fivePassages();

    vm.holderFilterProperty().set("e12");
    assertThat(vm.passages()).extracting(PassageRow::recordId).containsExactly("r3", "r1");

    vm.classFilterProperty().set("HAZMAT");
    assertThat(vm.passages()).extracting(PassageRow::recordId).containsExactly("r1");
  }

  @Test
  void aBarrierEventMovesTheLaneAtOnceAndStatusEventsReloadOnceLater() {
    connected();
    int listed = service.listStatesCalls;

    vm.onEvents(List.of(gateEvent(20, "gate.barrier", "G1", "lane", "L1", "state", "HELD_OPEN"),
        gateEvent(21, "gate.agent", "G1", "state", "disconnected"),
        gateEvent(22, "gate.fault", "G1", "lane", "L3")));

    assertThat(vm.gate("G1").orElseThrow().lanes().get(1).barrier()).isEqualTo(LaneCard.Barrier.HELD_OPEN);
    assertThat(service.listStatesCalls).isEqualTo(listed);
    assertThat(timer.pendingCount()).isEqualTo(1);
    timer.runPending();
    assertThat(service.listStatesCalls).isEqualTo(listed + 1);
  }

  @Test
  void aFailedLoadSaysSo() {
    service.failure = Status.UNAVAILABLE;

    connected();

    assertThat(vm.errorKeyProperty().get()).isEqualTo(GatesViewModel.ERROR_LOAD);
  }

  @Test
  void theOldestPassagesGoBeyondTheCapacity() {
    for (int i = 0; i < GatesViewModel.CAPACITY + 5; i++) {
      vm.onEvents(List.of(accessEvent(100 + i, "r" + i, "G1", i, true, "PERMIT_VALID", "苏E" + i, "ORDINARY")));
    }

    assertThat(vm.passageCount()).isEqualTo(GatesViewModel.CAPACITY);
    assertThat(vm.passages().get(vm.passages().size() - 1).recordId()).isEqualTo("r5");
  }
}
