package io.cordon.bench.wall;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * CPU of this JVM (the wall: JavaFX, libVLC's decoders, the relay's fan-out), of its child processes grouped
 * by name (ffmpeg: the relay's pulls; vlc: the test cameras) and of the X server of our display (it takes
 * every frame JavaFX's software pipeline puts on screen), as shares of all cores over a window. From /proc
 * (Linux); a child that ends inside the window loses its last ticks.
 */
final class CpuMeter {
  /** USER_HZ: /proc/PID/stat counts clock ticks of 1/100 s on Linux. */
  private static final double TICKS_PER_SECOND = 100;
  private static final com.sun.management.OperatingSystemMXBean OS =
      ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);

  private CpuMeter() {
  }

  /** A point in time: this JVM's CPU time and every live descendant's ticks by pid. */
  record Sample(long nanos, long jvmCpuNanos, Map<Long, JvmThread> threads, Map<Long, Child> children,
      long xServerTicks) {
  }

  /** Which part of the JVM a thread works for, and its CPU time so far. */
  record JvmThread(String part, long cpuNanos) {
  }

  record Child(String name, long ticks) {
  }

  /** Shares of all cores (1.0 = every core busy) over a window. */
  record Use(double seconds, double jvm, double fx, double relay, Map<String, Double> children, double xServer) {
    double child(String name) {
      return children.getOrDefault(name, 0.0);
    }
  }

  static Sample sample() {
    Map<Long, Child> children = new HashMap<>();
    ProcessHandle.current().descendants().forEach(p -> readStat(p.pid()).ifPresent(c -> children.put(p.pid(), c)));
    return new Sample(System.nanoTime(), OS.getProcessCpuTime(), threads(), children, xServerTicks());
  }

  /**
   * CPU time of the JVM's threads: "fx" (FX application thread and renderer: layout, software rendering),
   * "relay" (its pull supervisors and Netty loops), "other". libVLC's decoder threads are native, never
   * attached to the JVM: they are in the process total only.
   */
  private static Map<Long, JvmThread> threads() {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    Map<Long, JvmThread> threads = new HashMap<>();
    for (ThreadInfo info : bean.getThreadInfo(bean.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long cpu = bean.getThreadCpuTime(info.getThreadId());
      if (cpu >= 0) {
        threads.put(info.getThreadId(), new JvmThread(part(info.getThreadName()), cpu));
      }
    }
    return threads;
  }

  private static String part(String thread) {
    if (thread.equals("JavaFX Application Thread") || thread.startsWith("QuantumRenderer")) {
      return "fx";
    }
    if (thread.startsWith("pull-") || thread.equals("media-pulls") || thread.startsWith("multiThreadIoEventLoopGroup")) {
      return "relay";
    }
    return "other";
  }

  /** The X server (Xvfb, Xorg) started for {@code $DISPLAY}: its command line names the display, e.g. ":93". */
  private static long xServerTicks() {
    String display = System.getenv("DISPLAY");
    if (display == null || !display.startsWith(":")) {
      return 0;
    }
    String number = display.split("\\.")[0];
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().arguments().map(a -> Arrays.asList(a).contains(number)).orElse(false))
        .map(p -> readStat(p.pid()))
        .flatMap(Optional::stream)
        .filter(c -> c.name().equals("Xvfb") || c.name().equals("Xorg"))
        .mapToLong(Child::ticks).sum();
  }

  static Use between(Sample before, Sample after) {
    double seconds = (after.nanos() - before.nanos()) / 1e9;
    double cores = OS.getAvailableProcessors();
    Map<String, Double> children = new TreeMap<>();
    after.children().forEach((pid, now) -> {
      Child then = before.children().get(pid);
      long ticks = now.ticks() - (then == null ? 0 : then.ticks());
      children.merge(now.name(), ticks / TICKS_PER_SECOND / seconds / cores, Double::sum);
    });
    Map<String, Double> parts = new HashMap<>();
    after.threads().forEach((id, now) -> {
      JvmThread then = before.threads().get(id);
      parts.merge(now.part(), (now.cpuNanos() - (then == null ? 0 : then.cpuNanos())) / 1e9 / seconds / cores,
          Double::sum);
    });
    return new Use(seconds, (after.jvmCpuNanos() - before.jvmCpuNanos()) / 1e9 / seconds / cores,
        parts.getOrDefault("fx", 0.0), parts.getOrDefault("relay", 0.0), children,
        (after.xServerTicks() - before.xServerTicks()) / TICKS_PER_SECOND / seconds / cores);
  }

  /** The process name (comm, e.g. "ffmpeg", "vlc") and utime + stime from /proc/PID/stat. */
  private static Optional<Child> readStat(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      int open = stat.indexOf('(');
      int close = stat.lastIndexOf(')');
      String name = stat.substring(open + 1, close);
      String[] fields = stat.substring(close + 2).split(" ");
      // fields[0] is field 3 (state): utime is field 14, stime field 15
      return Optional.of(new Child(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12])));
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
