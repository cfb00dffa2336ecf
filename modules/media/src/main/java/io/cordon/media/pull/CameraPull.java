package io.cordon.media.pull;

import io.cordon.media.source.CameraStream;
import io.cordon.media.ts.TsAligner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls one camera stream with one ffmpeg child ({@code -c copy}, no transcoding) and hands the MPEG-TS to a
 * {@link TsSink}. Supervised: when ffmpeg exits or stalls it is restarted after an exponential backoff.
 * Everything logged or reported goes through {@link CameraStream#mask(String)}, so camera logins never leak.
 */
public final class CameraPull implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CameraPull.class);
  /** Attempts in a row without data before the state reads FAILED. */
  private static final int FAILED_AFTER = 3;

  private final CameraStream stream;
  private final PullSettings settings;
  private final TsSink sink;
  private final ScheduledExecutorService scheduler;
  private final Object lock = new Object();
  private final Thread supervisor;

  private volatile PullState state = PullState.STARTING;
  private volatile String reason;
  private volatile String lastMessage;
  private volatile String stallReason;
  private volatile long lastDataNanos;
  private volatile Instant lastDataAt;
  private volatile long attemptStartNanos;
  private volatile long restarts;
  private volatile Process process;
  private volatile boolean stopped;
  private volatile FfmpegProgress progress = new FfmpegProgress();
  private volatile long bitrateBps;
  private long meterBytes;
  private long meterStartNanos;
  private ScheduledFuture<?> watchdog;

  public CameraPull(CameraStream stream, PullSettings settings, TsSink sink, ScheduledExecutorService scheduler) {
    this.stream = stream;
    this.settings = settings;
    this.sink = sink;
    this.scheduler = scheduler;
    this.supervisor = new Thread(this::supervise, "pull-" + stream.cameraId() + "-" + stream.profile().urlName());
    this.supervisor.setDaemon(true);
  }

  public CameraStream stream() {
    return stream;
  }

  public void start() {
    long period = Math.max(100, settings.stallTimeout().toMillis() / 4);
    watchdog = scheduler.scheduleAtFixedRate(this::checkStall, period, period, TimeUnit.MILLISECONDS);
    supervisor.start();
    LOG.info("pull {} started", stream);
  }

  public PullHealth health() {
    boolean fresh = lastDataNanos != 0 && System.nanoTime() - lastDataNanos < 2_000_000_000L;
    return new PullHealth(stream.cameraId(), stream.profile(), state, Optional.ofNullable(reason),
        state == PullState.LIVE ? progress.fps() : 0, fresh ? bitrateBps : 0, Optional.ofNullable(lastDataAt),
        restarts, 0, false);
  }

  /** The running ffmpeg child, if any (tests check it is gone after close). */
  public Optional<ProcessHandle> process() {
    Process p = process;
    return p == null ? Optional.empty() : Optional.of(p.toHandle());
  }

  private void supervise() {
    Duration delay = settings.backoffMin();
    int emptyAttempts = 0;
    while (!stopped) {
      boolean gotData = runOnce();
      if (stopped) {
        break;
      }
      restarts++;
      emptyAttempts = gotData ? 0 : emptyAttempts + 1;
      if (gotData) {
        delay = settings.backoffMin();
      }
      state = emptyAttempts >= FAILED_AFTER ? PullState.FAILED : PullState.RESTARTING;
      LOG.warn("pull {} {}: {}; retrying in {} ms", stream, state.name().toLowerCase(java.util.Locale.ROOT), reason,
          delay.toMillis());
      sleep(delay);
      if (!gotData) {
        delay = delay.multipliedBy(2).compareTo(settings.backoffMax()) > 0 ? settings.backoffMax() : delay.multipliedBy(2);
      }
    }
    state = PullState.STOPPED;
  }

  /** Runs one ffmpeg until it exits; true when it delivered data. */
  private boolean runOnce() {
    Process p;
    progress = new FfmpegProgress();
    lastMessage = null;
    stallReason = null;
    try {
      ProcessBuilder builder = new ProcessBuilder(FfmpegCommand.of(settings, stream));
      synchronized (lock) {
        if (stopped) {
          return false;
        }
        attemptStartNanos = System.nanoTime();
        p = builder.start();
        process = p;
      }
    } catch (IOException e) {
      reason = "cannot run " + settings.ffmpeg() + ": " + stream.mask(e.getMessage());
      return false;
    }
    try {
      p.getOutputStream().close();
    } catch (IOException ignored) {
      // ffmpeg runs with -nostdin anyway
    }
    sink.onRestart();
    Thread stderr = new Thread(() -> readStderr(p), supervisor.getName() + "-stderr");
    stderr.setDaemon(true);
    stderr.start();
    boolean gotData = readStdout(p.getInputStream());
    try {
      if (!p.waitFor(2, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
      }
      stderr.join(1000);
      if (!stopped) {
        reason = stallReason != null ? stallReason
            : lastMessage != null ? lastMessage + " (ffmpeg exit code " + p.exitValue() + ")"
            : "ffmpeg exited with code " + p.exitValue();
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    return gotData;
  }

  private boolean readStdout(InputStream in) {
    TsAligner aligner = new TsAligner();
    byte[] buf = new byte[188 * 64];
    boolean gotData = false;
    meterStartNanos = System.nanoTime();
    meterBytes = 0;
    try {
      int n;
      while ((n = in.read(buf)) > 0) {
        byte[] packets = aligner.accept(buf, n);
        if (packets.length == 0) {
          continue;
        }
        long now = System.nanoTime();
        lastDataNanos = now;
        lastDataAt = Instant.now();
        if (!gotData) {
          gotData = true;
          reason = null;
          state = PullState.LIVE;
          LOG.info("pull {} live after {} ms", stream, (now - attemptStartNanos) / 1_000_000);
        }
        meter(packets.length, now);
        sink.onPackets(packets);
      }
    } catch (IOException e) {
      if (!stopped) {
        lastMessage = "reading ffmpeg output failed: " + stream.mask(e.getMessage());
      }
    } catch (RuntimeException e) {
      lastMessage = "relaying failed: " + stream.mask(String.valueOf(e.getMessage()));
      LOG.error("pull {} sink failed", stream, e);
      process.destroy();
    }
    return gotData;
  }

  private void meter(int bytes, long now) {
    meterBytes += bytes;
    long elapsed = now - meterStartNanos;
    if (elapsed >= 1_000_000_000L) {
      bitrateBps = meterBytes * 8 * 1_000_000_000L / elapsed;
      meterBytes = 0;
      meterStartNanos = now;
    }
  }

  private void readStderr(Process p) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (progress.accept(line, System.nanoTime()) || line.isBlank()) {
          continue;
        }
        String safe = stream.mask(line.trim());
        lastMessage = safe;
        LOG.debug("ffmpeg {}: {}", stream, safe);
      }
    } catch (IOException ignored) {
      // the process is gone
    }
  }

  private void checkStall() {
    Process p = process;
    if (stopped || p == null || !p.isAlive()) {
      return;
    }
    long since = Math.max(lastDataNanos, attemptStartNanos);
    long silentNanos = System.nanoTime() - since;
    if (silentNanos > settings.stallTimeout().toNanos()) {
      stallReason = "no data for " + silentNanos / 1_000_000 + " ms";
      LOG.warn("pull {} stalled: {}; killing ffmpeg", stream, stallReason);
      p.destroyForcibly();
    }
  }

  private void sleep(Duration delay) {
    synchronized (lock) {
      long end = System.nanoTime() + delay.toNanos();
      long left;
      while (!stopped && (left = end - System.nanoTime()) > 0) {
        try {
          TimeUnit.NANOSECONDS.timedWait(lock, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Stops the pull and waits until its ffmpeg is gone. Idempotent. */
  @Override
  public void close() {
    Process p;
    synchronized (lock) {
      if (stopped) {
        return;
      }
      stopped = true;
      p = process;
      lock.notifyAll();
    }
    if (watchdog != null) {
      watchdog.cancel(false);
    }
    if (p != null) {
      p.destroy();
      try {
        if (!p.waitFor(3, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    try {
      supervisor.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    state = PullState.STOPPED;
    LOG.info("pull {} stopped", stream);
  }
}
