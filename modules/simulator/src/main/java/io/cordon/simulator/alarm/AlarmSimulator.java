package io.cordon.simulator.alarm;

import io.cordon.api.v1.AlarmIngestServiceGrpc;
import io.cordon.api.v1.AuthServiceGrpc;
import io.cordon.api.v1.GetParkRequest;
import io.cordon.api.v1.LoginRequest;
import io.cordon.api.v1.Park;
import io.cordon.api.v1.ParkServiceGrpc;
import io.cordon.api.v1.SensorIngestServiceGrpc;
import io.cordon.simulator.SimulatorSettings;
import io.grpc.CallCredentials;
import io.grpc.Channel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The park's alarm sources on one thread and one device session: it reads the park plan, then
 * plays the episodes of {@link ArrivalSchedule} (rates from {@link SimulatorSettings#alarms()}),
 * sending perimeter reports through {@code SensorIngestService.Report} and every other alarm
 * through {@code AlarmIngestService.Raise}, each report when it falls due. While the server is
 * unreachable (or busy, or the session expired) it retries the same report — same request id, so
 * nothing is lost and nothing is counted twice — with growing pauses; a report refused for good
 * (INVALID_ARGUMENT, NOT_FOUND…) is logged and dropped.
 */
public final class AlarmSimulator implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AlarmSimulator.class);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
  /** An episode this late (the thread was stuck retrying) shifts the schedule instead of bursting. */
  private static final Duration MAX_LAG = Duration.ofSeconds(5);
  private static final long SCHEDULE_SALT = 0x5c4ed01eL;
  private static final long CONTENT_SALT = 0xa1a4e5L;
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final Channel channel;
  private final String username;
  private final String password;
  private final SimulatorSettings settings;
  private final Clock clock = Clock.systemUTC();
  private final Random backoffJitter;
  /** Request ids must never repeat across runs, or the server would take new reports for repeats. */
  private final String runId = UUID.randomUUID().toString().substring(0, 8);
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final Thread thread;
  private volatile boolean closed;
  private boolean toldUnimplemented;
  private CallCredentials token;

  public AlarmSimulator(Channel channel, String username, String password, SimulatorSettings settings) {
    this.channel = Objects.requireNonNull(channel, "channel");
    this.username = Objects.requireNonNull(username, "username");
    this.password = Objects.requireNonNull(password, "password");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.backoffJitter = new Random(settings.seed());
    this.thread = new Thread(this::run, "cordon-simulator-alarms");
    this.thread.setDaemon(true);
  }

  /** Starts the alarm sources in the background; nothing when every rate is 0. */
  public void start() {
    if (settings.alarms().totalPerHour() > 0) {
      thread.start();
    }
  }

  /** Reports (sensor and alarm) the server has acknowledged so far. */
  public long acknowledgedReports() {
    return acknowledged.get();
  }

  /** Reports the server refused for good and that were dropped. */
  public long droppedReports() {
    return dropped.get();
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

  private record Due(long nanos, long order, PlannedReport report) {}

  private void run() {
    try {
      Park park = withRetry(() -> ParkServiceGrpc.newBlockingStub(channel)
          .withCallCredentials(session())
          .withDeadlineAfter(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
          .getPark(GetParkRequest.getDefaultInstance()).getPark());
      AlarmSources sources = new AlarmSources(park, new Random(settings.seed() ^ CONTENT_SALT),
          new RequestIds("simalarm-" + runId + "-"));
      ArrivalSchedule schedule = new ArrivalSchedule(settings.alarms(), new Random(settings.seed() ^ SCHEDULE_SALT));
      log.info("Simulating alarm sources: {}", settings.alarms());
      play(sources, schedule);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      if (!closed) {
        log.error("The alarm simulator stopped", e);
      }
    }
  }

  /** Sends every report when it falls due, drawing the next episode when its time comes. */
  private void play(AlarmSources sources, ArrivalSchedule schedule) throws InterruptedException {
    PriorityQueue<Due> queue = new PriorityQueue<>(Comparator.comparingLong(Due::nanos).thenComparingLong(Due::order));
    long order = 0;
    long origin = System.nanoTime();
    ArrivalSchedule.Arrival arrival = schedule.next().orElse(null);
    while (!closed && (arrival != null || !queue.isEmpty())) {
      long arrivalDue = arrival == null ? Long.MAX_VALUE : origin + arrival.at().toNanos();
      Due head = queue.peek();
      boolean sendNext = head != null && head.nanos() - arrivalDue <= 0;
      long wait = (sendNext ? head.nanos() : arrivalDue) - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      if (sendNext) {
        queue.poll();
        send(head.report());
        continue;
      }
      long late = System.nanoTime() - arrivalDue;
      if (late > MAX_LAG.toNanos()) {
        origin += late; // after an outage carry on at the normal pace instead of catching up
      }
      long now = System.nanoTime();
      for (PlannedReport report : sources.next(arrival.family(), clock.instant())) {
        queue.add(new Due(now + report.after().toNanos(), order++, report));
      }
      arrival = schedule.next().orElse(null);
    }
  }

  private void send(PlannedReport report) throws InterruptedException {
    try {
      if (report instanceof PlannedReport.ToSensorIngest sensor) {
        withRetry(() -> SensorIngestServiceGrpc.newBlockingStub(channel)
            .withCallCredentials(session())
            .withDeadlineAfter(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .report(sensor.report()));
      } else if (report instanceof PlannedReport.ToAlarmIngest alarm) {
        withRetry(() -> AlarmIngestServiceGrpc.newBlockingStub(channel)
            .withCallCredentials(session())
            .withDeadlineAfter(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .raise(alarm.report()));
      }
      acknowledged.incrementAndGet();
    } catch (StatusRuntimeException e) {
      dropped.incrementAndGet();
      if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        if (!toldUnimplemented) {
          toldUnimplemented = true;
          log.warn("The server does not offer this report's service ({}); dropping such reports", e.getStatus());
        }
        return;
      }
      log.warn("The server refused {}: {}", report.requestId(), e.getStatus());
    }
  }

  /** Retries while the server is unreachable, busy or the session is gone; other refusals are thrown. */
  private <T> T withRetry(Supplier<T> call) throws InterruptedException {
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
        log.debug("Call failed ({}); retrying in about {} ms", code, backoff.toMillis());
        Thread.sleep(backoff.toMillis() / 2 + backoffJitter.nextInt((int) Math.max(1, backoff.toMillis() / 2)));
        backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff()
            : backoff.multipliedBy(2);
      }
    }
  }

  /** The current session's credentials, signing in first when there is none. */
  private CallCredentials session() {
    if (token == null) {
      String value;
      try {
        value = AuthServiceGrpc.newBlockingStub(channel)
            .withDeadlineAfter(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .login(LoginRequest.newBuilder().setUsername(username).setPassword(password)
                .setWorkstation("simulator-alarms").build())
            .getToken();
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() == Status.Code.UNAUTHENTICATED) {
          // wrong credentials: keep retrying slowly, the server may not have its users yet
          throw new StatusRuntimeException(Status.UNAVAILABLE.withDescription("login refused for " + username));
        }
        throw e;
      }
      String bearer = "Bearer " + value;
      token = new CallCredentials() {
        @Override
        public void applyRequestMetadata(RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
          Metadata headers = new Metadata();
          headers.put(AUTHORIZATION, bearer);
          applier.apply(headers);
        }

        @Override
        public String toString() {
          return "Bearer[hidden]";
        }
      };
    }
    return token;
  }
}
