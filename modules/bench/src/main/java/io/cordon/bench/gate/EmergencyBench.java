package io.cordon.bench.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.api.v1.BarrierState;
import io.cordon.api.v1.EmergencyGateProgress;
import io.cordon.api.v1.EmergencyGateState;
import io.cordon.api.v1.EmergencyScope;
import io.cordon.api.v1.EmergencyStatus;
import io.cordon.api.v1.EndEmergencyRequest;
import io.cordon.api.v1.GateServiceGrpc;
import io.cordon.api.v1.OpenEmergencyRequest;
import io.cordon.api.v1.WatchEmergencyRequest;
import io.cordon.bench.alarm.Token;
import io.cordon.devices.gate.edge.BarrierResult;
import io.cordon.devices.gate.edge.GateAgent;
import io.cordon.devices.gate.edge.GateAgentConfig;
import io.cordon.devices.gate.edge.LaneHardware;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.Lane;
import io.cordon.domain.park.Park;
import io.cordon.server.CordonServer;
import io.cordon.server.ServerConfig;
import io.cordon.server.park.ParkFileLoader;
import io.cordon.simulator.parkgen.SampleParkGenerator;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * One-click emergency opening, click to every gate confirmed (issue 7 point 5: 20 gates confirmed
 * open within 1 s). This JVM runs a real server on loopback (H2 in a temporary directory) with a
 * park of {@code gates} gates built from the sample park (its emergency gates cloned along the
 * perimeter; with {@code others > 0} that many of them are ordinary gates instead, which an
 * EVACUATION switches to evacuation mode), and one real {@link GateAgent} per gate over its own
 * GateAgentService session, whose lanes' barriers answer at once. An operator follows
 * WatchEmergency and "clicks" OpenEmergency {@code rounds} times: open → every gate CONFIRMED →
 * EndEmergency → every gate RESTORED. Click-to-all-confirmed = from sending OpenEmergency to the
 * first watched status in which every gate is CONFIRMED.
 *
 * <p>Usage: {@code ./mvnw -q -o -pl modules/bench exec:exec@emergency -Dbench.args="rounds=20 gates=20 others=0"}
 * (options: rounds=20 gates=20 others=0 warmup=2). Not a test: run it by command (README, Benchmarks).
 */
public final class EmergencyBench {

  private static final long ROUND_TIMEOUT_SECONDS = 30;

  private EmergencyBench() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      String[] kv = arg.split("=", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException("arguments are key=value, not " + arg);
      }
      options.put(kv[0], kv[1]);
    }
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "20"));
    int gates = Integer.parseInt(options.getOrDefault("gates", "20"));
    int others = Integer.parseInt(options.getOrDefault("others", "0"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "2"));
    Path dir = Files.createTempDirectory("cordon-emergency-bench-");
    Path parkFile = dir.resolve("park.geojson");
    Files.writeString(parkFile, parkWith(gates, others));
    Park park = ParkFileLoader.load(parkFile);
    List<GateAgent> agents = new ArrayList<>();
    ManagedChannel channel = null;
    try (CordonServer server = CordonServer.start(ServerConfig.builder().dataDir(dir.resolve("server"))
        .demoUsers(true).parkFile(parkFile).build())) {
      channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
      Token agentToken = Token.login(channel, "gate");
      for (Gate gate : park.gates()) {
        GateAgent agent = new GateAgent(channel, () -> agentToken,
            GateAgentConfig.of("bench-" + gate.id().value(), gate, dir.resolve("agents").resolve(gate.id().value())),
            gate.lanes().stream().map(InstantLane::new).toList());
        agent.start();
        agents.add(agent);
      }
      awaitOnline(agents);
      run(channel, park, rounds, warmup, others);
    } finally {
      agents.forEach(EmergencyBench::closeQuietly);
      if (channel != null) {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
      deleteRecursively(dir);
    }
  }

  private static void run(ManagedChannel channel, Park park, int rounds, int warmup, int others)
      throws InterruptedException {
    Token operator = Token.login(channel, "operator");
    GateServiceGrpc.GateServiceBlockingStub gates = GateServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(operator);
    Watch watch = new Watch();
    Context.CancellableContext context = Context.current().withCancellation();
    context.run(() -> GateServiceGrpc.newStub(channel).withCallCredentials(operator)
        .watchEmergency(WatchEmergencyRequest.getDefaultInstance(), watch));
    watch.next(); // the current (empty) status
    EmergencyScope scope = others > 0 ? EmergencyScope.EMERGENCY_SCOPE_EVACUATION
        : EmergencyScope.EMERGENCY_SCOPE_EMERGENCY_GATES;
    System.out.printf("emergency opening: %d gates (%d emergency, %d ordinary, scope %s), %d agents, %d rounds"
            + " after %d warm-up; %d cores, load average %s%n", park.gates().size(), park.gates().size() - others,
        others, scope, park.gates().size(), rounds, warmup, Runtime.getRuntime().availableProcessors(),
        loadAverage());
    Histogram confirmed = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
    Histogram answered = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
    Histogram restored = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
    int failedRounds = 0;
    for (int round = 0; round < warmup + rounds; round++) {
      long click = System.nanoTime();
      EmergencyStatus opened = gates.withDeadlineAfter(10, TimeUnit.SECONDS).openEmergency(
          OpenEmergencyRequest.newBuilder().setRequestId("bench-open-" + round)
              .setReason("Benchmark round " + round).setScope(scope).build());
      long answer = System.nanoTime();
      String id = opened.getEmergencyId();
      EmergencyStatus all = watch.until(s -> s.getEmergencyId().equals(id)
          && (allIn(s, EmergencyGateState.EMERGENCY_GATE_STATE_CONFIRMED)
              || s.getGatesList().stream().anyMatch(g -> g.getState() == EmergencyGateState.EMERGENCY_GATE_STATE_FAILED)));
      long done = System.nanoTime();
      boolean ok = all != null && allIn(all, EmergencyGateState.EMERGENCY_GATE_STATE_CONFIRMED);
      if (!ok) {
        failedRounds++;
        System.out.printf("round %d: not every gate confirmed: %s%n", round, all == null ? "timed out"
            : all.getGatesList().stream().filter(g -> g.getState() != EmergencyGateState.EMERGENCY_GATE_STATE_CONFIRMED)
                .map(g -> g.getGateId() + " " + g.getState() + " " + g.getDetail()).collect(Collectors.joining(", ")));
      }
      long endClick = System.nanoTime();
      gates.withDeadlineAfter(10, TimeUnit.SECONDS).endEmergency(EndEmergencyRequest.newBuilder()
          .setRequestId("bench-end-" + round).setEmergencyId(id).setReason("Benchmark round " + round + " over")
          .build());
      EmergencyStatus back = watch.until(s -> s.getEmergencyId().equals(id) && !s.getActive()
          && allIn(s, EmergencyGateState.EMERGENCY_GATE_STATE_RESTORED));
      long endDone = System.nanoTime();
      if (round >= warmup && ok) {
        confirmed.recordValue((done - click) / 1_000);
        answered.recordValue((answer - click) / 1_000);
      }
      if (round >= warmup && back != null) {
        restored.recordValue((endDone - endClick) / 1_000);
      }
      if (back == null) {
        System.out.printf("round %d: not every gate restored%n", round);
        failedRounds++;
      }
      Thread.sleep(200);
    }
    context.cancel(null);
    System.out.printf("OpenEmergency answer   count=%d p50=%.1f p90=%.1f max=%.1f ms%n", answered.getTotalCount(),
        ms(answered, 50), ms(answered, 90), answered.getMaxValue() / 1e3);
    System.out.printf("click -> all confirmed count=%d p50=%.1f p90=%.1f max=%.1f ms%n", confirmed.getTotalCount(),
        ms(confirmed, 50), ms(confirmed, 90), confirmed.getMaxValue() / 1e3);
    System.out.printf("end -> all restored    count=%d p50=%.1f p90=%.1f max=%.1f ms%n", restored.getTotalCount(),
        ms(restored, 50), ms(restored, 90), restored.getMaxValue() / 1e3);
    System.out.printf("SUMMARY emergency opening, %d gates with real agents, %d rounds: click->all confirmed p50 %.1f ms,"
            + " p90 %.1f ms, max %.1f ms (target <= 1000 ms); end->all restored p50 %.1f ms, max %.1f ms;"
            + " failed rounds %d; load average %s%n", park.gates().size(), rounds, ms(confirmed, 50),
        ms(confirmed, 90), confirmed.getMaxValue() / 1e3, ms(restored, 50), restored.getMaxValue() / 1e3, failedRounds,
        loadAverage());
  }

  private static boolean allIn(EmergencyStatus status, EmergencyGateState state) {
    return status.getGatesCount() > 0 && status.getGatesList().stream().map(EmergencyGateProgress::getState)
        .allMatch(s -> s == state);
  }

  /**
   * The sample park with its gates replaced by {@code gates} gates on the perimeter: clones of its
   * emergency gates, and {@code others} clones of its perimeter (non-checkpoint) ordinary gates.
   */
  static String parkWith(int gates, int others) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = (ObjectNode) json.readTree(SampleParkGenerator.generate());
    ArrayNode features = (ArrayNode) root.get("features");
    List<JsonNode> emergency = new ArrayList<>();
    List<JsonNode> ordinary = new ArrayList<>();
    ArrayNode kept = json.createArrayNode();
    for (JsonNode feature : features) {
      JsonNode properties = feature.get("properties");
      if (!"gate".equals(properties.path("kind").asText())) {
        kept.add(feature);
      } else if ("emergency".equals(properties.path("gateType").asText())) {
        emergency.add(feature);
      } else if (!properties.has("guardsZone")) {
        ordinary.add(feature);
      }
    }
    if (emergency.isEmpty() || (others > 0 && ordinary.isEmpty()) || others > gates) {
      throw new IllegalStateException("cannot build " + gates + " gates with " + others + " ordinary ones");
    }
    for (int i = 0; i < gates; i++) {
      boolean isOther = i < others;
      List<JsonNode> from = isOther ? ordinary : emergency;
      ObjectNode clone = from.get(i % from.size()).deepCopy();
      clone.put("id", String.format("B%02d", i + 1));
      ((ObjectNode) clone.get("properties")).put("name", (isOther ? "卡口 " : "应急卡口 ") + (i + 1));
      kept.add(clone);
    }
    root.set("features", kept);
    return json.writeValueAsString(root);
  }

  private static void awaitOnline(List<GateAgent> agents) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (agents.stream().anyMatch(a -> !a.online())) {
      if (System.nanoTime() > until) {
        throw new IllegalStateException("agents not online: " + agents.stream().filter(a -> !a.online())
            .map(GateAgent::gateId).toList());
      }
      Thread.sleep(100);
    }
    Thread.sleep(1000); // let the caches and the command watches settle
  }

  /** A lane whose barrier reaches any commanded state at once. */
  private record InstantLane(String laneId) implements LaneHardware {
    InstantLane(Lane lane) {
      this(lane.id());
    }

    @Override
    public List<String> devices() {
      return List.of("barrier");
    }

    @Override
    public CompletionStage<BarrierResult> openOnce() {
      return CompletableFuture.completedFuture(BarrierResult.done(BarrierState.BARRIER_STATE_OPEN));
    }

    @Override
    public CompletionStage<BarrierResult> holdOpen() {
      return CompletableFuture.completedFuture(BarrierResult.done(BarrierState.BARRIER_STATE_HELD_OPEN));
    }

    @Override
    public CompletionStage<BarrierResult> close() {
      return CompletableFuture.completedFuture(BarrierResult.done(BarrierState.BARRIER_STATE_CLOSED));
    }

    @Override
    public void show(String ledText) {
    }

    @Override
    public void say(String voicePhrase) {
    }
  }

  /** WatchEmergency, collected. */
  private static final class Watch implements StreamObserver<EmergencyStatus> {
    private final BlockingQueue<EmergencyStatus> received = new LinkedBlockingQueue<>();

    EmergencyStatus next() throws InterruptedException {
      EmergencyStatus status = received.poll(ROUND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (status == null) {
        throw new IllegalStateException("WatchEmergency went quiet");
      }
      return status;
    }

    /** The first status that matches within the round timeout; null if none came. */
    EmergencyStatus until(Predicate<EmergencyStatus> wanted) throws InterruptedException {
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(ROUND_TIMEOUT_SECONDS);
      while (true) {
        long left = until - System.nanoTime();
        EmergencyStatus status = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
        if (status == null || wanted.test(status)) {
          return status;
        }
      }
    }

    @Override
    public void onNext(EmergencyStatus value) {
      received.add(value);
    }

    @Override
    public void onError(Throwable t) {
    }

    @Override
    public void onCompleted() {
    }
  }

  private static double ms(Histogram micros, double percentile) {
    return micros.getValueAtPercentile(percentile) / 1e3;
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "?";
    }
  }

  private static void closeQuietly(GateAgent agent) {
    try {
      agent.close();
    } catch (RuntimeException e) {
      // the bench is ending anyway
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
