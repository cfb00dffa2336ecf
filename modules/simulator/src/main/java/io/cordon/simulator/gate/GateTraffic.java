package io.cordon.simulator.gate;

import io.cordon.api.v1.BarrierState;
import io.cordon.api.v1.CardRead;
import io.cordon.api.v1.Direction;
import io.cordon.api.v1.FaceMatch;
import io.cordon.api.v1.Identification;
import io.cordon.api.v1.PlateRead;
import io.cordon.devices.gate.edge.CacheIndex;
import io.cordon.devices.gate.edge.GateAgent;
import io.cordon.devices.gate.edge.GateDecision;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.Lane;
import io.cordon.domain.park.LaneClass;
import io.cordon.domain.park.LaneDirection;
import io.cordon.domain.permit.LaneRef;
import io.cordon.domain.permit.Permit;
import io.cordon.domain.registry.PersonId;
import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.vehicle.VehicleClass;
import io.cordon.domain.violation.BlacklistEntry;
import io.cordon.domain.violation.SubjectKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The people and vehicles at one gate. Who comes is read from the gate agent's own signed cache
 * (the permits, blacklist and registry copy the server pushed to this gate): registered staff and
 * visitors on foot (face or ID card) and by car, hazmat and hazwaste deliveries through their lanes,
 * some unknown plates, some blacklisted holders, a few vehicles forcing the barrier and a few
 * tailgaters. Each holder the gate let in comes back out later. {@link #step()} plays one arrival
 * and waits for its outcome, so a test can drive the traffic on a test clock.
 */
public final class GateTraffic {

  private static final ZoneId PARK_ZONE = ZoneId.of("Asia/Shanghai");
  private static final Duration DECISION_WAIT = Duration.ofSeconds(5);
  private static final Duration BARRIER_WAIT = Duration.ofSeconds(3);

  private record Candidate(String key, boolean person, String credential, Optional<String> idNumber,
      VehicleClass vehicleClass, List<String> lanes) {
  }

  private final Gate gate;
  private final GateAgent agent;
  private final Map<String, SimulatedLane> lanes;
  private final GateAgentSettings settings;
  private final Clock clock;
  private final Random random;
  /** Holders this gate let in and who have not left through it yet. */
  private final Set<String> inside = new HashSet<>();
  private long cachedVersion = -1;
  private List<Candidate> permitted = List.of();
  private List<Candidate> blacklisted = List.of();

  public GateTraffic(Gate gate, GateAgent agent, Map<String, SimulatedLane> lanes, GateAgentSettings settings,
      Clock clock, Random random) {
    this.gate = Objects.requireNonNull(gate, "gate");
    this.agent = Objects.requireNonNull(agent, "agent");
    this.lanes = Map.copyOf(lanes);
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** How busy the gate is at that instant: 3× at the 7–9 and 17–19 peaks, 0.3× at night. */
  public static double peakFactor(Instant at) {
    int hour = at.atZone(PARK_ZONE).getHour();
    if (hour >= 7 && hour < 9 || hour >= 17 && hour < 19) {
      return 3;
    }
    return hour >= 22 || hour < 6 ? 0.3 : 1;
  }

  /** Holders the simulation believes are inside through this gate. */
  public synchronized int inside() {
    return inside.size();
  }

  /** The holders ("P:person id", "V:plate") the simulation believes are inside through this gate. */
  public synchronized Set<String> insideKeys() {
    return Set.copyOf(inside);
  }

  /** One arrival and its outcome; empty when the gate has no lane for anyone. */
  public synchronized Optional<TrafficEvent> step() throws InterruptedException {
    refreshCandidates();
    double roll = random.nextDouble();
    if (roll < settings.forcedShare()) {
      return forced();
    }
    roll -= settings.forcedShare();
    if (roll < settings.blacklistedShare() && !blacklisted.isEmpty()) {
      return arrive(TrafficEvent.Kind.BLACKLISTED, pick(blacklisted));
    }
    roll -= settings.blacklistedShare();
    if (roll < settings.unknownShare() || permitted.isEmpty()) {
      return unknownPlate();
    }
    return arrive(TrafficEvent.Kind.PERMIT_HOLDER, pick(permitted));
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private void refreshCandidates() {
    CacheIndex cache = agent.cache().index();
    if (cache.version() == cachedVersion) {
      return;
    }
    cachedVersion = cache.version();
    Instant now = clock.instant();
    List<Candidate> withPermit = new ArrayList<>();
    for (Permit permit : cache.permits()) {
      if (permit.revoked() || !permit.window().contains(now)) {
        continue;
      }
      List<String> here = permit.scope().lanes().stream().filter(l -> l.gate().equals(gate.id()))
          .map(LaneRef::lane).toList();
      if (here.isEmpty()) {
        continue;
      }
      for (PersonId person : permit.people()) {
        Optional<String> idNumber = cache.person(person.value()).map(p -> p.getIdNumber()).filter(s -> !s.isBlank());
        withPermit.add(new Candidate("P:" + person.value(), true, person.value(), idNumber, null, here));
      }
      permit.vehicles().forEach((plate, vehicleClass) ->
          withPermit.add(new Candidate("V:" + plate.value(), false, plate.value(), Optional.empty(), vehicleClass,
              here)));
    }
    List<Candidate> barred = new ArrayList<>();
    for (BlacklistEntry entry : cache.blacklistEntries()) {
      if (!entry.activeAt(now)) {
        continue;
      }
      if (entry.subject().kind() == SubjectKind.VEHICLE && Plate.isValid(entry.subject().id())) {
        VehicleClass c = cache.vehicle(Plate.parse(entry.subject().id()))
            .map(v -> VehicleClass.valueOf(v.getVehicleClass().name().replace("VEHICLE_CLASS_", "")))
            .orElse(VehicleClass.ORDINARY);
        barred.add(new Candidate("V:" + entry.subject().id(), false, entry.subject().id(), Optional.empty(), c,
            List.of()));
      } else if (entry.subject().kind() == SubjectKind.PERSON) {
        barred.add(new Candidate("P:" + entry.subject().id(), true, entry.subject().id(), Optional.empty(), null,
            List.of()));
      }
    }
    permitted = List.copyOf(withPermit);
    blacklisted = List.copyOf(barred);
  }

  private Optional<TrafficEvent> arrive(TrafficEvent.Kind kind, Candidate who) throws InterruptedException {
    boolean leaving = inside.contains(who.key());
    Direction direction = leaving ? Direction.DIRECTION_EXIT : Direction.DIRECTION_ENTRY;
    Optional<Lane> lane = laneFor(who, leaving);
    if (lane.isEmpty()) {
      return unknownPlate();
    }
    Identification.Builder id = Identification.newBuilder().setLaneId(lane.get().id()).setDirection(direction)
        .setTime(timestamp(clock.instant()));
    if (who.person()) {
      if (who.idNumber().isPresent() && random.nextDouble() < 0.3) {
        id.setCard(CardRead.newBuilder().setIdNumber(who.idNumber().get()));
      } else {
        id.setFace(FaceMatch.newBuilder().setPersonId(who.credential()).setScore(0.9f + random.nextFloat() * 0.09f));
      }
    } else {
      id.setPlate(PlateRead.newBuilder().setPlate(who.credential()).setConfidence(0.95f)
          .setSeenClass(who.vehicleClass() != null && who.vehicleClass().isDangerous()
              ? io.cordon.api.v1.VehicleClass.valueOf("VEHICLE_CLASS_" + who.vehicleClass().name())
              : io.cordon.api.v1.VehicleClass.VEHICLE_CLASS_UNSPECIFIED));
      id.setSnapshotRef("snap/" + gate.id().value() + "/" + clock.millis() + ".jpg");
    }
    GateDecision decision = decide(id.build());
    int passages = 0;
    if (decision.pass()) {
      passages = goThrough(lane.get().id(), direction);
      if (leaving) {
        inside.remove(who.key());
      } else {
        inside.add(who.key());
      }
    }
    return Optional.of(new TrafficEvent(kind, gate.id().value(), lane.get().id(), direction, who.credential(),
        Optional.of(decision), passages));
  }

  private Optional<TrafficEvent> unknownPlate() throws InterruptedException {
    List<Lane> entries = gate.lanes().stream().filter(l -> l.laneClass() == LaneClass.ORDINARY)
        .filter(l -> l.direction() != LaneDirection.EXIT).filter(l -> lanes.containsKey(l.id())).toList();
    if (entries.isEmpty()) {
      return Optional.empty();
    }
    Lane lane = pick(entries);
    String plate = "苏E" + (char) ('A' + random.nextInt(8)) + String.format("%04d", random.nextInt(10_000));
    GateDecision decision = decide(Identification.newBuilder().setLaneId(lane.id())
        .setDirection(Direction.DIRECTION_ENTRY).setTime(timestamp(clock.instant()))
        .setPlate(PlateRead.newBuilder().setPlate(plate).setConfidence(0.9f)).build());
    int passages = decision.pass() ? goThrough(lane.id(), Direction.DIRECTION_ENTRY) : 0;
    return Optional.of(new TrafficEvent(TrafficEvent.Kind.UNKNOWN, gate.id().value(), lane.id(),
        Direction.DIRECTION_ENTRY, plate, Optional.of(decision), passages));
  }

  private Optional<TrafficEvent> forced() {
    List<Lane> vehicleLanes = gate.lanes().stream().filter(l -> l.laneClass() != LaneClass.PEDESTRIAN)
        .filter(l -> l.direction() != LaneDirection.EXIT).filter(l -> lanes.containsKey(l.id())).toList();
    if (vehicleLanes.isEmpty()) {
      return Optional.empty();
    }
    Lane lane = pick(vehicleLanes);
    lanes.get(lane.id()).driveThrough(Direction.DIRECTION_ENTRY, clock.instant());
    return Optional.of(new TrafficEvent(TrafficEvent.Kind.FORCED, gate.id().value(), lane.id(),
        Direction.DIRECTION_ENTRY, "", Optional.empty(), 1));
  }

  private GateDecision decide(Identification id) throws InterruptedException {
    try {
      return agent.identified(id).toCompletableFuture().get(DECISION_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("the gate agent gave no decision for " + id.getRequestId(), e);
    }
  }

  /** Waits for the barrier to open, goes through, and now and then lets a tailgater follow. */
  private int goThrough(String laneId, Direction direction) throws InterruptedException {
    SimulatedLane lane = lanes.get(laneId);
    long deadline = System.nanoTime() + BARRIER_WAIT.toNanos();
    while (lane.state() == BarrierState.BARRIER_STATE_CLOSED && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    lane.driveThrough(direction, clock.instant());
    if (random.nextDouble() < settings.tailgateShare()) {
      lane.driveThrough(direction, clock.instant().plusSeconds(2));
      return 2;
    }
    return 1;
  }

  private Optional<Lane> laneFor(Candidate who, boolean leaving) {
    List<Lane> usable = new ArrayList<>();
    for (Lane lane : gate.lanes()) {
      if (!lanes.containsKey(lane.id()) || !fits(lane, who)) {
        continue;
      }
      boolean runs = leaving ? lane.direction() != LaneDirection.ENTRY : lane.direction() != LaneDirection.EXIT;
      if (runs && (leaving || who.lanes().isEmpty() || who.lanes().contains(lane.id()))) {
        usable.add(lane);
      }
    }
    return usable.isEmpty() ? Optional.empty() : Optional.of(pick(usable));
  }

  private static boolean fits(Lane lane, Candidate who) {
    if (who.person()) {
      return lane.laneClass() == LaneClass.PEDESTRIAN;
    }
    return switch (who.vehicleClass()) {
      case HAZMAT -> lane.laneClass() == LaneClass.HAZMAT;
      case HAZWASTE -> lane.laneClass() == LaneClass.HAZWASTE;
      default -> lane.laneClass() == LaneClass.ORDINARY;
    };
  }

  private static com.google.protobuf.Timestamp timestamp(Instant i) {
    return com.google.protobuf.Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
  }
}
