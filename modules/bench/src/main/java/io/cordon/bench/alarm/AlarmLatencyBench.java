package io.cordon.bench.alarm;

import io.cordon.server.CordonServer;
import io.cordon.server.ServerConfig;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * Alarm from the device RPC to the client store of a second process, end to end over real gRPC on
 * loopback (issue 4 point 10, DESIGN §13: p99 ≤ 100 ms, 0 lost). This JVM runs a real server (H2 in
 * a temporary directory), 2,000 sensor heartbeats/s in the background and 200
 * AlarmIngestService.Raise calls/s, each a new alarm; a child JVM ({@link ClientStoreProbe}) keeps
 * an operator's real {@code AlarmFeed} + {@code AlarmStore} and says when each alarm first appears
 * there. Latency = arrival − send, both wall-clock microseconds on the same machine.
 *
 * <p>Arguments {@code key=value}: rate (200 alarms/s), background (2000 heartbeats/s), warmup (10 s,
 * same load, not measured), duration (300 s). Not a test: run it by command (README, Benchmarks).
 */
public final class AlarmLatencyBench {

  private static final int HEARTBEAT_CHANNELS = 2;
  private static final Duration PROBE_START = Duration.ofSeconds(60);
  private static final Duration STRAGGLER_WAIT = Duration.ofSeconds(30);

  private AlarmLatencyBench() {
  }

  public static void main(String[] args) throws Exception {
    AlarmBenchSettings settings = AlarmBenchSettings.parse(args);
    Path dataDir = Files.createTempDirectory("cordon-alarm-bench-");
    List<ManagedChannel> channels = new ArrayList<>();
    try (CordonServer server = CordonServer.start(
        ServerConfig.builder().dataDir(dataDir).demoUsers(true).build())) {
      for (int i = 0; i <= HEARTBEAT_CHANNELS; i++) {
        channels.add(ManagedChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build());
      }
      try (ProbeProcess probe = ProbeProcess.start("127.0.0.1:" + server.grpcPort(), settings.totalAlarms())) {
        if (!probe.awaitReady(PROBE_START)) {
          throw new IllegalStateException("the client store probe did not get its first snapshot");
        }
        run(settings, channels, probe);
      }
    } finally {
      for (ManagedChannel channel : channels) {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
      deleteRecursively(dataDir);
    }
  }

  private static void run(AlarmBenchSettings settings, List<ManagedChannel> channels, ProbeProcess probe)
      throws InterruptedException {
    Token device = Token.login(channels.get(0), "device");
    AlarmRaiser raiser = new AlarmRaiser(channels.get(0), device, settings.totalAlarms());
    HeartbeatLoad heartbeats = new HeartbeatLoad(List.<Channel>copyOf(channels.subList(1, channels.size())), device);
    System.out.printf("alarm latency: %d alarms/s over %d heartbeats/s (%d sensors, %s) for %d s after %d s"
            + " warm-up; %d cores, load average %s, probe pid %d%n", settings.rate(), settings.background(),
        heartbeats.sensorCount(), settings.batch() == 1 ? "one Report call each"
            : settings.batch() + " per ReportBatch call", settings.durationSeconds(), settings.warmupSeconds(),
        Runtime.getRuntime().availableProcessors(), loadAverage(), probe.pid());

    long cpuBefore = processCpuNanos();
    long wallBefore = System.nanoTime();
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
    heartbeats.start(start, settings.background(), settings.totalHeartbeats(), settings.batch());
    raiser.sendAll(new Pace(start, settings.rate()));
    heartbeats.awaitSenders();
    double sendSeconds = (System.nanoTime() - start) / 1e9;
    String loadAtEnd = loadAverage();
    raiser.awaitAnswers();
    boolean complete = probe.awaitArrivals(raiser::isAcked, STRAGGLER_WAIT);
    double cpuShare = (processCpuNanos() - cpuBefore) / (double) (System.nanoTime() - wallBefore);

    Report report = Report.of(settings, raiser, probe);
    System.out.printf("sent in %.1f s (planned %d s); sender at most %.1f ms behind its schedule;"
            + " load average at the end %s; this JVM (server + load) used %.2f cores%n",
        sendSeconds, settings.totalSeconds(), raiser.worstLateNanos() / 1e6, loadAtEnd, cpuShare);
    Histogram heartbeatAcks = heartbeats.takeAckLatencies(); // ns
    System.out.printf("background: %d heartbeats due, %d sent, %d shed (at most %d in flight), %d acked = %.0f/s,"
            + " %d failed; Report ack p50=%.1f p99=%.1f max=%.1f ms%n", settings.totalHeartbeats(), heartbeats.sent(),
        heartbeats.shed(), heartbeats.maxInFlight(), heartbeats.acked(), heartbeats.acked() / sendSeconds,
        heartbeats.failed(), heartbeatAcks.getValueAtPercentile(50) / 1e6, heartbeatAcks.getValueAtPercentile(99) / 1e6,
        heartbeatAcks.getMaxValue() / 1e6);
    report.print(raiser, complete, heartbeats.acked() / sendSeconds);
  }

  /** What the measured part of a run came to. */
  private record Report(AlarmBenchSettings settings, Histogram latency, Histogram ack, Histogram toRaised,
      Histogram raisedToStore,
      Map<Integer, Histogram> bySlice, int sliceSeconds, int sent, int acked, int arrived, int lost,
      int lostInWarmup, int arrivedWithoutAck, int duplicates) {

    static Report of(AlarmBenchSettings settings, AlarmRaiser raiser, ProbeProcess probe) {
      Histogram latency = histogram();
      Histogram ack = histogram();
      Histogram toRaised = histogram();
      Histogram raisedToStore = histogram();
      Map<Integer, Histogram> bySlice = new TreeMap<>();
      int sliceSeconds = Math.max(5, settings.durationSeconds() / 10);
      int sent = 0;
      int acked = 0;
      int arrived = 0;
      int lost = 0;
      int lostInWarmup = 0;
      int arrivedWithoutAck = 0;
      for (int n = 0; n < raiser.count(); n++) {
        long arrival = probe.arrivedMicros(n);
        boolean measured = n >= settings.warmupAlarms();
        if (raiser.isAcked(n) && arrival < 0) {
          if (measured) {
            lost++;
          } else {
            lostInWarmup++;
          }
        }
        if (!raiser.isAcked(n) && arrival >= 0) {
          arrivedWithoutAck++;
        }
        if (!measured) {
          continue;
        }
        sent++;
        if (raiser.isAcked(n)) {
          acked++;
          ack.recordValue(clamp(raiser.ackNanos(n) / 1_000));
        }
        if (arrival >= 0) {
          arrived++;
          long micros = clamp(arrival - raiser.sentMicros(n));
          latency.recordValue(micros);
          toRaised.recordValue(clamp(probe.raisedMicros(n) - raiser.sentMicros(n)));
          raisedToStore.recordValue(clamp(arrival - probe.raisedMicros(n)));
          int slice = (n - settings.warmupAlarms()) / settings.rate() / sliceSeconds;
          bySlice.computeIfAbsent(slice, s -> histogram()).recordValue(micros);
        }
      }
      return new Report(settings, latency, ack, toRaised, raisedToStore, bySlice, sliceSeconds, sent, acked, arrived,
          lost, lostInWarmup, arrivedWithoutAck, probe.duplicates());
    }

    void print(AlarmRaiser raiser, boolean complete, double heartbeatsPerSecond) {
      System.out.printf("alarm Raise ack        count=%d p50=%.1f p90=%.1f p99=%.1f max=%.1f ms%n", ack.getTotalCount(),
          ms(ack, 50), ms(ack, 90), ms(ack, 99), ack.getMaxValue() / 1e3);
      System.out.printf("device -> 2nd store    count=%d p50=%.1f p90=%.1f p99=%.1f max=%.1f ms%n",
          latency.getTotalCount(), ms(latency, 50), ms(latency, 90), ms(latency, 99), latency.getMaxValue() / 1e3);
      System.out.printf("  of which send -> center raised it (ingest commit, center reads, decides) p50=%.1f p99=%.1f"
          + " max=%.1f ms; raised -> 2nd store (center commit, publish, stream, store) p50=%.1f p99=%.1f max=%.1f ms%n",
          ms(toRaised, 50), ms(toRaised, 99), toRaised.getMaxValue() / 1e3, ms(raisedToStore, 50),
          ms(raisedToStore, 99), raisedToStore.getMaxValue() / 1e3);
      for (Map.Entry<Integer, Histogram> slice : bySlice.entrySet()) {
        Histogram h = slice.getValue();
        System.out.printf("  s %3d-%3d: p50=%.1f p99=%.1f max=%.1f ms%n", slice.getKey() * sliceSeconds,
            (slice.getKey() + 1) * sliceSeconds, ms(h, 50), ms(h, 99), h.getMaxValue() / 1e3);
      }
      System.out.printf("alarms sent %d, acknowledged %d, arrived %d, lost (acked, not arrived %d s after the end) %d,"
              + " duplicates %d; warm-up lost %d; arrived without ack %d; Raise failures %s%s%n", sent, acked, arrived,
          STRAGGLER_WAIT.toSeconds(), lost, duplicates, lostInWarmup, arrivedWithoutAck, raiser.failures(),
          complete ? "" : " (stopped waiting after " + STRAGGLER_WAIT.toSeconds() + " s)");
      System.out.printf("SUMMARY alarm e2e Raise->2nd-process store, %d alarms/s over %d heartbeats/s"
            + (settings.batch() > 1 ? " (" + settings.batch() + " per call)" : "")
              + " (%.0f/s taken), %d s: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; sent %d, acked %d,"
              + " arrived %d, lost %d, duplicates %d; Raise ack p50 %.1f ms, p99 %.1f ms%n", settings.rate(),
          settings.background(), heartbeatsPerSecond, settings.durationSeconds(), ms(latency, 50), ms(latency, 90),
          ms(latency, 99), latency.getMaxValue() / 1e3, sent, acked, arrived, lost, duplicates, ms(ack, 50),
          ms(ack, 99));
    }
  }

  private static Histogram histogram() {
    return new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
  }

  private static long clamp(long micros) {
    return Math.max(0, Math.min(micros, TimeUnit.MINUTES.toMicros(5)));
  }

  /** A percentile of a µs histogram in ms. */
  private static double ms(Histogram micros, double percentile) {
    return micros.getValueAtPercentile(percentile) / 1e3;
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static long processCpuNanos() {
    return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
