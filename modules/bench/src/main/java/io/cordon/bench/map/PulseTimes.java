package io.cordon.bench.map;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;

/**
 * The cost of every JavaFX pulse, from JavaFX's own instrumentation: JavaFX emits a JFR event
 * {@code javafx.PulsePhase} per phase of each pulse (its {@code JFRPulseLogger}, the same hooks as
 * the text pulse logger {@code -Djavafx.pulseLogger=true}), on the FX thread ("Pulse start" — which
 * runs the animation timers, i.e. our layers' {@code frame} —, "CSS Pass", "Layout Pass", "Update
 * bounds", "Waiting for previous rendering", "Copy state to render graph") and on the QuantumRenderer
 * thread ("Painting", "Presenting"), all tagged with the pulse number. The logger is only installed
 * when Flight Recorder is already running as the toolkit starts, so {@link #start()} must come first.
 *
 * <p>A frame's time is the work of its pulse: FX-thread phases plus render-thread phases, without
 * "Waiting for previous rendering" (that is the previous frame's rendering, already counted there).
 * Pulses that rendered nothing are counted but are not frames. Events arrive from the JFR stream
 * about once a second; a pulse is closed once a pulse 120 numbers later was seen.
 */
final class PulseTimes implements AutoCloseable {
  static final String EVENT = "javafx.PulsePhase";
  private static final String WAITING = "Waiting for previous rendering";
  private static final int CLOSE_LAG = 120;

  /** One rendered pulse: when it started, its FX-thread and render-thread work in nanoseconds. */
  record Frame(int pulse, Instant start, long fxNanos, long renderNanos) {
    long totalNanos() {
      return fxNanos + renderNanos;
    }
  }

  private final RecordingStream stream = new RecordingStream();
  private final Map<Integer, Pulse> open = new HashMap<>();
  private final ConcurrentLinkedQueue<Frame> frames = new ConcurrentLinkedQueue<>();
  private volatile long emptyPulses;
  private int highest;

  private PulseTimes() {}

  /** Starts recording; call before the JavaFX toolkit starts. */
  static PulseTimes start() {
    PulseTimes times = new PulseTimes();
    times.stream.enable(EVENT).withoutThreshold().withoutStackTrace();
    times.stream.onEvent(EVENT, times::onPhase);
    times.stream.startAsync();
    return times;
  }

  private void onPhase(RecordedEvent event) {
    int id = event.getInt("pulseId");
    if (id <= 0) {
      return;
    }
    String phase = event.getString("phaseName");
    boolean render = event.getThread() != null && event.getThread().getJavaName() != null
        && event.getThread().getJavaName().startsWith("QuantumRenderer");
    Pulse pulse = open.computeIfAbsent(id, k -> new Pulse());
    long nanos = event.getDuration().toNanos();
    if (render) {
      pulse.render += nanos;
      pulse.rendered = true;
    } else if (!WAITING.equals(phase)) {
      pulse.fx += nanos;
    }
    if (pulse.start == null || event.getStartTime().isBefore(pulse.start)) {
      pulse.start = event.getStartTime();
    }
    if (id > highest) {
      highest = id;
      closeBefore(id - CLOSE_LAG);
    }
  }

  private void closeBefore(int limit) {
    for (Iterator<Map.Entry<Integer, Pulse>> it = open.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Integer, Pulse> e = it.next();
      if (e.getKey() < limit) {
        Pulse p = e.getValue();
        if (p.rendered) {
          frames.add(new Frame(e.getKey(), p.start, p.fx, p.render));
        } else {
          emptyPulses++;
        }
        it.remove();
      }
    }
  }

  /** The frames closed since the last call. */
  List<Frame> drain() {
    List<Frame> out = new ArrayList<>();
    for (Frame f; (f = frames.poll()) != null; ) {
      out.add(f);
    }
    return out;
  }

  long emptyPulses() {
    return emptyPulses;
  }

  /** Waits for the stream to deliver what was recorded, then closes every pulse still open. */
  void flush() throws InterruptedException {
    Thread.sleep(2500);
    stream.onFlush(() -> closeBefore(Integer.MAX_VALUE));
    Thread.sleep(1500);
  }

  @Override
  public void close() {
    stream.close();
  }

  private static final class Pulse {
    Instant start;
    long fx;
    long render;
    boolean rendered;
  }
}
