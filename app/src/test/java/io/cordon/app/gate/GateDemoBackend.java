package io.cordon.app.gate;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.AccessRecordView;
import io.cordon.api.v1.BarrierAction;
import io.cordon.api.v1.BarrierState;
import io.cordon.api.v1.Direction;
import io.cordon.api.v1.EmergencyGateProgress;
import io.cordon.api.v1.EmergencyGateState;
import io.cordon.api.v1.EmergencyScope;
import io.cordon.api.v1.EmergencyStatus;
import io.cordon.api.v1.EndEmergencyRequest;
import io.cordon.api.v1.EnterprisePresence;
import io.cordon.api.v1.GateCommandRequest;
import io.cordon.api.v1.GateCommandResponse;
import io.cordon.api.v1.GateOperatingMode;
import io.cordon.api.v1.GateStatus;
import io.cordon.api.v1.InsideEntry;
import io.cordon.api.v1.LaneStatus;
import io.cordon.api.v1.ListAccessRecordsRequest;
import io.cordon.api.v1.ListAccessRecordsResponse;
import io.cordon.api.v1.ListInsideRequest;
import io.cordon.api.v1.ListInsideResponse;
import io.cordon.api.v1.OpenEmergencyRequest;
import io.cordon.api.v1.PresenceSummary;
import io.cordon.api.v1.RetryEmergencyGateRequest;
import io.cordon.client.gate.AccessBackend;
import io.cordon.client.gate.EmergencyBackend;
import io.cordon.client.gate.GateBackend;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateType;
import io.cordon.domain.park.Lane;
import io.cordon.domain.park.Park;
import io.cordon.server.park.ParkFileLoader;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The sample park's gates with realistic traffic, presence and an emergency whose gates confirm
 * one after another (one fails until retried), for the gate views' tests and demo. No server.
 */
final class GateDemoBackend implements GateBackend, AccessBackend, EmergencyBackend {

  static final Park PARK = ParkFileLoader.loadSample();
  static final Instant NOW = Instant.now();

  final List<GateCommandRequest> commands = new CopyOnWriteArrayList<>();
  final List<OpenEmergencyRequest> opened = new CopyOnWriteArrayList<>();
  final List<RetryEmergencyGateRequest> retries = new CopyOnWriteArrayList<>();
  final List<EndEmergencyRequest> ended = new CopyOnWriteArrayList<>();
  private final List<StreamObserver<EmergencyStatus>> watchers = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "gate-demo");
    t.setDaemon(true);
    return t;
  });
  /** Whether an opened emergency's gates confirm by themselves (demo) or only when the test says. */
  volatile boolean autoProgress = true;
  private volatile EmergencyStatus current = EmergencyStatus.getDefaultInstance();
  private long seq = 100;

  static Timestamp ts(Instant at) {
    return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
  }

  @Override
  public CompletableFuture<List<GateStatus>> listStates() {
    List<GateStatus> states = new ArrayList<>();
    int n = 0;
    for (Gate gate : PARK.gates()) {
      boolean emergency = gate.type() == GateType.EMERGENCY;
      GateStatus.Builder s = GateStatus.newBuilder().setGateId(gate.id().value())
          .setMode(GateOperatingMode.GATE_OPERATING_MODE_NORMAL)
          .setAgentConnected(n != 4).setAgentSeen(ts(NOW.minusSeconds(n == 4 ? 900 : 2)))
          .setOfflineRecordsUploaded(n == 2 ? 37 : 0);
      int l = 0;
      for (Lane lane : gate.lanes()) {
        BarrierState barrier = emergency ? BarrierState.BARRIER_STATE_CLOSED
            : (n == 1 && l == 2) ? BarrierState.BARRIER_STATE_FAULT
            : (l + n) % 3 == 0 ? BarrierState.BARRIER_STATE_OPEN : BarrierState.BARRIER_STATE_CLOSED;
        LaneStatus.Builder ls = LaneStatus.newBuilder().setLaneId(lane.id()).setBarrier(barrier);
        if (barrier == BarrierState.BARRIER_STATE_FAULT) {
          ls.setFault("道闸电机过流 E21");
        }
        if (n != 4) {
          s.addLanes(ls);
        }
        l++;
      }
      states.add(s.build());
      n++;
    }
    return CompletableFuture.completedFuture(states);
  }

  @Override
  public CompletableFuture<GateCommandResponse> command(GateCommandRequest request) {
    commands.add(request);
    return CompletableFuture.completedFuture(GateCommandResponse.newBuilder().setCommandSeq(900 + commands.size())
        .setGateConnected(true).build());
  }

  static List<AccessRecordView> records() {
    String[][] traffic = {
        {"苏E12345", "苏E12345", "HAZMAT", "true", "PERMIT_VALID", "ENTRY"},
        {"P-1034", "王建国", "PERSON", "true", "PERMIT_VALID", "ENTRY"},
        {"苏E88W21", "苏E88W21", "ORDINARY", "false", "NO_PERMIT", "ENTRY"},
        {"苏B7K309", "苏B7K309", "HAZMAT", "false", "HAZMAT_HOURS", "ENTRY"},
        {"P-2210", "李秀英", "PERSON", "true", "EXIT_FREE", "EXIT"},
        {"苏E6Q771", "苏E6Q771", "COMMUTER", "true", "PERMIT_VALID", "ENTRY"},
        {"皖A3D552", "皖A3D552", "HAZWASTE", "false", "BLACKLISTED", "ENTRY"},
        {"苏E2P118", "苏E2P118", "CONSTRUCTION", "true", "PERMIT_VALID", "ENTRY"},
        {"P-0871", "张伟", "PERSON", "false", "ANTI_PASSBACK", "ENTRY"},
        {"苏E12345", "苏E12345", "HAZMAT", "true", "EXIT_CLEARED", "EXIT"},
        {"loop-L2", "", "UNKNOWN", "false", "FORCED", "ENTRY"},
        {"苏E5C906", "苏E5C906", "ORDINARY", "true", "EXIT_FREE", "EXIT"},
    };
    List<AccessRecordView> records = new ArrayList<>();
    List<Gate> gates = PARK.gates();
    for (int i = 0; i < 36; i++) {
      String[] t = traffic[i % traffic.length];
      Gate gate = gates.get(i % Math.min(8, gates.size()));
      Lane lane = gate.lanes().get(i % gate.lanes().size());
      boolean forced = t[4].equals("FORCED");
      records.add(AccessRecordView.newBuilder().setRecordId("R-" + (5000 - i)).setSeq(5000 - i)
          .setGateId(gate.id().value()).setLaneId(lane.id())
          .setDirection(t[5].equals("ENTRY") ? Direction.DIRECTION_ENTRY : Direction.DIRECTION_EXIT)
          .setTime(ts(NOW.minusSeconds(i * 47L + 5))).setCredentialKind(forced ? "loop" : t[2].equals("PERSON") ? "face" : "plate")
          .setHolder(forced ? "" : t[0]).setHolderName(t[1]).setHolderClass(t[2]).setPassed(t[3].equals("true"))
          .setRule(t[4]).setForced(forced).setDecidedOffline(i == 7)
          .setSnapshotRef(forced ? "" : "snap/" + gate.id().value() + "-" + lane.id() + "-" + (5000 - i) + ".jpg")
          .setEnterpriseId("E0" + (i % 4 + 1)).build());
    }
    return records;
  }

  @Override
  public CompletableFuture<ListAccessRecordsResponse> listAccessRecords(ListAccessRecordsRequest request) {
    return CompletableFuture.completedFuture(ListAccessRecordsResponse.newBuilder().addAllRecords(records()).build());
  }

  @Override
  public CompletableFuture<PresenceSummary> getPresence() {
    return CompletableFuture.completedFuture(PresenceSummary.newBuilder().setPeople(1286).setVehicles(214)
        .putVehiclesByClass("ORDINARY", 121).putVehiclesByClass("COMMUTER", 38).putVehiclesByClass("CONSTRUCTION", 19)
        .putVehiclesByClass("HAZMAT", 29).putVehiclesByClass("HAZWASTE", 7).setUnknown(1)
        .addEnterprises(ent("E01", "扬子江石化有限公司", 512, 71))
        .addEnterprises(ent("E02", "华泰精细化工有限公司", 301, 48))
        .addEnterprises(ent("E03", "长江危废处置中心", 188, 33))
        .addEnterprises(ent("E04", "园区管委会", 140, 22))
        .addEnterprises(ent("E05", "中化物流", 95, 31))
        .setAsOf(ts(NOW)).build());
  }

  private static EnterprisePresence ent(String id, String name, int people, int vehicles) {
    return EnterprisePresence.newBuilder().setEnterpriseId(id).setName(name).setPeople(people).setVehicles(vehicles)
        .build();
  }

  static List<InsideEntry> inside() {
    String[] surnames = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
    String[] given = {"伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇"};
    List<InsideEntry> list = new ArrayList<>();
    for (int i = 0; i < 260; i++) {
      boolean vehicle = i % 6 == 5;
      list.add(InsideEntry.newBuilder()
          .setHolder(vehicle ? "苏E" + (10000 + i * 37) : "P-" + (1000 + i))
          .setName(vehicle ? "苏E" + (10000 + i * 37) : surnames[i % 10] + given[(i / 10) % 10])
          .setHolderClass(vehicle ? (i % 4 == 1 ? "HAZMAT" : "ORDINARY") : "PERSON")
          .setEnterpriseId("E0" + (i % 5 + 1)).setGateId(PARK.gates().get(i % 3).id().value())
          .setSince(ts(NOW.minusSeconds(600L + i * 90))).setPhone(vehicle ? "" : "1390512" + String.format("%04d", i))
          .build());
    }
    return list;
  }

  @Override
  public CompletableFuture<ListInsideResponse> listInside(ListInsideRequest request) {
    List<InsideEntry> matching = inside().stream()
        .filter(e -> request.getKind().isEmpty() || request.getKind().equals("PERSON") == e.getHolderClass().equals("PERSON"))
        .filter(e -> request.getEnterpriseId().isEmpty() || request.getEnterpriseId().equals(e.getEnterpriseId()))
        .toList();
    int from = request.getPageToken().isEmpty() ? 0 : Integer.parseInt(request.getPageToken());
    int to = Math.min(matching.size(), from + Math.max(1, request.getPageSize()));
    return CompletableFuture.completedFuture(ListInsideResponse.newBuilder().addAllEntries(matching.subList(from, to))
        .setNextPageToken(to < matching.size() ? Integer.toString(to) : "").setTotal(matching.size()).build());
  }

  // --- emergency -------------------------------------------------------------------------------

  @Override
  public synchronized CompletableFuture<EmergencyStatus> openEmergency(OpenEmergencyRequest request) {
    opened.add(request);
    Instant at = Instant.now();
    EmergencyStatus.Builder s = EmergencyStatus.newBuilder().setEmergencyId("EM-20261126-01").setActive(true)
        .setScope(request.getScope()).setReason(request.getReason()).setOpenedBy("operator")
        .setSecondPerson(request.getSecondPerson()).setOpenedAt(ts(at)).setSeq(++seq);
    int n = 0;
    for (Gate gate : PARK.gates()) {
      boolean emergency = gate.type() == GateType.EMERGENCY;
      if (!emergency && request.getScope() != EmergencyScope.EMERGENCY_SCOPE_EVACUATION) {
        continue;
      }
      s.addGates(EmergencyGateProgress.newBuilder().setGateId(gate.id().value()).setGateName(gate.name())
          .setAction(emergency ? BarrierAction.BARRIER_ACTION_HOLD_OPEN : BarrierAction.BARRIER_ACTION_SET_MODE)
          .setState(n == 4 ? EmergencyGateState.EMERGENCY_GATE_STATE_QUEUED : EmergencyGateState.EMERGENCY_GATE_STATE_COMMANDED)
          .setCommandedAt(ts(at.plusMillis(15))).setCommandSeq(800 + n).setAttempts(1));
      n++;
    }
    current = s.build();
    if (autoProgress) {
      for (int i = 0; i < current.getGatesCount(); i++) {
        int gate = i;
        timer.schedule(() -> progress(gate, at), 250L + 120L * i, TimeUnit.MILLISECONDS);
      }
    }
    return CompletableFuture.completedFuture(current);
  }

  private void progress(int index, Instant openedAt) {
    EmergencyGateProgress p = current.getGates(index);
    if (p.getState() == EmergencyGateState.EMERGENCY_GATE_STATE_QUEUED) {
      return; // its agent is offline
    }
    boolean fails = index == 1;
    set(index, p.toBuilder().setState(fails ? EmergencyGateState.EMERGENCY_GATE_STATE_FAILED
            : EmergencyGateState.EMERGENCY_GATE_STATE_CONFIRMED)
        .setDetail(fails ? "道闸未到位（限位开关无信号）" : "")
        .setConfirmedAt(ts(fails ? Instant.EPOCH : Instant.now())).build(), fails);
  }

  /** Sets one gate's progress and tells every watcher. */
  synchronized void set(int index, EmergencyGateProgress progress, boolean clearConfirmed) {
    EmergencyGateProgress p = clearConfirmed ? progress.toBuilder().clearConfirmedAt().build() : progress;
    current = current.toBuilder().setGates(index, p).setSeq(++seq).build();
    watchers.forEach(w -> w.onNext(current));
  }

  EmergencyStatus current() {
    return current;
  }

  @Override
  public synchronized CompletableFuture<EmergencyStatus> retryEmergencyGate(RetryEmergencyGateRequest request) {
    retries.add(request);
    for (int i = 0; i < current.getGatesCount(); i++) {
      if (current.getGates(i).getGateId().equals(request.getGateId())) {
        int index = i;
        EmergencyGateProgress p = current.getGates(i);
        current = current.toBuilder().setGates(i, p.toBuilder().setState(EmergencyGateState.EMERGENCY_GATE_STATE_COMMANDED)
            .setAttempts(p.getAttempts() + 1).setDetail("")).setSeq(++seq).build();
        if (autoProgress) {
          timer.schedule(() -> set(index, current.getGates(index).toBuilder()
              .setState(EmergencyGateState.EMERGENCY_GATE_STATE_CONFIRMED).setConfirmedAt(ts(Instant.now())).build(), false),
              400, TimeUnit.MILLISECONDS);
        }
      }
    }
    return CompletableFuture.completedFuture(current);
  }

  @Override
  public synchronized CompletableFuture<EmergencyStatus> endEmergency(EndEmergencyRequest request) {
    ended.add(request);
    EmergencyStatus.Builder s = current.toBuilder().setActive(false).setEndedAt(ts(Instant.now()))
        .setEndedBy("operator").setEndReason(request.getReason()).setSeq(++seq);
    for (int i = 0; i < s.getGatesCount(); i++) {
      s.setGates(i, s.getGates(i).toBuilder().setState(EmergencyGateState.EMERGENCY_GATE_STATE_RESTORED));
    }
    current = s.build();
    watchers.forEach(w -> w.onNext(current));
    return CompletableFuture.completedFuture(current);
  }

  @Override
  public AutoCloseable watchEmergency(StreamObserver<EmergencyStatus> observer) {
    watchers.add(observer);
    observer.onNext(current);
    return () -> watchers.remove(observer);
  }

  void close() {
    timer.shutdownNow();
  }
}
