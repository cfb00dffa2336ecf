package io.cordon.bench.video;

import io.cordon.media.relay.MediaRelay;
import io.cordon.media.relay.RelayConfig;
import io.cordon.media.source.CameraStream;
import io.cordon.media.source.StaticCameraStreamSource;
import io.cordon.media.source.StreamProfile;
import io.cordon.simulator.camera.CameraTools;
import io.cordon.simulator.camera.TestCamera;
import io.cordon.simulator.camera.TestCameraServer;
import io.cordon.simulator.camera.TestStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The media relay on loopback (issue 5 point 11): time from a viewer's request to the first TS bytes
 * and the first key frame, cold (the relay must start ffmpeg and pull the camera) and warm (joining a
 * running pull), then one camera fanned out to N viewers: bytes/s per viewer and the CPU of the relay
 * JVM and of ffmpeg. A real RTSP test camera (VLC, 1 s key-frame interval) feeds it.
 *
 * <p>Arguments {@code key=value}: opens (10 cold and 10 warm opens), viewers (20), seconds (20),
 * profile (main|sub). Run: {@code ./mvnw -q -o -pl modules/bench exec:exec@relay -Dbench.args="viewers=20"}.
 */
public final class RelayBench {

  private RelayBench() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new TreeMap<>();
    for (String arg : args) {
      String[] kv = arg.split("=", 2);
      options.put(kv[0], kv.length > 1 ? kv[1] : "");
    }
    int opens = Integer.parseInt(options.getOrDefault("opens", "10"));
    int viewers = Integer.parseInt(options.getOrDefault("viewers", "20"));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
    TestStream stream = TestStream.valueOf(options.getOrDefault("profile", "main").toUpperCase());
    StreamProfile profile = stream == TestStream.MAIN ? StreamProfile.MAIN : StreamProfile.SUB;

    CameraTools tools = CameraTools.detect();
    if (tools.problem().isPresent()) {
      System.out.println("relay bench cannot run: " + tools.problem().get());
      return;
    }
    TestCamera camera = new TestCamera("CAM-BENCH", "基准测试相机");
    try (Closer cameras = new Closer(TestCameraServer.start(List.of(camera)))) {
      CameraStream source = CameraStream.of(camera.id(), profile, cameras.server.url(camera.id(), stream).orElseThrow());
      byte[] secret = "relay-bench-secret-0123456789".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      // no linger: every cold open really starts ffmpeg
      try (MediaRelay relay = MediaRelay.start(RelayConfig.defaults(secret).withLinger(Duration.ZERO),
          new StaticCameraStreamSource(List.of(source)))) {
        System.out.printf("relay bench: camera %s %s %dx%d over RTSP/UDP from VLC, %d cores, load %s%n",
            camera.id(), profile.urlName(), stream.width(), stream.height(),
            Runtime.getRuntime().availableProcessors(), loadAverage());
        Histogram coldKey = coldAndWarm(relay, camera.id(), profile, opens);
        fanOut(relay, camera.id(), profile, viewers, seconds, coldKey);
      }
    }
  }

  private static Histogram coldAndWarm(MediaRelay relay, String cameraId, StreamProfile profile, int opens)
      throws InterruptedException {
    Histogram coldBytes = new Histogram(3);
    Histogram coldKey = new Histogram(3);
    Histogram warmBytes = new Histogram(3);
    Histogram warmKey = new Histogram(3);
    for (int i = 0; i < opens; i++) {
      awaitNoPull(relay, cameraId, profile);
      try (TsReader first = new TsReader(relay.liveUrl(cameraId, profile, "bench", Duration.ofMinutes(1)))) {
        awaitKeyFrame(first);
        record(coldBytes, first.firstBytesMillis());
        record(coldKey, first.firstKeyFrameMillis());
        Thread.sleep(1500); // the pull is live now; a second viewer joins it
        try (TsReader joiner = new TsReader(relay.liveUrl(cameraId, profile, "bench", Duration.ofMinutes(1)))) {
          awaitKeyFrame(joiner);
          record(warmBytes, joiner.firstBytesMillis());
          record(warmKey, joiner.firstKeyFrameMillis());
        }
      }
    }
    print("cold open -> first TS bytes", coldBytes);
    print("cold open -> first key frame", coldKey);
    print("warm join -> first TS bytes", warmBytes);
    print("warm join -> first key frame", warmKey);
    return coldKey;
  }

  private static void fanOut(MediaRelay relay, String cameraId, StreamProfile profile, int viewers, int seconds,
      Histogram coldKey) throws Exception {
    List<TsReader> readers = new ArrayList<>();
    for (int i = 0; i < viewers; i++) {
      readers.add(new TsReader(relay.liveUrl(cameraId, profile, "bench-" + i, Duration.ofMinutes(1))));
    }
    Thread.sleep(3000);
    long[] before = readers.stream().mapToLong(TsReader::bytes).toArray();
    long cpuBefore = processCpuNanos();
    long ffmpegBefore = descendantsCpuTicks();
    long start = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    double wall = (System.nanoTime() - start) / 1e9;
    double jvmCores = (processCpuNanos() - cpuBefore) / 1e9 / wall;
    double ffmpegCores = (descendantsCpuTicks() - ffmpegBefore) / 100.0 / wall;
    double min = Double.MAX_VALUE;
    double max = 0;
    double sum = 0;
    for (int i = 0; i < readers.size(); i++) {
      double rate = (readers.get(i).bytes() - before[i]) / wall;
      min = Math.min(min, rate);
      max = Math.max(max, rate);
      sum += rate;
    }
    String health = relay.health().toString();
    readers.forEach(TsReader::close);
    System.out.printf("fan-out to %d viewers for %.0f s: per viewer min %.0f / mean %.0f / max %.0f kB/s;"
            + " relay JVM (viewers' readers included) %.1f %% of a core, ffmpeg %.1f %%; health %s%n",
        viewers, wall, min / 1e3, sum / readers.size() / 1e3, max / 1e3, jvmCores * 100, ffmpegCores * 100,
        health);
    System.out.printf("SUMMARY relay: cold open to first key frame p50 %.0f ms, p90 %.0f ms, max %.0f ms (n=%d);"
        + " fan-out %d viewers mean %.0f kB/s each, relay JVM %.1f %% of a core, ffmpeg %.1f %%%n",
        coldKey.getValueAtPercentile(50) / 1e3, coldKey.getValueAtPercentile(90) / 1e3, coldKey.getMaxValue() / 1e3,
        coldKey.getTotalCount(), viewers, sum / readers.size() / 1e3, jvmCores * 100, ffmpegCores * 100);
  }

  private static void awaitNoPull(MediaRelay relay, String cameraId, StreamProfile profile)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (relay.pull(cameraId, profile).isPresent() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  private static void awaitKeyFrame(TsReader reader) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (reader.firstKeyFrameMillis() < 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
  }

  private static void record(Histogram histogram, double millis) {
    if (millis >= 0) {
      histogram.recordValue(Math.round(millis * 1000));
    }
  }

  private static void print(String what, Histogram micros) {
    System.out.printf("%-30s n=%d p50=%.0f p90=%.0f max=%.0f ms%n", what, micros.getTotalCount(),
        micros.getValueAtPercentile(50) / 1e3, micros.getValueAtPercentile(90) / 1e3, micros.getMaxValue() / 1e3);
  }

  private static long processCpuNanos() {
    return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
  }

  /** User + system clock ticks of this process's ffmpeg children (Linux /proc). */
  private static long descendantsCpuTicks() {
    return ProcessHandle.current().descendants()
        .filter(p -> p.info().command().map(c -> c.endsWith("ffmpeg")).orElse(false))
        .mapToLong(p -> {
          try {
            String[] f = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat")).split("\\) ", 2)[1]
                .split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
          } catch (Exception e) {
            return 0;
          }
        }).sum();
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (Exception e) {
      return "?";
    }
  }

  /** Closes the test camera server (its close may be interrupted). */
  private record Closer(TestCameraServer server) implements AutoCloseable {
    @Override
    public void close() throws InterruptedException {
      server.close();
    }
  }
}
