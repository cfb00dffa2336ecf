package io.cordon.simulator.jt808;

import io.cordon.api.v1.Park;
import io.cordon.devices.jt808.NettyTransport;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * N simulated JT/T 808 terminals over TCP, all on one small Netty event-loop group (no thread per
 * terminal): each registers once, authenticates on every connection, reports its vehicle's
 * position every report interval and a heartbeat when idle, resends reports the server does not
 * answer with 0x8001 OK, and after a lost connection uploads the fixes it kept meanwhile as
 * 0x0704 blind-area batches. Each terminal drives hazmat trips through the park (see
 * {@link TripPlanner}); configurable shares of drivers deviate, speed, linger or lose signal.
 *
 * <p>For the ingestion benchmark: {@code new Jt808Fleet(Jt808FleetSettings.bench(host, port, 2000,
 * 20_000), park).start()}.
 */
public final class Jt808Fleet implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Jt808Fleet.class);

  final Jt808FleetSettings settings;
  final ParkPaths paths;
  final TripPlanner planner;
  final TerminalBinding binding;
  final HazmatPermitSource permits;
  /** Plates on a trip now, so two terminals never take the same vehicle. */
  final Set<String> platesInUse = ConcurrentHashMap.newKeySet();
  final AtomicInteger connected = new AtomicInteger();
  final AtomicInteger authenticated = new AtomicInteger();
  final LongAdder fixesGenerated = new LongAdder();
  final LongAdder liveReportsSent = new LongAdder();
  final LongAdder blindAreaFixesSent = new LongAdder();
  final LongAdder fixesAcknowledged = new LongAdder();
  final LongAdder retries = new LongAdder();
  final LongAdder fixesDropped = new LongAdder();
  final LongAdder issued = new LongAdder();
  final LongAdder returned = new LongAdder();
  final LongAdder bindingFailures = new LongAdder();
  private final List<SimulatedTerminal> terminals = new ArrayList<>();
  private EventLoopGroup group;
  /** The terminals' sockets must be of the kind their event loops serve. */
  final NettyTransport transport = NettyTransport.best();
  /** Blocking gRPC calls (binding, permits) never run on the event loops. */
  private ExecutorService blocking;
  private volatile List<HazmatPermit> permitCache = List.of();
  private volatile long permitCacheNanos = Long.MIN_VALUE;
  private volatile boolean driving = true;

  /** An unbound fleet (the benchmark, or terminals bound to nobody). */
  public Jt808Fleet(Jt808FleetSettings settings, Park park) {
    this(settings, park, null, HazmatPermitSource.NONE);
  }

  /**
   * @param binding issues and returns terminals at the gates; required when
   *     {@code settings.bindAtGates()}
   * @param permits the hazmat permits the bound trips use
   */
  public Jt808Fleet(Jt808FleetSettings settings, Park park, TerminalBinding binding, HazmatPermitSource permits) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.paths = new ParkPaths(park);
    this.planner = new TripPlanner(paths);
    this.binding = binding;
    this.permits = Objects.requireNonNull(permits, "permits");
    if (settings.bindAtGates() && binding == null) {
      throw new IllegalArgumentException("binding at the gates needs a TerminalBinding");
    }
    if (paths.entryGates().isEmpty() || paths.loadingPoints().isEmpty()) {
      throw new IllegalArgumentException("the park has no hazmat entry gate or no loading point");
    }
  }

  /** Connects every terminal (spread over the first report interval) and starts driving. */
  public synchronized Jt808Fleet start() {
    if (group != null) {
      throw new IllegalStateException("already started");
    }
    group = new MultiThreadIoEventLoopGroup(settings.ioThreads(), new DefaultThreadFactory("cordon-sim-jt808"),
        transport.ioHandlerFactory());
    blocking = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "jt808-sim-binding");
      t.setDaemon(true);
      return t;
    });
    int n = settings.terminals();
    long periodNanos = settings.reportInterval().toNanos();
    for (int i = 0; i < n; i++) {
      SimulatedTerminal terminal = new SimulatedTerminal(this, i, group.next());
      terminals.add(terminal);
      terminal.start(periodNanos * i / Math.max(1, n));
    }
    log.info("JT/T 808 fleet: {} terminals to {}:{}, {} positions/s, binding {}", n, settings.host(),
        settings.port(), String.format("%.0f", settings.totalRate()), settings.bindAtGates() ? "on" : "off");
    return this;
  }

  public Jt808FleetStats stats() {
    return new Jt808FleetStats(connected.get(), authenticated.get(), fixesGenerated.sum(), liveReportsSent.sum(),
        blindAreaFixesSent.sum(), fixesAcknowledged.sum(), retries.sum(), fixesDropped.sum(), issued.sum(),
        returned.sum(), bindingFailures.sum());
  }

  /** The terminal numbers as the JT/T 808 header carries them (12 or 20 digits), in fleet order. */
  public List<String> terminalNumbers() {
    return terminals.stream().map(t -> t.number).toList();
  }

  /** How the driver of this terminal behaves. */
  public Behaviour behaviourOf(String terminalNumber) {
    return terminals.stream().filter(t -> t.number.equals(terminalNumber)).findFirst()
        .map(t -> t.behaviour).orElseThrow(() -> new IllegalArgumentException("no terminal " + terminalNumber));
  }

  /**
   * Every terminal loses its connection now (a network outage); each reconnects after the
   * reconnect delay and uploads what it kept meanwhile.
   */
  public void dropConnections() {
    terminals.forEach(SimulatedTerminal::dropConnection);
  }

  /** The vehicles stop taking new fixes; what was taken is still delivered. */
  public void stopDriving() {
    driving = false;
  }

  boolean driving() {
    return driving;
  }

  /** Runs a blocking call off the event loops. */
  void offLoop(Runnable task) {
    ExecutorService executor = blocking;
    if (executor != null && !executor.isShutdown()) {
      try {
        executor.execute(task);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        log.debug("fleet closing; dropped a binding call");
      }
    }
  }

  /** The permits valid now, re-read at most every 10 s; call off the event loops. */
  List<HazmatPermit> permitsNow() {
    long now = System.nanoTime();
    if (permitCacheNanos == Long.MIN_VALUE || now - permitCacheNanos > TimeUnit.SECONDS.toNanos(10)) {
      try {
        permitCache = List.copyOf(permits.validNow());
      } catch (RuntimeException e) {
        log.debug("could not read the hazmat permits: {}", e.toString());
      }
      permitCacheNanos = now;
    }
    return permitCache;
  }

  @Override
  public synchronized void close() {
    driving = false;
    if (group == null) {
      return;
    }
    terminals.forEach(SimulatedTerminal::stop);
    blocking.shutdownNow();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    group = null;
  }
}
