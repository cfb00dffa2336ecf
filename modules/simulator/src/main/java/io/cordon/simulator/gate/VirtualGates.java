package io.cordon.simulator.gate;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.AuthServiceGrpc;
import io.cordon.api.v1.Gate;
import io.cordon.api.v1.GateCommand;
import io.cordon.api.v1.GateState;
import io.cordon.api.v1.GateStateReport;
import io.cordon.api.v1.GateStatusServiceGrpc;
import io.cordon.api.v1.GetParkRequest;
import io.cordon.api.v1.LoginRequest;
import io.cordon.api.v1.ParkServiceGrpc;
import io.cordon.api.v1.WatchGateCommandsRequest;
import io.cordon.simulator.SimulatorSettings;
import io.grpc.CallCredentials;
import io.grpc.Channel;
import io.grpc.Context;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One virtual controller per gate of the park, talking to the server only through the
 * device-facing {@code GateStatusService}: it signs in as a device, reads the park plan, watches
 * the commands of all its gates (resuming from the last command seq after a break), reports each
 * gate's initial state, obeys a command by reporting the new state {@link #OBEY_DELAY} later, and
 * now and then (rate from {@link SimulatorSettings#gateFaultsPerHour()}) lets a gate fail for a
 * while. All gate work runs on one thread, so the gates need no locks.
 */
public final class VirtualGates implements AutoCloseable {

  /** How long a barrier takes to move after a command. */
  static final Duration OBEY_DELAY = Duration.ofMillis(300);
  /** Longest life of one command watch; it is then resumed from the last command seq. */
  static final Duration WATCH_DEADLINE = Duration.ofMinutes(10);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
  private static final int MIN_FAULT_SECONDS = 20;
  private static final int MAX_FAULT_SECONDS = 60;

  private static final Logger log = LoggerFactory.getLogger(VirtualGates.class);

  private final Channel channel;
  private final String username;
  private final String password;
  private final SimulatorSettings settings;
  private final Clock clock = Clock.systemUTC();
  private final Random random;
  /** Request ids must never repeat across runs, or the server would treat new reports as repeats. */
  private final String runId = UUID.randomUUID().toString().substring(0, 8);
  private final ScheduledExecutorService executor;
  private final AtomicLong counter = new AtomicLong();
  private final AtomicLong obeyed = new AtomicLong();
  private volatile boolean closed;
  // touched on the executor thread only
  private final Map<String, VirtualGate> gates = new LinkedHashMap<>();
  private CallCredentials token;
  private long lastCommandSeq;
  private int watchGeneration;
  private Context.CancellableContext watchContext;
  private Duration backoff = FIRST_BACKOFF;

  public VirtualGates(Channel channel, String username, String password, SimulatorSettings settings) {
    this.channel = Objects.requireNonNull(channel, "channel");
    this.username = Objects.requireNonNull(username, "username");
    this.password = Objects.requireNonNull(password, "password");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.random = new Random(settings.seed() ^ 0x6a7e5L);
    ScheduledThreadPoolExecutor gateThread = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "cordon-simulator-gates");
      thread.setDaemon(true);
      return thread;
    });
    gateThread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // pending recoveries die with us
    this.executor = gateThread;
  }

  /** Starts the gates in the background. */
  public void start() {
    run(this::begin);
  }

  /** Commands the gates have carried out (reported the commanded state for) so far. */
  public long obeyedCommands() {
    return obeyed.get();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    run(() -> {
      if (watchContext != null) {
        watchContext.cancel(null);
      }
    });
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private void begin() {
    List<Gate> plan;
    try {
      plan = ParkServiceGrpc.newBlockingStub(channel)
          .withCallCredentials(session())
          .withDeadlineAfter(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
          .getPark(GetParkRequest.getDefaultInstance()).getPark().getGatesList();
    } catch (StatusRuntimeException e) {
      if (retryable(e)) {
        later(this::begin);
      } else {
        log.error("Virtual gates cannot read the park plan: {}", e.getStatus());
      }
      return;
    }
    backoff = FIRST_BACKOFF;
    for (Gate gate : plan) {
      gates.put(gate.getId(), new VirtualGate(gate.getId(), gate.getNormallyClosed()));
    }
    if (gates.isEmpty()) {
      log.warn("The park has no gates; no virtual gates");
      return;
    }
    log.info("Simulating {} gates", gates.size());
    watch();
    reportAll();
    executor.scheduleAtFixedRate(this::maybeFail, 1, 1, TimeUnit.SECONDS);
  }

  /** Opens the command watch of every gate, resuming after the last command received. */
  private void watch() {
    if (closed) {
      return;
    }
    CallCredentials credentials;
    try {
      credentials = session();
    } catch (StatusRuntimeException e) {
      later(this::rewatch);
      return;
    }
    int generation = ++watchGeneration;
    Context.CancellableContext context = Context.current().withCancellation();
    watchContext = context;
    WatchGateCommandsRequest request = WatchGateCommandsRequest.newBuilder()
        .addAllGateIds(gates.keySet()).setAfterSeq(lastCommandSeq).build();
    context.run(() -> GateStatusServiceGrpc.newStub(channel)
        .withCallCredentials(credentials)
        .withDeadlineAfter(WATCH_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
        .watchCommands(request, new StreamObserver<>() {
          @Override
          public void onNext(GateCommand command) {
            run(() -> received(generation, command));
          }

          @Override
          public void onError(Throwable t) {
            run(() -> watchEnded(generation, Status.fromThrowable(t)));
          }

          @Override
          public void onCompleted() {
            run(() -> watchEnded(generation, Status.UNAVAILABLE.withDescription("the server ended the watch")));
          }
        }));
  }

  private void received(int generation, GateCommand command) {
    if (generation != watchGeneration || command.getCommandSeq() <= lastCommandSeq) {
      return;
    }
    lastCommandSeq = command.getCommandSeq();
    log.info("Gate {} received command {} ({}) from {}", command.getGateId(), command.getCommandSeq(),
        command.getAction(), command.getIssuedBy());
    executor.schedule(() -> obey(command), OBEY_DELAY.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void obey(GateCommand command) {
    VirtualGate gate = gates.get(command.getGateId());
    if (gate == null || closed) {
      return;
    }
    GateState state = gate.obey(command.getAction());
    String detail = gate.isFaulty() ? "command " + command.getCommandSeq() + " waits: barrier fault"
        : "command " + command.getCommandSeq() + " carried out";
    if (report(gate, state, detail) && !gate.isFaulty()) {
      obeyed.incrementAndGet();
    }
  }

  private void watchEnded(int generation, Status status) {
    if (generation != watchGeneration || closed) {
      return;
    }
    switch (status.getCode()) {
      case DEADLINE_EXCEEDED:
        watch(); // the watch's planned end: resume at once
        return;
      case OUT_OF_RANGE:
        log.warn("The server does not know command seq {} (a new database?); watching from now", lastCommandSeq);
        lastCommandSeq = 0;
        break;
      case UNAUTHENTICATED:
        token = null;
        break;
      default:
        log.debug("Command watch ended ({}); resuming", status);
    }
    later(this::rewatch);
  }

  /** After a break the server may have lost what the gates reported: report it again (no new events). */
  private void rewatch() {
    watch();
    reportAll();
  }

  private void reportAll() {
    for (VirtualGate gate : List.copyOf(gates.values())) {
      if (closed) {
        return;
      }
      report(gate, gate.state(), "");
    }
  }

  private void maybeFail() {
    double chance = settings.gateFaultsPerHour() / TimeUnit.HOURS.toSeconds(1);
    if (closed || random.nextDouble() >= chance) {
      return;
    }
    List<VirtualGate> working = new ArrayList<>(gates.values().stream().filter(g -> !g.isFaulty()).toList());
    if (working.isEmpty()) {
      return;
    }
    VirtualGate gate = working.get(random.nextInt(working.size()));
    report(gate, gate.fail(), "barrier controller fault (simulated)");
    int seconds = MIN_FAULT_SECONDS + random.nextInt(MAX_FAULT_SECONDS - MIN_FAULT_SECONDS + 1);
    executor.schedule(() -> report(gate, gate.recover(), "fault cleared"), seconds, TimeUnit.SECONDS);
  }

  /**
   * Reports a state, retrying (same request id) while the server is unreachable. Returns false
   * when the report was refused for good or the gates are closing.
   */
  private boolean report(VirtualGate gate, GateState state, String detail) {
    Instant now = clock.instant();
    GateStateReport report = GateStateReport.newBuilder()
        .setRequestId("simgate-" + runId + "-" + counter.incrementAndGet())
        .setGateId(gate.id())
        .setState(state)
        .setTime(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
        .setDetail(detail)
        .build();
    Duration wait = FIRST_BACKOFF;
    while (!closed) {
      try {
        GateStatusServiceGrpc.newBlockingStub(channel)
            .withCallCredentials(session())
            .withDeadlineAfter(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .reportState(report);
        backoff = FIRST_BACKOFF;
        return true;
      } catch (StatusRuntimeException e) {
        if (!retryable(e)) {
          log.warn("The server refused the state report of gate {}: {}", gate.id(), e.getStatus());
          return false;
        }
        if (e.getStatus().getCode() == Status.Code.UNAUTHENTICATED) {
          token = null;
        }
        try {
          Thread.sleep(wait.toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return false;
        }
        wait = wait.multipliedBy(2).compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait.multipliedBy(2);
      }
    }
    return false;
  }

  private CallCredentials session() {
    if (token == null) {
      try {
        String value = AuthServiceGrpc.newBlockingStub(channel)
            .withDeadlineAfter(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .login(LoginRequest.newBuilder().setUsername(username).setPassword(password)
                .setWorkstation("simulator-gates").build())
            .getToken();
        token = bearer(value);
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

  private static boolean retryable(StatusRuntimeException e) {
    Status.Code code = e.getStatus().getCode();
    return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED
        || code == Status.Code.UNAUTHENTICATED || code == Status.Code.RESOURCE_EXHAUSTED
        || code == Status.Code.ABORTED;
  }

  /** Runs on the gate thread unless closing. */
  private void run(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      // closing
    }
  }

  /** Runs again after the current backoff, which grows up to the settings' maximum. */
  private void later(Runnable task) {
    if (closed) {
      return;
    }
    long millis = backoff.toMillis() / 2 + random.nextInt((int) Math.max(1, backoff.toMillis() / 2));
    backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff()
        : backoff.multipliedBy(2);
    try {
      executor.schedule(task, millis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closing
    }
  }

  private static CallCredentials bearer(String token) {
    Metadata.Key<String> authorization = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    return new CallCredentials() {
      @Override
      public void applyRequestMetadata(RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
        Metadata headers = new Metadata();
        headers.put(authorization, "Bearer " + token);
        applier.apply(headers);
      }

      @Override
      public String toString() {
        return "Bearer[hidden]";
      }
    };
  }
}
