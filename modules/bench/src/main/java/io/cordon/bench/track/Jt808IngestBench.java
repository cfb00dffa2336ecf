package io.cordon.bench.track;

import io.cordon.api.v1.PlateColor;
import io.cordon.api.v1.SaveOwnTerminalRequest;
import io.cordon.api.v1.TripServiceGrpc;
import io.cordon.bench.alarm.Token;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.Road;
import io.cordon.domain.track.rules.Fix;
import io.cordon.domain.track.rules.ParkGeometry;
import io.cordon.domain.track.rules.TrackRuleEngine;
import io.cordon.domain.track.rules.TrackRuleSettings;
import io.cordon.domain.track.rules.VehicleKey;
import io.cordon.domain.track.rules.VehicleRuleState;
import io.cordon.domain.track.rules.VehicleTrip;
import io.cordon.domain.vehicle.VehicleClass;
import io.cordon.server.CordonServer;
import io.cordon.server.ServerConfig;
import io.cordon.server.park.ParkFileLoader;
import io.cordon.server.park.ParkProtoMapper;
import io.cordon.server.track.jt808.IntakeCounters;
import io.cordon.server.track.jt808.Jt808Intake;
import io.cordon.simulator.jt808.Jt808Fleet;
import io.cordon.simulator.jt808.Jt808FleetSettings;
import io.cordon.simulator.jt808.Jt808FleetStats;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.locationtech.jts.geom.Coordinate;

/**
 * JT/T 808 ingestion (issue 8 point 8, DESIGN §13: ≥ 20,000 positions/s from 2,000 terminals on
 * this 2-core machine). A real server on an H2 file with its JT/T 808 port, and the simulator's
 * terminal fleet — 2,000 real TCP connections that register, authenticate and send 0x0200 frames
 * at the offered rate — in this one JVM. Ingested = positions the intake committed (decoded,
 * filtered, matched, rules applied, batch-persisted; each terminal's 0x8001 goes out after the
 * commit). Before the fleet connects, each of its terminals is saved as a hazmat vehicle's own
 * terminal through TripService (as an operator would), so every position is matched to a vehicle
 * and runs the rules (no permit: an unpermitted hazmat trip) — the path of a real fleet, not the
 * unbound-terminal one.
 * Then the rule evaluation cost per position: the domain TrackRuleEngine on the sample park,
 * 500 vehicles driving every road with GPS noise, each onFix timed.
 *
 * <p>Run: {@code ./mvnw -q -pl modules/bench exec:exec@jt808-ingest -Dbench.jvmArgs=-Xmx2g
 * -Dbench.args="terminals=2000 rate=25000 warmup=20 duration=60"}; add
 * {@code pg=jdbc:postgresql://127.0.0.1:5432/db pguser=… pgpassword=…} for PostgreSQL (an empty database), or
 * {@code h2=;SETTING=value…} to try H2 settings on the embedded file database.
 */
public final class Jt808IngestBench {

  private Jt808IngestBench() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> a = new TreeMap<>();
    for (String arg : args) {
      String[] kv = arg.split("=", 2);
      a.put(kv[0], kv.length > 1 ? kv[1] : "");
    }
    int terminals = Integer.parseInt(a.getOrDefault("terminals", "2000"));
    double rate = Double.parseDouble(a.getOrDefault("rate", "25000"));
    int warmup = Integer.parseInt(a.getOrDefault("warmup", "20"));
    int duration = Integer.parseInt(a.getOrDefault("duration", "60"));
    boolean trace = a.containsKey("trace"); // every second's line, not every tenth

    Park park = ParkFileLoader.loadSample();
    Path dataDir = Files.createTempDirectory("cordon-jt808-bench-");
    ServerConfig.Builder builder = ServerConfig.builder().dataDir(dataDir).demoUsers(true).jt808Port(0);
    if (a.containsKey("pg")) { // the production database instead of the embedded H2 file: pg=jdbc:postgresql://…
      builder.databaseUrl(a.get("pg")).databaseUser(a.getOrDefault("pguser", "cordon"))
          .databasePassword(a.getOrDefault("pgpassword", ""));
    }
    if (a.containsKey("h2")) { // H2 settings to try on the embedded file database: h2=;CACHE_SIZE=262144
      builder.databaseUrl("jdbc:h2:file:" + dataDir.resolve("cordon") + ";DB_CLOSE_ON_EXIT=FALSE" + a.get("h2"))
          .databaseUser("cordon");
    }
    ServerConfig config = builder.build();
    System.out.println("database: " + config.databaseUrl());
    try (CordonServer server = CordonServer.start(config)) {
      Jt808Intake intake = server.jt808();
      int port = server.jt808Port().orElseThrow();
      Jt808FleetSettings settings = Jt808FleetSettings.bench("127.0.0.1", port, terminals, rate);
      bindOwnTerminals(server.grpcPort(), settings, terminals);
      long connectStart = System.nanoTime();
      try (Jt808Fleet fleet = new Jt808Fleet(settings, ParkProtoMapper.toProto(park)).start()) {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (fleet.stats().authenticated() < terminals && System.nanoTime() < deadline) {
          Thread.sleep(200);
        }
        System.out.printf("%,d of %,d terminals authenticated %.1f s after the first connect; offered %,.0f"
                + " positions/s; %d cores, load %s%n", fleet.stats().authenticated(), terminals,
            (System.nanoTime() - connectStart) / 1e9, rate, Runtime.getRuntime().availableProcessors(), load());
        Thread.sleep(warmup * 1000L);
        IntakeCounters c = intake.counters();
        long stored0 = c.stored();
        long received0 = c.received();
        long commits0 = c.commits();
        Jt808FleetStats f0 = fleet.stats();
        long t0 = System.nanoTime();
        long cpu0 = processCpuNanos();
        ThreadCpu threads0 = ThreadCpu.now();
        long[] gc0 = gc();
        long lastStored = stored0;
        long lastT = t0;
        List<Double> perSecond = new ArrayList<>();
        for (int s = 1; s <= duration; s++) {
          Thread.sleep(Math.max(0, (t0 + s * 1_000_000_000L - System.nanoTime()) / 1_000_000));
          long now = System.nanoTime();
          long stored = c.stored();
          perSecond.add((stored - lastStored) * 1e9 / (now - lastT));
          lastStored = stored;
          lastT = now;
          if (s % 10 == 0 || trace) {
            System.out.printf("  %3d s: %,.0f positions/s stored in the last second; fleet outstanding %,d;"
                + " load %s%n", s, perSecond.get(perSecond.size() - 1), fleet.stats().outstanding(), load());
          }
        }
        long t1 = System.nanoTime();
        long cpu1 = processCpuNanos();
        Map<String, Long> threadCpu = ThreadCpu.now().since(threads0);
        long[] gc1 = gc();
        Jt808FleetStats f1 = fleet.stats();
        double seconds = (t1 - t0) / 1e9;
        double stored = (c.stored() - stored0) / seconds;
        double received = (c.received() - received0) / seconds;
        double acked = (f1.fixesAcknowledged() - f0.fixesAcknowledged()) / seconds;
        perSecond.sort(Comparator.naturalOrder());
        System.out.printf("ingestion over %.0f s: stored %,.0f positions/s (received %,.0f/s, acknowledged to the"
                + " terminals %,.0f/s); slowest second %,.0f/s, median second %,.0f/s; %,.0f positions per commit;"
                + " this JVM used %.2f of %d cores; load %s%n", seconds, stored, received, acked, perSecond.get(0),
            perSecond.get(perSecond.size() / 2), (c.stored() - stored0) / (double) Math.max(1, c.commits() - commits0),
            (cpu1 - cpu0) / 1e9 / seconds, Runtime.getRuntime().availableProcessors(), load());
        long storedInWindow = Math.max(1, c.stored() - stored0);
        System.out.printf("  CPU per stored position: %.1f µs in all; by thread group (≥ 0.5 µs):%n",
            (cpu1 - cpu0) / 1e3 / storedInWindow);
        threadCpu.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .filter(e -> e.getValue() / 1e3 / storedInWindow >= 0.5)
            .forEach(e -> System.out.printf("    %6.1f µs  %s%n", e.getValue() / 1e3 / storedInWindow, e.getKey()));
        System.out.printf("  GC: %,d collections, %,d ms in all (%.1f µs per position; pauses and concurrent work)%n",
            gc1[0] - gc0[0], gc1[1] - gc0[1], (gc1[1] - gc0[1]) * 1e3 / storedInWindow);
        System.out.println("  intake counters: " + c);
        System.out.println("  fleet: " + f1);
      }
    } finally {
      try (Stream<Path> files = Files.walk(dataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    ruleCost(park);
  }

  /** Saves every fleet terminal as the own terminal of a hazmat vehicle (plates 苏E00000…). */
  private static void bindOwnTerminals(int grpcPort, Jt808FleetSettings settings, int terminals)
      throws InterruptedException {
    ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
    try {
      TripServiceGrpc.TripServiceBlockingStub trips = TripServiceGrpc.newBlockingStub(channel)
          .withCallCredentials(Token.login(channel, "admin"));
      long start = System.nanoTime();
      for (int i = 0; i < terminals; i++) {
        trips.withDeadlineAfter(10, TimeUnit.SECONDS).saveOwnTerminal(SaveOwnTerminalRequest.newBuilder()
            .setRequestId("bench-own-" + i).setTerminalNumber(settings.terminalNumber(i))
            .setPlate(String.format("苏E%05d", i)).setPlateColor(PlateColor.PLATE_COLOR_YELLOW)
            .setVehicleClass(io.cordon.api.v1.VehicleClass.VEHICLE_CLASS_HAZMAT).build());
      }
      System.out.printf("%,d terminals saved as hazmat vehicles' own terminals in %.1f s%n", terminals,
          (System.nanoTime() - start) / 1e9);
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  /**
   * The rule engine alone: 500 vehicles drive the park's roads one after another (the shape of the
   * traffic the fleet sends), a fix every second with 5–25 m of noise, each {@code onFix} timed.
   */
  private static void ruleCost(Park park) {
    TrackRuleEngine engine = new TrackRuleEngine(ParkGeometry.of(park), TrackRuleSettings.defaults());
    VehicleTrip trip = VehicleTrip.unpermitted(VehicleClass.HAZMAT);
    List<Road> roads = park.roads();
    Random random = new Random(7);
    int vehicles = 500;
    int fixesEach = 1_200;
    List<VehicleRuleState> states = new ArrayList<>();
    double[] along = new double[vehicles];
    int[] road = new int[vehicles];
    for (int v = 0; v < vehicles; v++) {
      states.add(engine.newState(new VehicleKey("B" + v)));
      road[v] = random.nextInt(roads.size());
      along[v] = random.nextDouble();
    }
    Histogram h = new Histogram(1_000_000_000L, 3);
    long start = 1_790_000_000_000L;
    int events = 0;
    int warm = 200;
    for (int step = 0; step < fixesEach; step++) {
      for (int v = 0; v < vehicles; v++) {
        Road r = roads.get(road[v]);
        double speed = r.speedLimitKmh() * (0.7 + 0.5 * random.nextDouble()); // some above the limit
        double length = r.line().getLength() * 100_000; // degrees to about metres, enough to pace the walk
        along[v] += speed / 3.6 / Math.max(50, length);
        if (along[v] >= 1) {
          along[v] = 0;
          road[v] = random.nextInt(roads.size());
          r = roads.get(road[v]);
        }
        Coordinate p = pointAlong(r, along[v]);
        double noise = (5 + 20 * random.nextDouble()) / 111_000;
        Fix fix = new Fix(start + step * 1000L, p.x + noise * random.nextGaussian(), p.y + noise * random.nextGaussian(),
            speed, random.nextInt(360), true, 0);
        long t = System.nanoTime();
        events += engine.onFix(states.get(v), trip, fix).size();
        long ns = System.nanoTime() - t;
        if (step >= warm) {
          h.recordValue(Math.max(1, ns));
        }
      }
    }
    System.out.printf("rule evaluation per position (TrackRuleEngine.onFix, sample park, %d vehicles, %,d fixes):"
            + " p50=%.2f p90=%.2f p99=%.2f p99.9=%.2f max=%.1f µs; %,d violation starts/ends%n", vehicles,
        h.getTotalCount(), h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3,
        h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3, events);
  }

  private static Coordinate pointAlong(Road road, double fraction) {
    Coordinate[] cs = road.line().getCoordinates();
    double total = road.line().getLength();
    double target = total * fraction;
    for (int i = 1; i < cs.length; i++) {
      double seg = cs[i - 1].distance(cs[i]);
      if (target <= seg || i == cs.length - 1) {
        double f = seg == 0 ? 0 : Math.min(1, target / seg);
        return new Coordinate(cs[i - 1].x + f * (cs[i].x - cs[i - 1].x), cs[i - 1].y + f * (cs[i].y - cs[i - 1].y));
      }
      target -= seg;
    }
    return cs[0];
  }

  /** Collections and milliseconds spent in them, over every collector. */
  private static long[] gc() {
    long count = 0;
    long millis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, gc.getCollectionCount());
      millis += Math.max(0, gc.getCollectionTime());
    }
    return new long[] {count, millis};
  }

  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
    }
    return 0;
  }

  private static String load() {
    return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
