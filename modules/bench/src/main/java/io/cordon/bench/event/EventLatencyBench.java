package io.cordon.bench.event;

import io.cordon.server.CordonServer;
import io.cordon.server.ServerConfig;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Sensor report to live event, end to end over real gRPC on loopback (DESIGN §13): a real server on
 * H2 in a temporary directory, the demo device sending heartbeats at a fixed rate, an operator
 * subscribed to the live stream. Prints commit-ack latency (the Report round trip) and
 * device-to-subscriber latency (scheduled send to arrival, matched by the acked seq), both from the
 * scheduled send time so that a stalled server cannot hide its stalls; then how fast a subscriber
 * that was away catches up from its last seq.
 *
 * <p>Arguments {@code key=value}: rate (200 reports/s), warmup (5 s at the same rate, then its
 * backlog drains before the measured schedule starts), duration (30 s), catchup (10000 events),
 * timeline (1 prints the worst commit-ack latency of each second). Not a test: run it by command
 * (README, Benchmarks).
 */
public final class EventLatencyBench {

  private static final int CATCH_UP_IN_FLIGHT = 32;
  private static final Duration STRAGGLER_WAIT = Duration.ofSeconds(10);

  private EventLatencyBench() {
  }

  public static void main(String[] args) throws Exception {
    BenchSettings settings = BenchSettings.parse(args);
    Path dataDir = Files.createTempDirectory("cordon-bench-");
    try (CordonServer server = CordonServer.start(
        ServerConfig.builder().dataDir(dataDir).demoUsers(true).build())) {
      ManagedChannel deviceChannel = loopback(server.grpcPort());
      ManagedChannel operatorChannel = loopback(server.grpcPort());
      try {
        run(settings, deviceChannel, operatorChannel);
      } finally {
        deviceChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        operatorChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    } finally {
      deleteRecursively(dataDir);
    }
  }

  private static void run(BenchSettings settings, ManagedChannel deviceChannel, ManagedChannel operatorChannel)
      throws InterruptedException {
    DeviceClient device = DeviceClient.connect(deviceChannel, Bearer.login(deviceChannel, "device"));
    Bearer operator = Bearer.login(operatorChannel, "operator");
    Duration streamLife = Duration.ofSeconds(settings.warmupSeconds() + settings.durationSeconds() + 120L);
    LiveSubscriber live = LiveSubscriber.start(operatorChannel, operator, 0, streamLife);

    System.out.printf("event latency: %d reports/s for %d s after %d s warm-up, %d sensors, %d cores%n",
        settings.rate(), settings.durationSeconds(), settings.warmupSeconds(), device.sensorCount(),
        Runtime.getRuntime().availableProcessors());
    if (settings.warmupReports() > 0) {
      // the warm-up's backlog (cold JIT on 2 cores) drains before the measured schedule starts
      SentReports warmup = device.sendAtRate(settings.warmupReports(), settings.rate());
      live.awaitSeq(warmup.highestSeq(), STRAGGLER_WAIT);
    }
    SentReports sent = device.sendAtRate(settings.measuredReports(), settings.rate());
    boolean caughtUp = live.awaitSeq(sent.highestSeq(), STRAGGLER_WAIT);
    printLatencies(settings, sent, live, caughtUp);
    if (settings.timeline()) {
      printTimeline(sent);
    }

    live.disconnect();
    long resumeFrom = live.lastSeq();
    DeviceClient.Appended appended = device.appendAsFastAsPossible(settings.catchUpEvents(), CATCH_UP_IN_FLIGHT);
    System.out.printf("append while away: %d acked, %d failed, %.0f reports/s (%d in flight)%n",
        appended.acked(), appended.failed(), appended.perSecond(), CATCH_UP_IN_FLIGHT);
    long start = System.nanoTime();
    LiveSubscriber resumed = LiveSubscriber.start(operatorChannel, operator, resumeFrom, Duration.ofMinutes(5));
    boolean complete = resumed.awaitSeq(appended.highestSeq(), Duration.ofMinutes(2));
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("resume catch-up from seq %d: %d of %d events in %.3f s = %.0f events/s, gaps %d%s%n",
        resumeFrom, resumed.received(), appended.highestSeq() - resumeFrom, seconds,
        resumed.received() / seconds, resumed.gaps(), complete ? "" : " (INCOMPLETE)");
    resumed.disconnect();
  }

  private static void printLatencies(BenchSettings settings, SentReports sent, LiveSubscriber live,
      boolean caughtUp) {
    LatencySummary ack = new LatencySummary("commit-ack (Report RTT)");
    LatencySummary delivery = new LatencySummary("device-to-subscriber");
    int failed = 0;
    int lost = 0;
    for (int i = 0; i < sent.count(); i++) {
      if (!sent.isAcked(i)) {
        failed++;
        continue;
      }
      ack.record(sent.ackedNanos(i) - sent.scheduledNanos(i));
      Long arrived = live.arrivedNanos(sent.seq(i));
      if (arrived == null) {
        lost++;
      } else {
        delivery.record(arrived - sent.scheduledNanos(i));
      }
    }
    double sendSeconds = (sent.sendingEndedNanos() - sent.scheduledNanos(0)) / 1e9;
    int measured = sent.count();
    System.out.println(ack.line());
    System.out.println(delivery.line());
    System.out.printf("sent %d, acked %d, failed %d, received %d, lost (acked but not received) %d%s%n",
        measured, measured - failed, failed, delivery.count(), lost,
        caughtUp ? "" : " (subscriber did not reach the last acked seq)");
    System.out.printf("achieved rate %.1f reports/s (target %d), stream gaps %d%n", measured / sendSeconds,
        settings.rate(), live.gaps());
  }

  /** The worst commit-ack latency of each second of the schedule, to see when stalls happened. */
  private static void printTimeline(SentReports sent) {
    long start = sent.scheduledNanos(0);
    long[] worst = new long[(int) TimeUnit.NANOSECONDS.toSeconds(sent.scheduledNanos(sent.count() - 1) - start) + 1];
    for (int i = 0; i < sent.count(); i++) {
      if (sent.isAcked(i)) {
        int second = (int) TimeUnit.NANOSECONDS.toSeconds(sent.scheduledNanos(i) - start);
        worst[second] = Math.max(worst[second], sent.ackedNanos(i) - sent.scheduledNanos(i));
      }
    }
    for (int second = 0; second < worst.length; second++) {
      System.out.printf("  second %3d: worst commit-ack %.1f ms%n", second, worst[second] / 1e6);
    }
  }

  private static ManagedChannel loopback(int port) {
    return ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
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
