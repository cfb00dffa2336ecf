package io.cordon.bench.map;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time the FX and render threads used over the run. On a shared 2-core machine wall-clock frame
 * times include waiting for a core; CPU time per frame does not, so it tells our cost apart from
 * the neighbours' load.
 */
final class ThreadCpu {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private final long fxId;
  private final long renderId;
  private final long fxStart;
  private final long renderStart;

  private ThreadCpu(long fxId, long renderId) {
    this.fxId = fxId;
    this.renderId = renderId;
    this.fxStart = THREADS.getThreadCpuTime(fxId);
    this.renderStart = THREADS.getThreadCpuTime(renderId);
  }

  static ThreadCpu start() {
    long fx = -1;
    long render = -1;
    for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      if (info.getThreadName().equals("JavaFX Application Thread")) {
        fx = info.getThreadId();
      } else if (info.getThreadName().startsWith("QuantumRenderer")) {
        render = info.getThreadId();
      }
    }
    return new ThreadCpu(fx, render);
  }

  /** FX-thread and render-thread CPU milliseconds since {@link #start()}. */
  double[] millis() {
    return new double[] {
        (THREADS.getThreadCpuTime(fxId) - fxStart) / 1e6, (THREADS.getThreadCpuTime(renderId) - renderStart) / 1e6};
  }
}
