package io.cordon.simulator;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.AuthServiceGrpc;
import io.cordon.api.v1.GetParkRequest;
import io.cordon.api.v1.LoginRequest;
import io.cordon.api.v1.ParkServiceGrpc;
import io.cordon.api.v1.Sensor;
import io.cordon.api.v1.SensorIngestServiceGrpc;
import io.cordon.api.v1.SensorReport;
import io.cordon.api.v1.SensorReportKind;
import io.cordon.simulator.alarm.AlarmSimulator;
import io.cordon.simulator.gate.GateAgents;
import io.cordon.simulator.gate.VirtualGates;
import io.cordon.simulator.traffic.TrafficSimulator;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A virtual park's perimeter sensors. It signs in as a device, reads the park plan and reports
 * through {@code SensorIngestService.Report} exactly as a sensor adapter would: a heartbeat for
 * every sensor once per period (spread evenly) and now and then a fence intrusion. While the
 * server is unreachable it retries the same report (same request id, so nothing is recorded
 * twice) with growing pauses. A report the server refuses for good (INVALID_ARGUMENT, NOT_FOUND…)
 * is logged and dropped, so it never holds up the reports after it.
 */
public final class ParkSimulator implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ParkSimulator.class);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

  private final Channel channel;
  private final String username;
  private final String password;
  private final SimulatorSettings settings;
  private final Clock clock;
  private final Random random;
  /** Request ids must never repeat across runs, or the server would treat new reports as repeats. */
  private final String runId = UUID.randomUUID().toString().substring(0, 8);
  private final AtomicLong counter = new AtomicLong();
  private final AtomicLong acknowledged = new AtomicLong();
  private final Thread thread;
  /** One virtual controller per gate, on its own thread and session (io.cordon.simulator.gate). */
  private final VirtualGates gates;
  /** One gate agent per gate with simulated traffic, instead of the virtual gates when enabled (issue 7). */
  private final GateAgents gateAgents;
  /** The vehicles on the park's roads, on their own thread and session (io.cordon.simulator.traffic). */
  private final TrafficSimulator traffic;
  /** Perimeter bursts, video, gate, vehicle and device-health alarms, on their own thread and session. */
  private final AlarmSimulator alarms;
  /** JT/T 808 terminals in hazmat vehicles, on their own event loop (io.cordon.simulator.jt808); null when off. */
  private io.cordon.simulator.jt808.Jt808Traffic jt808;
  private volatile boolean closed;
  private BearerToken token;

  public ParkSimulator(Channel channel, String username, String password, SimulatorSettings settings) {
    this.channel = Objects.requireNonNull(channel, "channel");
    this.username = Objects.requireNonNull(username, "username");
    this.password = Objects.requireNonNull(password, "password");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Clock.systemUTC();
    this.random = new Random(settings.seed());
    this.thread = new Thread(this::run, "cordon-simulator");
    this.thread.setDaemon(true);
    this.gates = new VirtualGates(channel, username, password, settings);
    this.gateAgents = settings.gateAgents().enabled() ? new GateAgents(channel, username, password,
        settings.gateAgents(), settings.callTimeout(), settings.seed()) : null;
    this.traffic = new TrafficSimulator(channel, username, password, settings.vehicles(), Duration.ofSeconds(1),
        settings.seed(), settings.callTimeout(), settings.maxBackoff());
    this.alarms = new AlarmSimulator(channel, username, password, settings);
  }

  /** Starts reporting in the background. */
  public void start() {
    thread.start();
    if (gateAgents != null) {
      gateAgents.start();
    } else {
      gates.start();
    }
    traffic.start();
    alarms.start();
    if (jt808 != null) {
      jt808.start();
    }
  }

  /**
   * Adds a JT/T 808 fleet (issue 8) against {@code fleet.host():fleet.port()}; call before {@link #start}.
   * Bound trips take their hazmat permits from the gate agents' caches (none without gate agents).
   */
  public ParkSimulator withJt808Fleet(io.cordon.simulator.jt808.Jt808FleetSettings fleet) {
    io.cordon.simulator.jt808.HazmatPermitSource permits = gateAgents != null
        ? new io.cordon.simulator.jt808.GateAgentPermits(gateAgents, clock)
        : io.cordon.simulator.jt808.HazmatPermitSource.NONE;
    this.jt808 = new io.cordon.simulator.jt808.Jt808Traffic(channel, username, password, fleet,
        settings.callTimeout(), permits);
    return this;
  }

  /** The JT/T 808 fleet, when one was added. */
  public java.util.Optional<io.cordon.simulator.jt808.Jt808Traffic> jt808Traffic() {
    return java.util.Optional.ofNullable(jt808);
  }

  /** Reports the server has acknowledged so far. */
  public long acknowledgedReports() {
    return acknowledged.get();
  }

  /** Alarm-source reports (io.cordon.simulator.alarm) the server has acknowledged so far. */
  public long acknowledgedAlarmReports() {
    return alarms.acknowledgedReports();
  }

  /** Vehicle position batches the server has acknowledged so far. */
  public long acknowledgedPositionBatches() {
    return traffic.acknowledgedBatches();
  }

  /** The gate agents (empty when the interim virtual gates run instead). */
  public java.util.Optional<GateAgents> gateAgents() {
    return java.util.Optional.ofNullable(gateAgents);
  }

  @Override
  public void close() {
    closed = true;
    gates.close();
    if (gateAgents != null) {
      gateAgents.close();
    }
    traffic.close();
    alarms.close();
    if (jt808 != null) {
      jt808.close();
    }
    thread.interrupt();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try {
      List<Sensor> sensors = withRetry("read the park plan", () -> ParkServiceGrpc.newBlockingStub(channel)
          .withCallCredentials(session())
          .withDeadlineAfter(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
          .getPark(GetParkRequest.getDefaultInstance()).getPark().getSensorsList());
      if (sensors.isEmpty()) {
        log.warn("The park has no sensors; nothing to simulate");
        return;
      }
      long tickNanos = Math.max(1, settings.heartbeatPeriod().toNanos() / sensors.size());
      double intrusionChance = settings.intrusionsPerMinute() * tickNanos / TimeUnit.MINUTES.toNanos(1);
      log.info("Simulating {} sensors, a heartbeat every {} ms", sensors.size(),
          TimeUnit.NANOSECONDS.toMillis(tickNanos));
      long next = System.nanoTime();
      for (int i = 0; !closed; i = (i + 1) % sensors.size()) {
        send(report(sensors.get(i), SensorReportKind.SENSOR_REPORT_KIND_HEARTBEAT, ""));
        if (random.nextDouble() < intrusionChance) {
          Sensor sensor = sensors.get(random.nextInt(sensors.size()));
          send(report(sensor, SensorReportKind.SENSOR_REPORT_KIND_INTRUSION, "vibration above threshold"));
        }
        next += tickNanos;
        long wait = next - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        } else {
          next = System.nanoTime(); // after an outage, carry on at the normal pace instead of bursting
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      if (!closed) {
        log.error("The simulator stopped", e);
      }
    }
  }

  private SensorReport report(Sensor sensor, SensorReportKind kind, String detail) {
    Instant now = clock.instant();
    return SensorReport.newBuilder()
        .setRequestId("sim-" + runId + "-" + counter.incrementAndGet())
        .setSensorId(sensor.getId())
        .setKind(kind)
        .setTime(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
        .setDetail(detail)
        .build();
  }

  private void send(SensorReport report) throws InterruptedException {
    try {
      withRetry("report " + report.getRequestId(), () -> SensorIngestServiceGrpc.newBlockingStub(channel)
          .withCallCredentials(session())
          .withDeadlineAfter(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
          .report(report));
      acknowledged.incrementAndGet();
    } catch (StatusRuntimeException e) {
      // refused for good (e.g. a sensor the park no longer has): drop it and go on
      log.warn("The server refused {}: {}", report.getRequestId(), e.getStatus());
    }
  }

  /** Retries while the server is unreachable or the session is gone; other refusals are thrown. */
  private <T> T withRetry(String what, java.util.function.Supplier<T> call) throws InterruptedException {
    Duration backoff = FIRST_BACKOFF;
    while (true) {
      if (closed) {
        throw new InterruptedException("simulator closed");
      }
      try {
        return call.get();
      } catch (StatusRuntimeException e) {
        Status.Code code = e.getStatus().getCode();
        if (closed || Thread.currentThread().isInterrupted()) {
          throw new InterruptedException("simulator closed");
        }
        if (code == Status.Code.UNAUTHENTICATED) {
          token = null; // expired or unknown session: sign in again on the next try
        } else if (code != Status.Code.UNAVAILABLE && code != Status.Code.DEADLINE_EXCEEDED
            && code != Status.Code.RESOURCE_EXHAUSTED && code != Status.Code.ABORTED) {
          throw e;
        }
        log.debug("Could not {} ({}); retrying in {} ms", what, code, backoff.toMillis());
        Thread.sleep(backoff.toMillis() / 2 + random.nextInt((int) Math.max(1, backoff.toMillis() / 2)));
        backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff()
            : backoff.multipliedBy(2);
      }
    }
  }

  /** The current session's credentials, signing in first when there is none. */
  private BearerToken session() {
    if (token == null) {
      try {
        token = new BearerToken(AuthServiceGrpc.newBlockingStub(channel)
            .withDeadlineAfter(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .login(LoginRequest.newBuilder().setUsername(username).setPassword(password)
                .setWorkstation("simulator").build())
            .getToken());
        log.info("Simulator signed in as {}", username);
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() == Status.Code.UNAUTHENTICATED) {
          // wrong credentials: keep retrying slowly, the server may not have its users yet
          throw new StatusRuntimeException(Status.UNAVAILABLE.withDescription("login refused for " + username));
        }
        throw e;
      }
    }
    return token;
  }
}
