package io.cordon.bench.map;

import io.cordon.domain.alarm.Severity;
import io.cordon.domain.park.Camera;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.Sensor;
import io.cordon.map.LayerKind;
import io.cordon.map.MapContext;
import io.cordon.map.ParkMapView;
import io.cordon.map.live.AlarmMarker;
import io.cordon.server.park.ParkFileLoader;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.CacheHint;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.locationtech.jts.geom.Point;

/**
 * Frame time of the park map under live load (DESIGN §13, issue 3 point 8): the full sample park
 * in a {@link ParkMapView} filling a 1920×1080 stage, 2,000 vehicles driving the park's roads with
 * one fix per second each (spread over the second, 5-minute trails), 200 active alarms pulsing,
 * software rendering ({@code prism.order=sw}).
 *
 * <p>How a frame is measured: JavaFX times every phase of every pulse itself and emits the times as
 * JFR events ({@code javafx.PulsePhase}) — the FX-thread part (animation timers, i.e. the layers'
 * {@code frame}, CSS, layout, bounds, copying state to the render graph) and the render-thread part
 * (Painting, Presenting) of the same pulse number; {@link PulseTimes} records them in-process. A
 * frame's time is FX work + render work of its pulse, without the FX thread's wait for the previous
 * frame's rendering. This is the full cost of producing the frame, unlike timing an
 * {@code AnimationTimer} (FX half only) or {@code PerformanceTracker} (frame rate only), and at
 * nanosecond resolution unlike the text pulse logger (whole milliseconds). FPS is rendered pulses
 * per second. Heap is measured after {@code System.gc()} at the start, after every minute and at the
 * end; frames that overlap those forced collections are left out of the statistics.
 *
 * <p>Run (README, Benchmarks):
 * {@code xvfb-run -a -s "-screen 0 1920x1080x24" ./mvnw -q -o -pl modules/bench compile exec:exec@map-frames
 * -Dbench.args="minutes=1"} (or {@code --minutes 1} when run directly); options in
 * {@link MapBenchSettings}.
 */
public final class MapFrameBench {
  private static final int WIDTH = 1920;
  private static final int HEIGHT = 1080;
  private static final Duration GC_GUARD = Duration.ofMillis(100);

  private MapFrameBench() {}

  public static void main(String[] args) throws Exception {
    MapBenchSettings settings = MapBenchSettings.parse(args);
    configureToolkit(settings.headless());
    PulseTimes pulses = PulseTimes.start(); // before the toolkit: JavaFX installs its JFR logger at startup
    Park park = ParkFileLoader.loadSample();
    MapContext context = MapContext.of(park);
    SimulatedFleet fleet = SimulatedFleet.onRoads(park, context.projection(), settings.vehicles(),
        TimeUnit.MINUTES.toMillis(5), 42).prefilled(System.currentTimeMillis());
    List<AlarmMarker> alarms = alarms(park, settings.alarms(), 7);

    CompletableFuture<ParkMapView> shown = new CompletableFuture<>();
    Platform.startup(() -> shown.complete(show(park, fleet, alarms, settings)));
    ParkMapView map = shown.get(30, TimeUnit.SECONDS);
    if (settings.zoom() != 1) {
      Platform.runLater(() -> map.state().moveTo(
          map.viewportProperty().get().zoomAt(settings.zoom(), WIDTH / 2.0, HEIGHT / 2.0)));
    }
    fleet.start();
    System.out.printf("map frames: sample park (%d roads, %d zones, %d cameras, %d sensors), %d vehicles, %d alarms, "
            + "%dx%d, prism.order=%s, %s, layers %s%s, zoom %.1f, %d cores; warm-up %d s, measuring %d s%n",
        park.roads().size(), park.zones().size(), park.cameras().size(), park.sensors().size(), fleet.size(),
        alarms.size(), WIDTH, HEIGHT, System.getProperty("prism.order"),
        settings.headless() ? "Monocle headless" : "display " + System.getenv("DISPLAY"),
        settings.layers().name().toLowerCase(), settings.cachePlan() ? " (plan cached)" : "", settings.zoom(),
        Runtime.getRuntime().availableProcessors(),
        settings.warmupSeconds(), settings.measuredSeconds());

    Thread.sleep(TimeUnit.SECONDS.toMillis(settings.warmupSeconds()));
    List<Instant[]> gcWindows = new ArrayList<>();
    List<Long> heap = new ArrayList<>();
    heap.add(heapAfterGc(gcWindows));
    pulses.drain();
    ThreadCpu cpu = ThreadCpu.start();
    Instant t0 = Instant.now();
    System.out.printf("heap after GC at start: %.1f MB%n", heap.get(0) / 1e6);
    long measured = settings.measuredSeconds();
    for (long s = 60; s < measured + 60; s += 60) {
      long until = Math.min(s, measured);
      sleepUntil(t0.plusSeconds(until));
      heap.add(heapAfterGc(gcWindows));
      System.out.printf("  %4d s: heap after GC %.1f MB%n", until, heap.get(heap.size() - 1) / 1e6);
    }
    Instant end = Instant.now();
    double[] cpuMillis = cpu.millis();
    fleet.close();
    pulses.flush();
    List<PulseTimes.Frame> frames = new ArrayList<>();
    int excluded = 0;
    for (PulseTimes.Frame f : pulses.drain()) {
      if (f.start().isBefore(t0) || f.start().isAfter(end)) {
        continue;
      }
      if (inGcWindow(f.start(), gcWindows)) {
        excluded++;
      } else {
        frames.add(f);
      }
    }
    pulses.close();
    report(frames, excluded, t0, end, heap);
    System.out.printf("   CPU per frame: FX thread %.2f ms, render thread %.2f ms (load average %s)%n",
        cpuMillis[0] / Math.max(1, frames.size() + excluded), cpuMillis[1] / Math.max(1, frames.size() + excluded),
        loadAverage());
    Platform.exit();
    System.exit(0);
  }

  private static void configureToolkit(boolean headless) {
    System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
    if (headless) {
      System.setProperty("glass.platform", "Monocle");
      System.setProperty("monocle.platform", "Headless");
      System.setProperty("headless.geometry", WIDTH + "x" + HEIGHT + "-32");
      System.setProperty("prism.text", System.getProperty("prism.text", "t2k"));
    }
  }

  private static ParkMapView show(Park park, SimulatedFleet fleet, List<AlarmMarker> alarms, MapBenchSettings settings) {
    ParkMapView map = new ParkMapView();
    map.setPark(park);
    if (settings.layers() != MapBenchSettings.Layers.PLAN) {
      map.state().vehiclesProperty().set(fleet);
      map.state().alarms().setAll(alarms);
    }
    if (settings.layers() == MapBenchSettings.Layers.LIVE) {
      for (LayerKind kind : LayerKind.values()) {
        if (kind != LayerKind.VEHICLES && kind != LayerKind.TRAILS && kind != LayerKind.ALARMS) {
          map.state().visibleProperty(kind).set(false);
        }
      }
    }
    for (LayerKind kind : settings.hidden()) {
      map.state().visibleProperty(kind).set(false);
    }
    if (settings.cachePlan()) {
      cachePlanLayer(map);
    }
    Stage stage = new Stage(StageStyle.UNDECORATED);
    stage.setX(0);
    stage.setY(0);
    stage.setScene(new Scene(map, WIDTH, HEIGHT));
    stage.setTitle("Cordon map frame bench");
    stage.show();
    return map;
  }

  /** The plan layer is the map's layer node holding the zones; cache it as one bitmap (experiment). */
  private static void cachePlanLayer(ParkMapView map) {
    map.applyCss();
    Node node = map.lookup(".zone");
    while (node != null && node.getParent() != null && node.getParent().getParent() != map) {
      node = node.getParent();
    }
    if (node == null) {
      throw new IllegalStateException("no plan layer found");
    }
    node.setCache(true);
    node.setCacheHint(CacheHint.QUALITY);
  }

  /** Alarms on the park's sensors and cameras: 10 % critical, 25 % major, 35 % minor, 30 % info. */
  static List<AlarmMarker> alarms(Park park, int count, long seed) {
    Random random = new Random(seed);
    List<Point> places = new ArrayList<>();
    park.sensors().stream().map(Sensor::position).forEach(places::add);
    park.cameras().stream().map(Camera::position).forEach(places::add);
    List<AlarmMarker> alarms = new ArrayList<>();
    long now = System.currentTimeMillis();
    for (int i = 0; i < count && !places.isEmpty(); i++) {
      Point p = places.get(random.nextInt(places.size()));
      double r = random.nextDouble();
      Severity severity = r < 0.10 ? Severity.CRITICAL : r < 0.35 ? Severity.MAJOR : r < 0.70 ? Severity.MINOR
          : Severity.INFO;
      alarms.add(new AlarmMarker("ALM-" + i, severity, p.getX() + random.nextGaussian() * 0.0002,
          p.getY() + random.nextGaussian() * 0.0002, "bench alarm " + i, now - random.nextInt(600_000)));
    }
    return alarms;
  }

  private static String loadAverage() {
    return String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static long heapAfterGc(List<Instant[]> gcWindows) {
    Instant before = Instant.now();
    System.gc();
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    gcWindows.add(new Instant[] {before.minus(GC_GUARD), Instant.now().plus(GC_GUARD)});
    return used;
  }

  private static boolean inGcWindow(Instant t, List<Instant[]> windows) {
    for (Instant[] w : windows) {
      if (!t.isBefore(w[0]) && !t.isAfter(w[1])) {
        return true;
      }
    }
    return false;
  }

  private static void sleepUntil(Instant t) throws InterruptedException {
    long ms = Duration.between(Instant.now(), t).toMillis();
    if (ms > 0) {
      Thread.sleep(ms);
    }
  }

  private static void report(List<PulseTimes.Frame> frames, int excluded, Instant t0, Instant end, List<Long> heap) {
    double seconds = Duration.between(t0, end).toMillis() / 1000.0;
    System.out.println("minute  frames    fps  median    p95    p99     max   (frame = FX + render work, ms)");
    int minutes = Math.max(1, (int) Math.round(seconds / 60)); // the run ends a few ms after its last minute
    for (int m = 0; m < minutes; m++) {
      Instant from = t0.plusSeconds(60L * m);
      Instant to = from.plusSeconds(60);
      List<PulseTimes.Frame> slice = frames.stream()
          .filter(f -> !f.start().isBefore(from) && f.start().isBefore(to)).toList();
      double span = Math.min(60, seconds - 60.0 * m);
      System.out.printf("%6d  %s%n", m + 1, line(slice, span));
    }
    System.out.printf("   all  %s%n", line(frames, seconds));
    long[] fx = frames.stream().mapToLong(PulseTimes.Frame::fxNanos).sorted().toArray();
    long[] render = frames.stream().mapToLong(PulseTimes.Frame::renderNanos).sorted().toArray();
    System.out.printf("   FX thread part: median %.2f ms, p95 %.2f ms; render thread part: median %.2f ms, p95 %.2f ms%n",
        ms(percentile(fx, 50)), ms(percentile(fx, 95)), ms(percentile(render, 50)), ms(percentile(render, 95)));
    System.out.printf("   %d frames overlapping the forced GCs left out%n", excluded);
    StringBuilder heapLine = new StringBuilder("heap after GC (MB): start");
    for (int i = 0; i < heap.size(); i++) {
      heapLine.append(i == 0 ? " " : i == heap.size() - 1 ? ", end " : ", ").append(String.format("%.1f", heap.get(i) / 1e6));
    }
    System.out.println(heapLine);
  }

  private static String line(List<PulseTimes.Frame> frames, double seconds) {
    long[] t = frames.stream().mapToLong(PulseTimes.Frame::totalNanos).sorted().toArray();
    return String.format("%6d  %5.1f  %6.2f  %5.2f  %5.2f  %6.2f", t.length, t.length / Math.max(1e-9, seconds),
        ms(percentile(t, 50)), ms(percentile(t, 95)), ms(percentile(t, 99)), ms(t.length == 0 ? 0 : t[t.length - 1]));
  }

  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
