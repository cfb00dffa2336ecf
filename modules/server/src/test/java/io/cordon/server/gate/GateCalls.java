package io.cordon.server.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import io.cordon.api.v1.Event;
import io.cordon.api.v1.EventServiceGrpc;
import io.cordon.api.v1.GateAction;
import io.cordon.api.v1.GateCommand;
import io.cordon.api.v1.GateCommandRequest;
import io.cordon.api.v1.GateCommandResponse;
import io.cordon.api.v1.GateServiceGrpc;
import io.cordon.api.v1.GateState;
import io.cordon.api.v1.GateStateReport;
import io.cordon.api.v1.GateStatus;
import io.cordon.api.v1.GateStatusServiceGrpc;
import io.cordon.api.v1.ListGateStatesRequest;
import io.cordon.api.v1.QueryEventsRequest;
import io.cordon.api.v1.WatchGateCommandsRequest;
import io.cordon.server.TestServer;
import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The gate RPCs as the demo device and demo users call them, for tests over a real server. */
final class GateCalls {

  private final TestServer server;

  GateCalls(TestServer server) {
    this.server = server;
  }

  long report(String user, String requestId, String gateId, GateState state, Instant time) {
    return GateStatusServiceGrpc.newBlockingStub(server.channel())
        .withCallCredentials(TestServer.bearer(server.login(user)))
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .reportState(GateStateReport.newBuilder().setRequestId(requestId).setGateId(gateId).setState(state)
            .setTime(timestamp(time)).build())
        .getSeq();
  }

  long report(String requestId, String gateId, GateState state) {
    return report("device", requestId, gateId, state, Instant.now());
  }

  GateCommandResponse command(String user, String requestId, String gateId, GateAction action, String reason) {
    return GateServiceGrpc.newBlockingStub(server.channel())
        .withCallCredentials(TestServer.bearer(server.login(user)))
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .command(GateCommandRequest.newBuilder().setRequestId(requestId).setGateId(gateId).setAction(action)
            .setReason(reason).build());
  }

  List<GateStatus> states(String user) {
    return GateServiceGrpc.newBlockingStub(server.channel())
        .withCallCredentials(TestServer.bearer(server.login(user)))
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .listStates(ListGateStatesRequest.getDefaultInstance())
        .getGatesList();
  }

  GateStatus state(String gateId) {
    return states("operator").stream().filter(s -> s.getGateId().equals(gateId)).findFirst().orElseThrow();
  }

  /** Every event of the journal, as an operator queries it. */
  List<Event> events() {
    return EventServiceGrpc.newBlockingStub(server.channel())
        .withCallCredentials(TestServer.bearer(server.login("operator")))
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .query(QueryEventsRequest.newBuilder()
            .setFrom(timestamp(Instant.parse("2000-01-01T00:00:00Z")))
            .setTo(timestamp(Instant.now().plusSeconds(3600)))
            .setPageSize(1000)
            .build())
        .getEventsList();
  }

  /** Starts watching commands as the demo device. */
  CommandWatch watch(long afterSeq, String... gateIds) {
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

  static List<String> violatedFields(StatusRuntimeException e) {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    assertThat(status).as("rich status").isNotNull();
    return status.getDetailsList().stream()
        .filter(any -> any.is(BadRequest.class))
        .flatMap(any -> unpack(any).getFieldViolationsList().stream())
        .map(BadRequest.FieldViolation::getField)
        .toList();
  }

  static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }

  private static BadRequest unpack(com.google.protobuf.Any any) {
    try {
      return any.unpack(BadRequest.class);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  /** A device's command stream that collects what arrives. */
  static final class CommandWatch implements StreamObserver<GateCommand> {
    private final BlockingQueue<GateCommand> received = new LinkedBlockingQueue<>();
    final CompletableFuture<Throwable> ended = new CompletableFuture<>();
    private Context.CancellableContext context;

    /** The next command (the wait is a hang guard, not a speed test). */
    GateCommand next() throws InterruptedException {
      GateCommand command = received.poll(30, TimeUnit.SECONDS);
      assertThat(command).as("a command (ended: %s)", ended.getNow(null)).isNotNull();
      return command;
    }

    /** Commands that arrived but were not taken, after a short pause for stragglers. */
    List<GateCommand> extra() throws InterruptedException {
      Thread.sleep(300);
      List<GateCommand> rest = new ArrayList<>();
      received.drainTo(rest);
      return rest;
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
      ended.complete(t);
    }

    @Override
    public void onCompleted() {
      ended.complete(null);
    }
  }
}
