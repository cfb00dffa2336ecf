package io.cordon.bench.track;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of this JVM's threads, summed by thread group name (the name without its trailing
 * number): what each stage costs per position, which a busy machine disturbs far less than
 * positions per second.
 */
final class ThreadCpu {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final Map<Long, Long> cpuById = new HashMap<>();
  private final Map<Long, String> groupById = new HashMap<>();

  private ThreadCpu() {
  }

  static ThreadCpu now() {
    ThreadCpu snapshot = new ThreadCpu();
    for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long cpu = THREADS.getThreadCpuTime(info.getThreadId());
      if (cpu >= 0) {
        snapshot.cpuById.put(info.getThreadId(), cpu);
        snapshot.groupById.put(info.getThreadId(), group(info.getThreadName()));
      }
    }
    return snapshot;
  }

  /** Nanoseconds of CPU per group spent since {@code earlier}, for threads alive at both. */
  Map<String, Long> since(ThreadCpu earlier) {
    Map<String, Long> byGroup = new TreeMap<>();
    cpuById.forEach((id, cpu) -> {
      long before = earlier.cpuById.getOrDefault(id, 0L);
      byGroup.merge(groupById.get(id), cpu - before, Long::sum);
    });
    return byGroup;
  }

  static String group(String threadName) {
    String name = threadName.startsWith("MVStore background writer") ? "MVStore background writer" : threadName;
    int end = name.length();
    while (end > 0 && (Character.isDigit(name.charAt(end - 1)) || name.charAt(end - 1) == '-')) {
      end--;
    }
    return end == 0 ? name : name.substring(0, end);
  }
}
