package io.cordon.client.gate;

import io.cordon.api.v1.AccessRecordView;
import io.cordon.api.v1.AuthServiceGrpc;
import io.cordon.api.v1.EmergencyStatus;
import io.cordon.api.v1.EndEmergencyRequest;
import io.cordon.api.v1.GateCommandRequest;
import io.cordon.api.v1.GateCommandResponse;
import io.cordon.api.v1.GateServiceGrpc;
import io.cordon.api.v1.GateStatus;
import io.cordon.api.v1.GetPresenceRequest;
import io.cordon.api.v1.InsideEntry;
import io.cordon.api.v1.ListAccessRecordsRequest;
import io.cordon.api.v1.ListAccessRecordsResponse;
import io.cordon.api.v1.ListGateStatesRequest;
import io.cordon.api.v1.ListGateStatesResponse;
import io.cordon.api.v1.ListInsideRequest;
import io.cordon.api.v1.ListInsideResponse;
import io.cordon.api.v1.LoginRequest;
import io.cordon.api.v1.LoginResponse;
import io.cordon.api.v1.OpenEmergencyRequest;
import io.cordon.api.v1.PresenceSummary;
import io.cordon.api.v1.RetryEmergencyGateRequest;
import io.cordon.api.v1.Role;
import io.cordon.api.v1.WatchEmergencyRequest;
import io.cordon.client.connection.ClientExecutors;
import io.cordon.client.connection.ServerAddress;
import io.cordon.client.connection.ServerConnection;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An in-process GateService (and a sign-in) that answers what the test set, for view-model tests
 * of the gate client (unit scope, DESIGN §10). Everything runs on the calling thread: the server
 * and the channel use direct executors, and the client's background executor is the test's
 * {@link ManualScheduler}, whose execute() runs at once — so a call has completed when it returns.
 */
public final class FakeGateService extends GateServiceGrpc.GateServiceImplBase implements AutoCloseable {

  public volatile List<GateStatus> states = List.of();
  public volatile List<AccessRecordView> records = List.of();
  public volatile PresenceSummary presence = PresenceSummary.getDefaultInstance();
  public volatile List<InsideEntry> inside = List.of();
  /** What OpenEmergency, RetryEmergencyGate and EndEmergency answer, from their request. */
  public volatile Function<OpenEmergencyRequest, EmergencyStatus> onOpen = r -> EmergencyStatus.getDefaultInstance();
  public volatile Function<RetryEmergencyGateRequest, EmergencyStatus> onRetry = r -> EmergencyStatus.getDefaultInstance();
  public volatile Function<EndEmergencyRequest, EmergencyStatus> onEnd = r -> EmergencyStatus.getDefaultInstance();
  /** The first status a new WatchEmergency stream gets. */
  public volatile EmergencyStatus current = EmergencyStatus.getDefaultInstance();
  /** Every call of these fails with it while set. */
  public volatile Status failure;

  public final List<Object> requests = new CopyOnWriteArrayList<>();
  public final List<StreamObserver<EmergencyStatus>> watchers = new CopyOnWriteArrayList<>();
  public volatile int listStatesCalls;
  public volatile int presenceCalls;

  private final Server server;
  private final String name = InProcessServerBuilder.generateName();

  public FakeGateService() {
    try {
      server = InProcessServerBuilder.forName(name).directExecutor()
          .addService(this)
          .addService(new AuthServiceGrpc.AuthServiceImplBase() {
            @Override
            public void login(LoginRequest request, StreamObserver<LoginResponse> response) {
              response.onNext(LoginResponse.newBuilder().setToken("token").addRoles(Role.ROLE_OPERATOR)
                  .setDisplayName(request.getUsername()).build());
              response.onCompleted();
            }
          })
          .build().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A signed-in connection to this service whose calls run on {@code background} (execute = now). */
  public ServerConnection connect(ManualScheduler background) {
    ServerConnection connection = new ServerConnection(new ServerAddress("127.0.0.1", 1),
        InProcessChannelBuilder.forName(name).directExecutor().build(),
        new ClientExecutors(background, Runnable::run));
    connection.signIn("operator", "operator");
    return connection;
  }

  /** Sends a status to every open watch. */
  public void push(EmergencyStatus status) {
    current = status;
    watchers.forEach(w -> w.onNext(status));
  }

  /** Breaks every open watch, as a server restart would. */
  public void breakWatches() {
    List<StreamObserver<EmergencyStatus>> open = new ArrayList<>(watchers);
    watchers.clear();
    open.forEach(w -> w.onError(Status.UNAVAILABLE.withDescription("restart").asRuntimeException()));
  }

  private <T> boolean failed(StreamObserver<T> response) {
    if (failure != null) {
      response.onError(failure.asRuntimeException());
      return true;
    }
    return false;
  }

  private static <T> void answer(StreamObserver<T> response, T value) {
    response.onNext(value);
    response.onCompleted();
  }

  @Override
  public void listStates(ListGateStatesRequest request, StreamObserver<ListGateStatesResponse> response) {
    listStatesCalls++;
    if (!failed(response)) {
      answer(response, ListGateStatesResponse.newBuilder().addAllGates(states).build());
    }
  }

  @Override
  public void command(GateCommandRequest request, StreamObserver<GateCommandResponse> response) {
    requests.add(request);
    if (!failed(response)) {
      answer(response, GateCommandResponse.newBuilder().setCommandSeq(500).setGateConnected(true).build());
    }
  }

  @Override
  public void listAccessRecords(ListAccessRecordsRequest request, StreamObserver<ListAccessRecordsResponse> response) {
    requests.add(request);
    if (!failed(response)) {
      answer(response, ListAccessRecordsResponse.newBuilder().addAllRecords(records).build());
    }
  }

  @Override
  public void getPresence(GetPresenceRequest request, StreamObserver<PresenceSummary> response) {
    presenceCalls++;
    if (!failed(response)) {
      answer(response, presence);
    }
  }

  @Override
  public void listInside(ListInsideRequest request, StreamObserver<ListInsideResponse> response) {
    requests.add(request);
    if (failed(response)) {
      return;
    }
    List<InsideEntry> matching = inside.stream()
        .filter(e -> request.getKind().isEmpty()
            || (request.getKind().equals("PERSON") == e.getHolderClass().equals("PERSON")))
        .filter(e -> request.getEnterpriseId().isEmpty() || request.getEnterpriseId().equals(e.getEnterpriseId()))
        .toList();
    int from = request.getPageToken().isEmpty() ? 0 : Integer.parseInt(request.getPageToken());
    int size = request.getPageSize() == 0 ? 200 : request.getPageSize();
    int to = Math.min(matching.size(), from + size);
    answer(response, ListInsideResponse.newBuilder().addAllEntries(matching.subList(from, to))
        .setNextPageToken(to < matching.size() ? Integer.toString(to) : "").setTotal(matching.size()).build());
  }

  @Override
  public void openEmergency(OpenEmergencyRequest request, StreamObserver<EmergencyStatus> response) {
    requests.add(request);
    if (!failed(response)) {
      answer(response, onOpen.apply(request));
    }
  }

  @Override
  public void retryEmergencyGate(RetryEmergencyGateRequest request, StreamObserver<EmergencyStatus> response) {
    requests.add(request);
    if (!failed(response)) {
      answer(response, onRetry.apply(request));
    }
  }

  @Override
  public void endEmergency(EndEmergencyRequest request, StreamObserver<EmergencyStatus> response) {
    requests.add(request);
    if (!failed(response)) {
      answer(response, onEnd.apply(request));
    }
  }

  @Override
  public void watchEmergency(WatchEmergencyRequest request, StreamObserver<EmergencyStatus> response) {
    if (failed(response)) {
      return;
    }
    watchers.add(response);
    response.onNext(current);
  }

  /** The requests of one type, in order. */
  public <T> List<T> requests(Class<T> type) {
    return requests.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Override
  public void close() {
    server.shutdownNow();
  }

  static StatusRuntimeException unavailable() {
    return Status.UNAVAILABLE.asRuntimeException();
  }
}
