package io.cordon.client.alarm;

import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmActionRequest;
import io.cordon.api.v1.AlarmServiceGrpc;
import io.cordon.api.v1.GetAlarmRequest;
import io.cordon.api.v1.ManualAlarmRequest;
import io.cordon.api.v1.SnoozeRequest;
import io.cordon.api.v1.SnoozeResponse;
import io.cordon.api.v1.UnsnoozeRequest;
import io.cordon.client.connection.ServerConnection;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@link AlarmBackend} over the client's connection: blocking calls with {@link
 * ServerConnection#CALL_DEADLINE} on the connection's background executor.
 */
public final class AlarmClient implements AlarmBackend {

  private final ServerConnection connection;

  public AlarmClient(ServerConnection connection) {
    this.connection = Objects.requireNonNull(connection, "connection");
  }

  @Override
  public CompletableFuture<Alarm> get(String alarmId) {
    return call(stub -> stub.get(GetAlarmRequest.newBuilder().setAlarmId(alarmId).build()));
  }

  @Override
  public CompletableFuture<Alarm> act(AlarmActionRequest request) {
    return call(stub -> stub.act(request));
  }

  @Override
  public CompletableFuture<Alarm> reportManual(ManualAlarmRequest request) {
    return call(stub -> stub.reportManual(request));
  }

  @Override
  public CompletableFuture<SnoozeResponse> snooze(SnoozeRequest request) {
    return call(stub -> stub.snooze(request));
  }

  @Override
  public CompletableFuture<SnoozeResponse> unsnooze(UnsnoozeRequest request) {
    return call(stub -> stub.unsnooze(request));
  }

  private <T> CompletableFuture<T> call(Function<AlarmServiceGrpc.AlarmServiceBlockingStub, T> rpc) {
    return CompletableFuture.supplyAsync(() -> rpc.apply(stub()), connection.executors().background());
  }

  private AlarmServiceGrpc.AlarmServiceBlockingStub stub() {
    return AlarmServiceGrpc.newBlockingStub(connection.channel())
        .withCallCredentials(connection.callCredentials())
        .withDeadlineAfter(ServerConnection.CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
  }
}
