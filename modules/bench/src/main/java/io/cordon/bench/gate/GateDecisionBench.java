package io.cordon.bench.gate;

import io.cordon.api.v1.AgentHello;
import io.cordon.api.v1.AgentLane;
import io.cordon.api.v1.AgentMessage;
import io.cordon.api.v1.CardRead;
import io.cordon.api.v1.Decision;
import io.cordon.api.v1.Direction;
import io.cordon.api.v1.FaceMatch;
import io.cordon.api.v1.GateAgentServiceGrpc;
import io.cordon.api.v1.GateCachePayload;
import io.cordon.api.v1.Identification;
import io.cordon.api.v1.PlateRead;
import io.cordon.api.v1.ServerMessage;
import io.cordon.bench.alarm.Pace;
import io.cordon.devices.gate.edge.CacheIndex;
import io.cordon.devices.gate.edge.OfflineDecider;
import io.cordon.devices.gate.edge.OfflineDecision;
import io.cordon.bench.alarm.Token;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateType;
import io.cordon.domain.park.Lane;
import io.cordon.domain.park.LaneClass;
import io.cordon.domain.park.LaneDirection;
import io.cordon.domain.park.Park;
import io.cordon.domain.permit.PermitScope;
import io.cordon.domain.vehicle.VehicleClass;
import io.cordon.server.CordonServer;
import io.cordon.server.ServerConfig;
import io.cordon.server.park.ParkFileLoader;
import io.cordon.server.persistence.Database;
import io.cordon.server.persistence.DatabaseSettings;
import io.cordon.server.registration.RegistrationEntities;
import io.cordon.server.registration.RegistryScale;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * Gate access decisions over gRPC (issue 7 point 9, DESIGN §13: p99 ≤ 10 ms at 500 identifications/s
 * with 100,000 vehicles, 50,000 people and 200,000 permits). This JVM seeds the registry straight
 * into an H2 file ({@link RegistryScale}), starts a real server on it, connects one real
 * GateAgentService session per non-emergency gate of the sample park (as the gate agents do) and
 * sends identifications open-loop at the given rate: registered plates on the lanes of their class,
 * faces and ID cards on pedestrian lanes, unknown plates; entries and exits as the lanes allow.
 * Latency = Decision received − Identification sent (same clock). Then the agent's offline decision
 * time: gate G1's signed cache as received, in the agent's {@code OfflineDecider}, 500,000 decisions.
 *
 * <p>Run: {@code ./mvnw -q -pl modules/bench exec:exec@gate-decisions -Dbench.jvmArgs=-Xmx2g
 * -Dbench.args="rate=500 warmup=30 duration=300"}; other keys: vehicles (100000), people (50000), permits
 * (200000). The one JVM holds the server (200,000 permits indexed, seven gates' caches) and the load.
 */
public final class GateDecisionBench {

  private static final String OFFLINE_GATE = "G1";

  private GateDecisionBench() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> a = new TreeMap<>();
    for (String arg : args) {
      String[] kv = arg.split("=", 2);
      a.put(kv[0], kv.length > 1 ? kv[1] : "");
    }
    int vehicles = Integer.parseInt(a.getOrDefault("vehicles", "100000"));
    int people = Integer.parseInt(a.getOrDefault("people", "50000"));
    int permits = Integer.parseInt(a.getOrDefault("permits", "200000"));
    int rate = Integer.parseInt(a.getOrDefault("rate", "500"));
    int warmup = Integer.parseInt(a.getOrDefault("warmup", "10"));
    int duration = Integer.parseInt(a.getOrDefault("duration", "300"));

    Path dataDir = Files.createTempDirectory("cordon-gate-bench-");
    Park park = ParkFileLoader.loadSample();
    ServerConfig config = ServerConfig.builder().dataDir(dataDir).demoUsers(true).build();
    try (Database db = Database.open(new DatabaseSettings(config.databaseUrl(), config.databaseUser(),
        config.databasePassword()), RegistrationEntities.classes())) {
      RegistryScale.Written w = RegistryScale.seed(db, park, vehicles, people, permits, Instant.now());
      System.out.printf("seeded %,d vehicles, %,d people, %,d permits in %.1f s%n", w.vehicles(), w.people(),
          w.permits(), w.took().toMillis() / 1e3);
    }
    long startAt = System.nanoTime();
    try (CordonServer server = CordonServer.start(config)) {
      System.out.printf("server started on the seeded database in %.1f s%n", (System.nanoTime() - startAt) / 1e9);
      ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
      try {
        run(channel, park, vehicles, people, rate, warmup, duration);
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    } finally {
      try (Stream<Path> files = Files.walk(dataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** A lane a sender can use: its gate's session, the lane, the direction it takes. */
  private record LaneUse(int session, Lane lane, Direction direction) {
  }

  private static void run(ManagedChannel channel, Park park, int vehicles, int people, int rate, int warmup,
      int duration) throws InterruptedException, com.google.protobuf.InvalidProtocolBufferException {
    Token token = Token.login(channel, "gate");
    int total = rate * (warmup + duration);
    AtomicLongArray sent = new AtomicLongArray(total);
    AtomicLongArray answered = new AtomicLongArray(total);
    Map<String, AtomicInteger> rules = new ConcurrentHashMap<>();
    Map<String, String> examples = new ConcurrentHashMap<>();
    List<StreamObserver<AgentMessage>> sessions = new ArrayList<>();
    Map<LaneClass, List<LaneUse>> lanes = new TreeMap<>();
    CountDownLatch welcomed = new CountDownLatch((int) park.gates().stream()
        .filter(g -> g.type() != GateType.EMERGENCY && !g.isCheckpoint()).count());
    AtomicInteger cacheChunks = new AtomicInteger();
    List<com.google.protobuf.ByteString> offlineCache = java.util.Collections.synchronizedList(new ArrayList<>());
    CountDownLatch cachesComplete = new CountDownLatch((int) welcomed.getCount());
    for (Gate gate : park.gates()) {
      if (gate.type() == GateType.EMERGENCY || gate.isCheckpoint()) {
        continue; // the seeded permits are for the perimeter gates
      }
      int session = sessions.size();
      StreamObserver<AgentMessage> out = GateAgentServiceGrpc.newStub(channel).withCallCredentials(token)
          .connect(new StreamObserver<>() {
            @Override
            public void onNext(ServerMessage m) {
              if (m.hasWelcome()) {
                welcomed.countDown();
              } else if (m.hasCache()) {
                cacheChunks.incrementAndGet();
                try {
                  GateCachePayload payload = GateCachePayload.parseFrom(m.getCache().getPayload());
                  if (payload.getGateId().equals(OFFLINE_GATE)) {
                    offlineCache.add(m.getCache().getPayload()); // bytes: parsed only for the offline part
                  }
                  if (payload.getLast()) {
                    cachesComplete.countDown();
                  }
                } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                  throw new IllegalStateException(e);
                }
              } else if (m.hasDecision()) {
                Decision d = m.getDecision();
                int n = Integer.parseInt(d.getRequestId().substring(2));
                answered.set(n, System.nanoTime());
                String rule = (d.getPass() ? "pass " : "deny ") + d.getRule();
                rules.computeIfAbsent(rule, r -> new AtomicInteger()).incrementAndGet();
                examples.putIfAbsent(rule, gate.id().value() + "/" + d.getRequestId() + ": " + d.getDetail());
              } else if (m.hasError()) {
                rules.computeIfAbsent("error " + m.getError().getField(), r -> new AtomicInteger()).incrementAndGet();
              }
            }

            @Override
            public void onError(Throwable t) {
              System.out.println("session of " + gate.id() + " ended: " + t);
            }

            @Override
            public void onCompleted() {
            }
          });
      AgentHello.Builder hello = AgentHello.newBuilder().setGateId(gate.id().value()).setAgentId("bench-" + session)
          .setSoftwareVersion("bench");
      for (Lane lane : gate.lanes()) {
        hello.addLanes(AgentLane.newBuilder().setLaneId(lane.id()));
        for (Direction d : directions(lane.direction())) {
          lanes.computeIfAbsent(lane.laneClass(), c -> new ArrayList<>()).add(new LaneUse(session, lane, d));
        }
      }
      out.onNext(AgentMessage.newBuilder().setHello(hello).build());
      sessions.add(out);
    }
    if (!welcomed.await(120, TimeUnit.SECONDS)) {
      throw new IllegalStateException("not every gate session was welcomed");
    }
    long cacheStart = System.nanoTime();
    if (!cachesComplete.await(900, TimeUnit.SECONDS)) { // the snapshots go out before the measured traffic
      throw new IllegalStateException("not every gate received its cache snapshot");
    }
    System.out.printf("every gate's signed cache snapshot arrived within %.1f s of the welcomes%n",
        (System.nanoTime() - cacheStart) / 1e9);
    System.out.printf("%d gate sessions, %d cache chunks received; %d identifications/s for %d s after %d s warm-up;"
        + " %d cores, load %s%n", sessions.size(), cacheChunks.get(), rate, duration, warmup,
        Runtime.getRuntime().availableProcessors(), load());

    Random random = new Random(42);
    Pace pace = new Pace(System.nanoTime() + 100_000_000L, rate);
    long worstLate = 0;
    for (int n = 0; n < total; n++) {
      Identification.Builder id = Identification.newBuilder().setRequestId("b-" + n);
      LaneUse use;
      int kind = random.nextInt(100);
      if (kind < 70) {
        int v = random.nextInt(vehicles);
        VehicleClass c = RegistryScale.Written.vehicleClass(v);
        use = pick(lanes.get(PermitScope.laneFor(c)), random);
        id.setPlate(PlateRead.newBuilder().setPlate(RegistryScale.Written.plate(v)).setConfidence(0.97f));
      } else if (kind < 80) {
        use = pick(lanes.get(LaneClass.ORDINARY), random);
        id.setPlate(PlateRead.newBuilder().setPlate(String.format("浙B%05d", random.nextInt(100_000)))
            .setConfidence(0.9f));
      } else if (kind < 90) {
        use = pick(lanes.get(LaneClass.PEDESTRIAN), random);
        id.setFace(FaceMatch.newBuilder().setPersonId(RegistryScale.Written.personId(random.nextInt(people)))
            .setScore(0.93f));
      } else {
        use = pick(lanes.get(LaneClass.PEDESTRIAN), random);
        id.setCard(CardRead.newBuilder().setIdNumber(RegistryScale.Written.idNumber(random.nextInt(people))));
      }
      id.setLaneId(use.lane().id()).setDirection(use.direction());
      worstLate = Math.max(worstLate, pace.awaitDue(n));
      long now = System.nanoTime();
      Instant wall = Instant.now();
      id.setTime(com.google.protobuf.Timestamp.newBuilder().setSeconds(wall.getEpochSecond()).setNanos(wall.getNano()));
      sent.set(n, now);
      StreamObserver<AgentMessage> out = sessions.get(use.session());
      synchronized (out) {
        out.onNext(AgentMessage.newBuilder().setIdentification(id).build());
      }
    }
    Thread.sleep(3_000);
    Histogram h = new Histogram(60_000_000L, 3);
    int lost = 0;
    int from = rate * warmup;
    for (int n = from; n < total; n++) {
      long ans = answered.get(n);
      if (ans == 0) {
        lost++;
      } else {
        h.recordValue(Math.max(1, (ans - sent.get(n)) / 1_000));
      }
    }
    System.out.printf("decision over gRPC  count=%d unanswered=%d p50=%.2f p90=%.2f p99=%.2f p99.9=%.2f max=%.2f ms;"
            + " sender at most %.1f ms late; load %s%n", h.getTotalCount(), lost, h.getValueAtPercentile(50) / 1e3,
        h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3,
        h.getMaxValue() / 1e3, worstLate / 1e6, load());
    new TreeMap<>(rules).forEach((rule, count) -> System.out.printf("  %-36s %,9d   e.g. %s%n", rule, count.get(),
        examples.getOrDefault(rule, "")));
    for (StreamObserver<AgentMessage> s : sessions) {
      synchronized (s) {
        s.onCompleted();
      }
    }
    offline(park, offlineCache, vehicles, people);
  }

  /**
   * The agent's offline decision time: gate G1's real signed cache as the server sent it, in the
   * agent's CacheIndex, and its OfflineDecider over the same identification mix on G1's lanes.
   */
  private static void offline(Park park, List<com.google.protobuf.ByteString> chunks, int vehicles, int people)
      throws com.google.protobuf.InvalidProtocolBufferException {
    CacheIndex index = new CacheIndex();
    synchronized (chunks) {
      for (com.google.protobuf.ByteString chunk : chunks) {
        index.apply(GateCachePayload.parseFrom(chunk));
      }
    }
    Gate gate = park.gate(new io.cordon.domain.park.GateId(OFFLINE_GATE)).orElseThrow();
    OfflineDecider decider = OfflineDecider.forCache(gate, index);
    Map<LaneClass, List<Lane>> lanes = new TreeMap<>();
    gate.lanes().forEach(l -> lanes.computeIfAbsent(l.laneClass(), c -> new ArrayList<>()).add(l));
    Random random = new Random(43);
    Histogram h = new Histogram(10_000_000_000L, 3);
    Map<String, Integer> outcomes = new TreeMap<>();
    int warm = 100_000;
    int measured = 500_000;
    for (int n = 0; n < warm + measured; n++) {
      Identification.Builder id = Identification.newBuilder().setRequestId("o-" + n)
          .setTime(com.google.protobuf.Timestamp.newBuilder().setSeconds(Instant.now().getEpochSecond()));
      Lane lane;
      if (random.nextInt(10) < 8) {
        int v = random.nextInt(vehicles);
        lane = pickLane(lanes.get(PermitScope.laneFor(RegistryScale.Written.vehicleClass(v))), random);
        id.setPlate(PlateRead.newBuilder().setPlate(RegistryScale.Written.plate(v)));
      } else {
        lane = pickLane(lanes.get(LaneClass.PEDESTRIAN), random);
        id.setFace(FaceMatch.newBuilder().setPersonId(RegistryScale.Written.personId(random.nextInt(people))));
      }
      id.setLaneId(lane.id()).setDirection(directions(lane.direction()).get(0));
      Identification built = id.build();
      long t0 = System.nanoTime();
      OfflineDecision d = decider.decide(built);
      long ns = System.nanoTime() - t0;
      if (n >= warm) {
        h.recordValue(Math.max(1, ns));
        outcomes.merge((d.passes() ? "pass " : "deny ") + d.decision().rule().code(), 1, Integer::sum);
      }
    }
    System.out.printf("offline decision at the agent (%s cache: %,d permits, %,d holders, %,d blacklist entries):"
            + " count=%d p50=%.1f p90=%.1f p99=%.1f p99.9=%.1f max=%.1f µs%n", OFFLINE_GATE, index.permitCount(),
        index.holderCount(), index.blacklistCount(), h.getTotalCount(), h.getValueAtPercentile(50) / 1e3,
        h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3,
        h.getMaxValue() / 1e3);
    outcomes.forEach((rule, count) -> System.out.printf("  %-36s %,9d%n", rule, count));
  }

  private static Lane pickLane(List<Lane> lanes, Random random) {
    return lanes.get(random.nextInt(lanes.size()));
  }

  private static List<Direction> directions(LaneDirection d) {
    switch (d) {
      case ENTRY:
        return List.of(Direction.DIRECTION_ENTRY);
      case EXIT:
        return List.of(Direction.DIRECTION_EXIT);
      default:
        return List.of(Direction.DIRECTION_ENTRY, Direction.DIRECTION_EXIT);
    }
  }

  private static LaneUse pick(List<LaneUse> uses, Random random) {
    return uses.get(random.nextInt(uses.size()));
  }

  private static String load() {
    return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
