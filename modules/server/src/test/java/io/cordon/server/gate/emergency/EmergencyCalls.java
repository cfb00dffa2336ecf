package io.cordon.server.gate.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import io.cordon.api.v1.EmergencyGateProgress;
import io.cordon.api.v1.EmergencyGateState;
import io.cordon.api.v1.EmergencyScope;
import io.cordon.api.v1.EmergencyStatus;
import io.cordon.api.v1.EndEmergencyRequest;
import io.cordon.api.v1.Event;
import io.cordon.api.v1.EventServiceGrpc;
import io.cordon.api.v1.GateCommand;
import io.cordon.api.v1.GateServiceGrpc;
import io.cordon.api.v1.GateStatusServiceGrpc;
import io.cordon.api.v1.OpenEmergencyRequest;
import io.cordon.api.v1.QueryEventsRequest;
import io.cordon.api.v1.RetryEmergencyGateRequest;
import io.cordon.api.v1.WatchEmergencyRequest;
import io.cordon.api.v1.WatchGateCommandsRequest;
import io.cordon.server.TestServer;
import io.cordon.server.event.NewEvent;
import io.cordon.server.event.SubjectKey;
import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The emergency RPCs as the demo users call them, and a gate played through the journal. */
final class EmergencyCalls {

  static final String ONLINE_CHECK = "agent online check";

  private final TestServer server;

  EmergencyCalls(TestServer server) {
    this.server = server;
  }

  GateServiceGrpc.GateServiceBlockingStub gates(String user) {
    return GateServiceGrpc.newBlockingStub(server.channel())
        .withCallCredentials(TestServer.bearer(server.login(user)))
        .withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  EmergencyStatus open(String user, String requestId, EmergencyScope scope) {
    return gates(user).openEmergency(OpenEmergencyRequest.newBuilder().setRequestId(requestId)
        .setReason("Chlorine leak at tank farm T3").setScope(scope).build());
  }

  EmergencyStatus openWith(String user, String requestId, String second, String password) {
    return gates(user).openEmergency(OpenEmergencyRequest.newBuilder().setRequestId(requestId)
        .setReason("Fire in hall 4").setScope(EmergencyScope.EMERGENCY_SCOPE_EMERGENCY_GATES)
        .setSecondPerson(second).setSecondPassword(password).build());
  }

  EmergencyStatus retry(String user, String requestId, String emergencyId, String gateId) {
    return gates(user).retryEmergencyGate(RetryEmergencyGateRequest.newBuilder().setRequestId(requestId)
        .setEmergencyId(emergencyId).setGateId(gateId).build());
  }

  EmergencyStatus end(String user, String requestId, String emergencyId) {
    return gates(user).endEmergency(EndEmergencyRequest.newBuilder().setRequestId(requestId)
        .setEmergencyId(emergencyId).setReason("Leak contained, all clear").build());
  }

  /** Plays the gate-agent stream: journals the gate's answer to a command. */
  void answer(String gateId, long commandSeq, boolean done, String detail) {
    server.server().journal().append(new NewEvent(Instant.now(), "gate.command_result",
        List.of(new SubjectKey("gate", gateId)), Optional.empty(), "answer " + commandSeq,
        Map.of("command_seq", Long.toString(commandSeq), "done", Boolean.toString(done), "detail", detail,
            "lane", "")));
  }

  /** Every event of the journal, as an operator queries it. */
  List<Event> events() {
    return EventServiceGrpc.newBlockingStub(server.channel())
        .withCallCredentials(TestServer.bearer(server.login("operator")))
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .query(QueryEventsRequest.newBuilder()
            .setFrom(Timestamp.newBuilder().setSeconds(Instant.parse("2000-01-01T00:00:00Z").getEpochSecond()))
            .setTo(Timestamp.newBuilder().setSeconds(Instant.now().plusSeconds(3600).getEpochSecond()))
            .setPageSize(1000)
            .build())
        .getEventsList();
  }

  List<Event> events(String type) {
    return events().stream().filter(e -> e.getType().equals(type)).toList();
  }

  /** Follows WatchEmergency as the given user. */
  StatusWatch watch(String user) {
    StatusWatch watch = new StatusWatch();
    Context.CancellableContext context = Context.current().withCancellation();
    watch.context = context;
    context.run(() -> GateServiceGrpc.newStub(server.channel())
        .withCallCredentials(TestServer.bearer(server.login(user)))
        .withDeadlineAfter(2, TimeUnit.MINUTES)
        .watchEmergency(WatchEmergencyRequest.getDefaultInstance(), watch));
    return watch;
  }

  /** Makes gates "connected": the demo device listens for their commands (the interim stream). */
  CommandWatch connect(String... gateIds) {
    return connectAfter(0, gateIds);
  }

  /** Connects the gates as an agent that resumes after {@code afterSeq} (it gets what was queued since). */
  CommandWatch connectAfter(long afterSeq, String... gateIds) {
    CommandWatch watch = new CommandWatch();
    Context.CancellableContext context = Context.current().withCancellation();
    watch.context = context;
    context.run(() -> GateStatusServiceGrpc.newStub(server.channel())
        .withCallCredentials(TestServer.bearer(server.login("device")))
        .withDeadlineAfter(2, TimeUnit.MINUTES)
        .watchCommands(WatchGateCommandsRequest.newBuilder().addAllGateIds(List.of(gateIds)).setAfterSeq(afterSeq)
            .build(), watch));
    return watch;
  }

  /**
   * Connects the gates and waits until the server knows it: a manual close of each is delivered
   * to the watch (and taken from it).
   */
  CommandWatch connected(String... gateIds) throws InterruptedException {
    CommandWatch watch = connect(gateIds);
    int n = 0;
    for (String gateId : gateIds) {
      boolean listening = false;
      for (int attempt = 0; attempt < 100 && !listening; attempt++) {
        listening = gates("operator").command(io.cordon.api.v1.GateCommandRequest.newBuilder()
            .setRequestId("online-" + gateId + "-" + (n++)).setGateId(gateId)
            .setAction(io.cordon.api.v1.GateAction.GATE_ACTION_CLOSE).setReason(ONLINE_CHECK).build())
            .getGateConnected();
        if (!listening) {
          Thread.sleep(50);
        }
      }
      assertThat(listening).as("gate %s listening", gateId).isTrue();
    }
    return watch;
  }

  static EmergencyGateProgress gate(EmergencyStatus status, String gateId) {
    return status.getGatesList().stream().filter(g -> g.getGateId().equals(gateId)).findFirst().orElseThrow();
  }

  static Predicate<EmergencyStatus> gateIs(String gateId, EmergencyGateState state) {
    return status -> status.getGatesList().stream()
        .anyMatch(g -> g.getGateId().equals(gateId) && g.getState() == state);
  }

  static List<String> violatedFields(StatusRuntimeException e) {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    assertThat(status).as("rich status").isNotNull();
    return status.getDetailsList().stream()
        .filter(any -> any.is(BadRequest.class))
        .flatMap(any -> {
          try {
            return any.unpack(BadRequest.class).getFieldViolationsList().stream();
          } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
            throw new AssertionError(ex);
          }
        })
        .map(BadRequest.FieldViolation::getField)
        .toList();
  }

  /** A WatchEmergency stream that collects what arrives. */
  static final class StatusWatch implements StreamObserver<EmergencyStatus> {
    final BlockingQueue<EmergencyStatus> received = new LinkedBlockingQueue<>();
    final List<EmergencyStatus> seen = new ArrayList<>();
    private Context.CancellableContext context;
    private volatile Throwable ended;

    /** The next status (the wait is a hang guard, not a speed test). */
    EmergencyStatus next() throws InterruptedException {
      EmergencyStatus status = received.poll(30, TimeUnit.SECONDS);
      assertThat(status).as("a status (ended: %s)", ended).isNotNull();
      seen.add(status);
      return status;
    }

    /** The first status that matches, skipping the others. */
    EmergencyStatus until(Predicate<EmergencyStatus> wanted) throws InterruptedException {
      while (true) {
        EmergencyStatus status = next();
        if (wanted.test(status)) {
          return status;
        }
      }
    }

    void cancel() {
      context.cancel(null);
    }

    @Override
    public void onNext(EmergencyStatus value) {
      received.add(value);
    }

    @Override
    public void onError(Throwable t) {
      ended = t;
    }

    @Override
    public void onCompleted() {
      ended = new IllegalStateException("completed");
    }
  }

  /** The interim command stream of the demo device. */
  static final class CommandWatch implements StreamObserver<GateCommand> {
    final BlockingQueue<GateCommand> received = new LinkedBlockingQueue<>();
    private Context.CancellableContext context;

    /** The next command, skipping the online checks (the wait is a hang guard, not a speed test). */
    GateCommand next() throws InterruptedException {
      while (true) {
        GateCommand command = received.poll(30, TimeUnit.SECONDS);
        assertThat(command).as("a command").isNotNull();
        if (!command.getReason().equals(ONLINE_CHECK)) {
          return command;
        }
      }
    }

    void cancel() {
      context.cancel(null);
    }

    @Override
    public void onNext(GateCommand value) {
      received.add(value);
    }

    @Override
    public void onError(Throwable t) {
    }

    @Override
    public void onCompleted() {
    }
  }
}
