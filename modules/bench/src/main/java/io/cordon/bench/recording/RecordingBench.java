package io.cordon.bench.recording;

import io.cordon.media.record.DirectorySegmentCatalog;
import io.cordon.media.record.RecordedSegment;
import io.cordon.media.record.RecordingSettings;
import io.cordon.media.record.Recordings;
import io.cordon.media.record.SegmentCatalog;
import io.cordon.media.record.SegmentFiles;
import io.cordon.media.relay.MediaRelay;
import io.cordon.media.relay.RelayConfig;
import io.cordon.media.source.CameraStream;
import io.cordon.media.source.StaticCameraStreamSource;
import io.cordon.media.source.StreamKey;
import io.cordon.media.source.StreamProfile;
import io.cordon.simulator.camera.TestCamera;
import io.cordon.simulator.camera.TestCameraServer;
import io.cordon.simulator.camera.TestStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

/**
 * Recording of 16 cameras at once (issue 9 point 8): RTSP test cameras on loopback (one cvlc each, as the wall
 * bench), the real media relay pulling each once with ffmpeg, and the real recorder writing every stream in
 * segments. Reports the relay JVM's CPU (by thread group: pull readers, recorder writers…), the ffmpeg pulls'
 * CPU, what was written to disk per second (segment bytes and the kernel's write_bytes of this process), segments
 * closed, and gaps between consecutive segments of a camera.
 *
 * <p>Arguments {@code key=value}: cameras (16), seconds (120), warmup (15), segment (PT20S: shorter than the
 * production minute so several close within the run), profile (main|sub), dir (a temp dir; deleted unless
 * keep=true). Run: {@code ./mvnw -q -o -pl modules/bench exec:exec@recording -Dbench.args="cameras=16 seconds=120"}.
 */
public final class RecordingBench {
  private static final Duration GAP = Duration.ofSeconds(1);

  private RecordingBench() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new TreeMap<>();
    for (String arg : args) {
      String[] kv = arg.split("=", 2);
      options.put(kv[0], kv.length > 1 ? kv[1] : "");
    }
    int count = Integer.parseInt(options.getOrDefault("cameras", "16"));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "120"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "15"));
    Duration segment = Duration.parse(options.getOrDefault("segment", "PT20S"));
    TestStream stream = TestStream.valueOf(options.getOrDefault("profile", "main").toUpperCase(Locale.ROOT));
    StreamProfile profile = stream == TestStream.MAIN ? StreamProfile.MAIN : StreamProfile.SUB;
    Path dir = options.containsKey("dir") ? Path.of(options.get("dir")) : Files.createTempDirectory("cordon-rec-bench");
    boolean keep = Boolean.parseBoolean(options.getOrDefault("keep", "false"));

    List<TestCamera> cameras = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      cameras.add(new TestCamera(String.format(Locale.ROOT, "REC-%02d", i), String.format(Locale.ROOT, "录像基准 %02d", i)));
    }
    TestCameraServer server = TestCameraServer.start(cameras);
    try {
      if (server.problem().isPresent()) {
        System.out.println("recording bench cannot run: " + server.problem().get());
        return;
      }
      List<CameraStream> streams = new ArrayList<>();
      Set<StreamKey> keys = new HashSet<>();
      for (TestCamera camera : cameras) {
        streams.add(CameraStream.of(camera.id(), profile, server.url(camera.id(), stream).orElseThrow()));
        keys.add(new StreamKey(camera.id(), profile));
      }
      byte[] secret = "recording-bench-secret-0123456789".getBytes(StandardCharsets.UTF_8);
      Path root = dir.resolve("recordings");
      Counting catalog = new Counting(DirectorySegmentCatalog.scan(new SegmentFiles(root)));
      try (MediaRelay relay = MediaRelay.start(RelayConfig.defaults(secret), new StaticCameraStreamSource(streams))) {
        Recordings recordings = relay.startRecording(RecordingSettings.defaults(root).withSegmentLength(segment),
            catalog, Clock.systemUTC());
        System.out.printf(Locale.ROOT, "recording bench: %d cameras %s %dx%d over RTSP/UDP from VLC, segments %s,"
                + " %d cores, load %s, into %s%n", count, profile.urlName(), stream.width(), stream.height(), segment,
            Runtime.getRuntime().availableProcessors(), loadAverage(), root);
        recordings.record(keys);
        Thread.sleep(warmup * 1000L);
        measure(relay, catalog, root, count, seconds);
      }
    } finally {
      server.close();
      if (!keep) {
        deleteTree(dir);
      }
    }
  }

  private static void measure(MediaRelay relay, Counting catalog, Path root, int count, int seconds)
      throws Exception {
    Map<String, Long> threadsBefore = cpuByThreadGroup();
    long cpuBefore = processCpuNanos();
    long ffmpegBefore = ffmpegCpuTicks();
    long diskBefore = writeBytes();
    long filesBefore = treeBytes(root);
    int closedBefore = catalog.closed.size();
    Instant from = Instant.now();
    long start = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    double wall = (System.nanoTime() - start) / 1e9;
    double jvmCores = (processCpuNanos() - cpuBefore) / 1e9 / wall;
    double ffmpegCores = (ffmpegCpuTicks() - ffmpegBefore) / 100.0 / wall;
    long disk = writeBytes() - diskBefore;
    long files = treeBytes(root) - filesBefore;
    Map<String, Long> threads = cpuByThreadGroup();
    List<RecordedSegment> all = new ArrayList<>(catalog.closed);
    List<RecordedSegment> closed = all.subList(Math.min(closedBefore, all.size()), all.size());

    System.out.printf(Locale.ROOT, "relay JVM %.1f %% of a core; by thread group:%n", jvmCores * 100);
    threads.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - threadsBefore.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > wall * 1e9 * 0.005)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> System.out.printf(Locale.ROOT, "  %-28s %5.1f %%%n", e.getKey(), e.getValue() / 1e9 / wall * 100));
    System.out.printf(Locale.ROOT, "ffmpeg pulls (%d processes) %.1f %% of a core%n", count, ffmpegCores * 100);
    System.out.printf(Locale.ROOT, "written: files grew %.2f MB/s (%.0f kB/s per camera), kernel write_bytes %.2f MB/s%n",
        files / wall / 1e6, files / wall / 1e3 / count, disk / wall / 1e6);
    Map<String, List<RecordedSegment>> byCamera = new TreeMap<>();
    catalog.closed.forEach(s -> byCamera.computeIfAbsent(s.cameraId(), c -> new ArrayList<>()).add(s));
    int gaps = 0;
    Duration worstGap = Duration.ZERO;
    for (List<RecordedSegment> segments : byCamera.values()) {
      segments.sort(Comparator.comparing(RecordedSegment::start));
      for (int i = 1; i < segments.size(); i++) {
        Duration gap = Duration.between(segments.get(i - 1).end(), segments.get(i).start());
        if (gap.compareTo(GAP) > 0) {
          gaps++;
        }
        worstGap = gap.compareTo(worstGap) > 0 ? gap : worstGap;
      }
    }
    double meanSeconds = closed.stream().mapToLong(s -> Duration.between(s.start(), s.end()).toMillis()).average()
        .orElse(0) / 1000;
    System.out.printf(Locale.ROOT, "segments closed during the run: %d (%d cameras with segments; mean %.1f s);"
        + " gaps > %d s between consecutive segments: %d (largest %d ms); pulls %s%n", closed.size(), byCamera.size(),
        meanSeconds, GAP.toSeconds(), gaps, worstGap.toMillis(), relay.health().stream()
            .map(h -> h.state().toString()).collect(java.util.stream.Collectors.groupingBy(s -> s,
                TreeMap::new, java.util.stream.Collectors.counting())));
    System.out.printf(Locale.ROOT, "SUMMARY recording: %d cameras for %.0f s: relay JVM %.1f %% of a core, ffmpeg %.1f %%,"
            + " disk %.2f MB/s (%d segments closed, %d gaps) since %s%n", count, wall, jvmCores * 100, ffmpegCores * 100,
        files / wall / 1e6, closed.size(), gaps, from);
  }

  /** Counts what the recorder indexes. */
  private static final class Counting implements SegmentCatalog {
    private final SegmentCatalog delegate;
    final ConcurrentLinkedQueue<RecordedSegment> closed = new ConcurrentLinkedQueue<>();

    Counting(SegmentCatalog delegate) {
      this.delegate = delegate;
    }

    @Override
    public void recorded(RecordedSegment segment) {
      closed.add(segment);
      delegate.recorded(segment);
    }

    @Override
    public List<RecordedSegment> segments(String cameraId, StreamProfile profile, Instant from, Instant to) {
      return delegate.segments(cameraId, profile, from, to);
    }

    @Override
    public List<String> cameras() {
      return delegate.cameras();
    }

    @Override
    public List<RecordedSegment> expired(String cameraId, Instant endedBefore, int limit) {
      return delegate.expired(cameraId, endedBefore, limit);
    }

    @Override
    public List<RecordedSegment> oldestUnprotected(int limit) {
      return delegate.oldestUnprotected(limit);
    }

    @Override
    public long protectedCount() {
      return delegate.protectedCount();
    }

    @Override
    public void removed(RecordedSegment segment) {
      delegate.removed(segment);
    }
  }

  /** CPU nanoseconds of this JVM's live threads, summed by name without the trailing number. */
  private static Map<String, Long> cpuByThreadGroup() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Map<String, Long> out = new HashMap<>();
    for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (info != null) {
        long cpu = mx.getThreadCpuTime(info.getThreadId());
        if (cpu > 0) {
          out.merge(group(info.getThreadName()), cpu, Long::sum);
        }
      }
    }
    return out;
  }

  private static String group(String name) {
    String g = name.replaceAll("REC-\\d+", "REC-*");
    int end = g.length();
    while (end > 0 && (Character.isDigit(g.charAt(end - 1)) || g.charAt(end - 1) == '-')) {
      end--;
    }
    return end == 0 ? g : g.substring(0, end);
  }

  private static long processCpuNanos() {
    return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
  }

  /** User + system clock ticks of this process's ffmpeg children (Linux /proc). */
  private static long ffmpegCpuTicks() {
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

  /** Bytes this process caused to be written to storage ({@code /proc/self/io write_bytes}), -1 if unknown. */
  private static long writeBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
        if (line.startsWith("write_bytes:")) {
          return Long.parseLong(line.substring(12).trim());
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return -1;
  }

  private static long treeBytes(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return 0;
    }
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0; // renamed while walking
        }
      }).sum();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "?";
    }
  }
}
