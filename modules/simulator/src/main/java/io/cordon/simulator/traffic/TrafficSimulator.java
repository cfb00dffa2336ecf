package io.cordon.simulator.traffic;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.AuthServiceGrpc;
import io.cordon.api.v1.GetParkRequest;
import io.cordon.api.v1.LoginRequest;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.Park;
import io.cordon.api.v1.ParkServiceGrpc;
import io.cordon.api.v1.PositionBatch;
import io.cordon.api.v1.PositionIngestServiceGrpc;
import io.cordon.api.v1.VehicleFix;
import io.grpc.CallCredentials;
import io.grpc.Channel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a fleet over the park's roads and reports every vehicle's fix once per period as one
 * {@code PositionIngestService.Report} batch (split at 5,000 fixes), signed in as a device. While
 * the server is unreachable it retries the same batch (same request id, so nothing is stored
 * twice); a batch refused for good is logged and dropped.
 */
public final class TrafficSimulator implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TrafficSimulator.class);
  static final int MAX_BATCH = 5_000;
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final Channel channel;
  private final String username;
  private final String password;
  private final int vehicles;
  private final Duration period;
  private final Duration callTimeout;
  private final Duration maxBackoff;
  private final Random random;
  private final Clock clock = Clock.systemUTC();
  /** Request ids must never repeat across runs, or the server would take new batches for repeats. */
  private final String runId = UUID.randomUUID().toString().substring(0, 8);
  private final AtomicLong counter = new AtomicLong();
  private final AtomicLong acknowledged = new AtomicLong();
  private final Thread thread;
  private volatile boolean closed;
  private String token;

  /**
   * @param vehicles how many vehicles drive; 0 starts nothing
   * @param period how often every vehicle reports (1 s like a tracking terminal)
   */
  public TrafficSimulator(Channel channel, String username, String password, int vehicles, Duration period,
      long seed, Duration callTimeout, Duration maxBackoff) {
    this.channel = Objects.requireNonNull(channel, "channel");
    this.username = Objects.requireNonNull(username, "username");
    this.password = Objects.requireNonNull(password, "password");
    if (vehicles < 0) {
      throw new IllegalArgumentException("vehicles must not be negative");
    }
    this.vehicles = vehicles;
    this.period = Objects.requireNonNull(period, "period");
    this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
    this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
    this.random = new Random(seed);
    this.thread = new Thread(this::run, "cordon-simulator-traffic");
    this.thread.setDaemon(true);
  }

  public void start() {
    if (vehicles > 0) {
      thread.start();
    }
  }

  /** Batches the server has acknowledged so far. */
  public long acknowledgedBatches() {
    return acknowledged.get();
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try {
      Park park = withRetry("read the park plan", () -> ParkServiceGrpc.newBlockingStub(channel)
          .withCallCredentials(session())
          .withDeadlineAfter(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
          .getPark(GetParkRequest.getDefaultInstance()).getPark());
      RoadNetwork network = RoadNetwork.of(park);
      List<SimulatedVehicle> fleet = Fleet.of(network, vehicles, random);
      if (fleet.isEmpty()) {
        log.warn("The park has no drivable roads; no vehicles to simulate");
        return;
      }
      log.info("Simulating {} vehicles on {} roads, reporting every {} ms", fleet.size(), network.roads().size(),
          period.toMillis());
      long last = System.nanoTime();
      long next = last;
      while (!closed) {
        long now = System.nanoTime();
        double seconds = Math.min(10, (now - last) / 1e9);
        last = now;
        fleet.forEach(v -> v.advance(seconds));
        send(network, fleet);
        next += period.toNanos();
        long wait = next - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        } else {
          next = System.nanoTime(); // after an outage carry on at the normal pace instead of bursting
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      if (!closed) {
        log.error("The traffic simulator stopped", e);
      }
    }
  }

  private void send(RoadNetwork network, List<SimulatedVehicle> fleet) throws InterruptedException {
    Instant now = clock.instant();
    Timestamp time = Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()).build();
    for (int from = 0; from < fleet.size(); from += MAX_BATCH) {
      PositionBatch.Builder batch = PositionBatch.newBuilder()
          .setRequestId("sim-traffic-" + runId + "-" + counter.incrementAndGet());
      for (SimulatedVehicle vehicle : fleet.subList(from, Math.min(fleet.size(), from + MAX_BATCH))) {
        batch.addFixes(fix(network, vehicle, time));
      }
      PositionBatch built = batch.build();
      try {
        withRetry("report " + built.getRequestId(), () -> PositionIngestServiceGrpc.newBlockingStub(channel)
            .withCallCredentials(session())
            .withDeadlineAfter(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
            .report(built));
        acknowledged.incrementAndGet();
      } catch (StatusRuntimeException e) {
        log.warn("The server refused position batch {}: {}", built.getRequestId(), e.getStatus());
      }
    }
  }

  static VehicleFix fix(RoadNetwork network, SimulatedVehicle vehicle, Timestamp time) {
    double[] xy = vehicle.position();
    return VehicleFix.newBuilder()
        .setPlate(vehicle.plate)
        .setPlateColor(io.cordon.api.v1.PlateColor.valueOf("PLATE_COLOR_" + vehicle.plateColor.name()))
        .setVehicleClass(io.cordon.api.v1.VehicleClass.valueOf("VEHICLE_CLASS_" + vehicle.vehicleClass.name()))
        .setPosition(LonLat.newBuilder().setLon(network.lon(xy[0])).setLat(network.lat(xy[1])))
        .setHeadingDeg(vehicle.headingDeg())
        .setSpeedKmh(vehicle.speedKmh())
        .setTime(time)
        .build();
  }

  /** Retries while the server is unreachable or the session is gone; other refusals are thrown. */
  private <T> T withRetry(String what, Supplier<T> call) throws InterruptedException {
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
          token = null;
        } else if (code != Status.Code.UNAVAILABLE && code != Status.Code.DEADLINE_EXCEEDED
            && code != Status.Code.RESOURCE_EXHAUSTED && code != Status.Code.ABORTED) {
          throw e;
        }
        log.debug("Could not {} ({}); retrying in {} ms", what, code, backoff.toMillis());
        Thread.sleep(backoff.toMillis() / 2 + random.nextInt((int) Math.max(1, backoff.toMillis() / 2)));
        backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
      }
    }
  }

  private CallCredentials session() {
    if (token == null) {
      try {
        token = AuthServiceGrpc.newBlockingStub(channel)
            .withDeadlineAfter(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
            .login(LoginRequest.newBuilder().setUsername(username).setPassword(password)
                .setWorkstation("simulator-traffic").build())
            .getToken();
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() == Status.Code.UNAUTHENTICATED) {
          throw new StatusRuntimeException(Status.UNAVAILABLE.withDescription("login refused for " + username));
        }
        throw e;
      }
    }
    String bearer = "Bearer " + token;
    return new CallCredentials() {
      @Override
      public void applyRequestMetadata(RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, bearer);
        applier.apply(headers);
      }
    };
  }
}
