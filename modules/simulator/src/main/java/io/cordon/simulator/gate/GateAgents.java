package io.cordon.simulator.gate;

import io.cordon.api.v1.GetParkRequest;
import io.cordon.api.v1.ParkServiceGrpc;
import io.cordon.devices.gate.edge.GateAgent;
import io.cordon.devices.gate.edge.GateAgentConfig;
import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateType;
import io.cordon.domain.park.Lane;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One gate agent ({@link GateAgent}, the real agent software) per gate of the park, each driving
 * simulated lanes ({@link SimulatedLane}) and fed by simulated traffic ({@link GateTraffic}) at
 * {@link GateAgentSettings#identificationsPerMinute()} per gate, three times that at the morning and
 * evening peaks. It replaces the interim virtual gates: the agents report their barriers through
 * the gate-agent protocol. Emergency gates get an agent (for the emergency opening) but no traffic.
 */
public final class GateAgents implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(GateAgents.class);
  private static final Duration RETRY = Duration.ofSeconds(2);

  private final Channel channel;
  private final String username;
  private final String password;
  private final GateAgentSettings settings;
  private final Duration callTimeout;
  private final Clock clock;
  private final Random random;
  private final ScheduledThreadPoolExecutor timer;
  private final ScheduledThreadPoolExecutor traffic;
  private final List<GateAgent> agents = new CopyOnWriteArrayList<>();
  private final Map<String, GateTraffic> trafficByGate = new LinkedHashMap<>();
  private final Map<String, Map<String, SimulatedLane>> lanesByGate = new LinkedHashMap<>();
  private final AtomicLong events = new AtomicLong();
  private volatile boolean closed;

  public GateAgents(Channel channel, String username, String password, GateAgentSettings settings,
      Duration callTimeout, long seed) {
    this(channel, username, password, settings, callTimeout, seed, Clock.systemUTC());
  }

  public GateAgents(Channel channel, String username, String password, GateAgentSettings settings,
      Duration callTimeout, long seed, Clock clock) {
    this.channel = Objects.requireNonNull(channel, "channel");
    this.username = Objects.requireNonNull(username, "username");
    this.password = Objects.requireNonNull(password, "password");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = new Random(seed ^ 0x9a7e5L);
    this.timer = pool(1, "cordon-simulator-barriers");
    this.traffic = pool(2, "cordon-simulator-gate-traffic");
  }

  private static ScheduledThreadPoolExecutor pool(int threads, String name) {
    ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(threads, r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
    pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    return pool;
  }

  /** Reads the park plan, starts the agents and their traffic in the background. */
  public void start() {
    traffic.execute(this::begin);
  }

  /** The running agents (one per gate, once the park plan was read). */
  public List<GateAgent> agents() {
    return List.copyOf(agents);
  }

  /** Identifications and forced passages played so far. */
  public long trafficEvents() {
    return events.get();
  }

  private void begin() {
    if (closed) {
      return;
    }
    io.cordon.api.v1.Park park;
    try {
      park = ParkServiceGrpc.newBlockingStub(channel).withCallCredentials(new AgentLogin(channel, username, password,
              callTimeout).get())
          .withDeadlineAfter(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
          .getPark(GetParkRequest.getDefaultInstance()).getPark();
    } catch (StatusRuntimeException e) {
      io.grpc.Status.Code code = e.getStatus().getCode();
      if (code == io.grpc.Status.Code.UNAVAILABLE || code == io.grpc.Status.Code.DEADLINE_EXCEEDED) {
        log.debug("Gate agents cannot read the park plan yet ({}); retrying", e.getStatus());
      } else {
        log.warn("Gate agents cannot read the park plan as {} ({}); retrying", username, e.getStatus());
      }
      traffic.schedule(this::begin, RETRY.toMillis(), TimeUnit.MILLISECONDS);
      return;
    }
    Path root = dataDir();
    AgentLogin login = new AgentLogin(channel, username, password, callTimeout);
    for (io.cordon.api.v1.Gate planned : park.getGatesList()) {
      Gate gate = ParkGates.toDomain(planned);
      Map<String, SimulatedLane> lanes = new LinkedHashMap<>();
      for (Lane lane : gate.lanes()) {
        lanes.put(lane.id(), new SimulatedLane(lane.id(), ParkGates.devices(lane.laneClass()),
            settings.barrierMoveTime(), timer));
      }
      GateAgentConfig config = GateAgentConfig.of("sim-" + gate.id().value(), gate,
          root.resolve(gate.id().value())).withClock(clock);
      Optional<ControlZone> guarded = ParkGates.guardedZone(park, planned);
      if (guarded.isPresent()) {
        config = config.withGuardedZone(guarded.get());
      }
      GateAgent agent = new GateAgent(channel, login, config, new ArrayList<>(lanes.values()));
      agents.add(agent);
      lanesByGate.put(gate.id().value(), lanes);
      agent.start();
      if (gate.type() != GateType.EMERGENCY) {
        GateTraffic gateTraffic = new GateTraffic(gate, agent, lanes, settings, clock, new Random(random.nextLong()));
        trafficByGate.put(gate.id().value(), gateTraffic);
        scheduleNext(gateTraffic);
      }
    }
    log.info("Started {} gate agents ({} identifications per minute per gate)", agents.size(),
        settings.identificationsPerMinute());
  }

  private void scheduleNext(GateTraffic gateTraffic) {
    if (closed) {
      return;
    }
    double perMinute = settings.identificationsPerMinute() * GateTraffic.peakFactor(clock.instant());
    double meanMillis = 60_000 / perMinute;
    long delay = (long) Math.min(meanMillis * 10, -Math.log(1 - random.nextDouble()) * meanMillis);
    try {
      traffic.schedule(() -> {
        try {
          gateTraffic.step().ifPresent(e -> events.incrementAndGet());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (RuntimeException e) {
          log.warn("Simulated gate traffic failed: {}", e.toString());
        }
        scheduleNext(gateTraffic);
      }, Math.max(1, delay), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closing
    }
  }

  private Path dataDir() {
    try {
      return settings.dataDir().isPresent() ? Files.createDirectories(settings.dataDir().get())
          : Files.createTempDirectory("cordon-gate-agents");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the gate agents' directory", e);
    }
  }

  @Override
  public void close() {
    closed = true;
    traffic.shutdownNow();
    agents.forEach(GateAgent::close);
    timer.shutdownNow();
  }
}
