package io.cordon.client.alarm;

import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmActionRequest;
import io.cordon.api.v1.AlarmBatch;
import io.cordon.api.v1.AlarmServiceGrpc;
import io.cordon.api.v1.AuthServiceGrpc;
import io.cordon.api.v1.GetAlarmRequest;
import io.cordon.api.v1.LoginRequest;
import io.cordon.api.v1.LoginResponse;
import io.cordon.api.v1.Role;
import io.cordon.api.v1.WatchAlarmsRequest;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the server's alarm service on a loopback port (the real one is being written):
 * sign-in, Watch streams the test drives by hand, Get and Act over a map of alarms with the
 * version check of the contract.
 */
final class InTestAlarmServer implements AutoCloseable {
  final List<WatchAlarmsRequest> watches = new CopyOnWriteArrayList<>();
  final List<ServerCallStreamObserver<AlarmBatch>> streams = new CopyOnWriteArrayList<>();
  final Map<String, Alarm> alarms = new ConcurrentHashMap<>();
  final AtomicInteger logins = new AtomicInteger();
  /** The next watch is refused as UNAUTHENTICATED (the server forgot the session). */
  volatile boolean refuseNextWatch;
  private final Server server;

  InTestAlarmServer() {
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new AuthServiceGrpc.AuthServiceImplBase() {
          @Override
          public void login(LoginRequest request, StreamObserver<LoginResponse> answer) {
            answer.onNext(LoginResponse.newBuilder().setToken("token-" + logins.incrementAndGet())
                .setDisplayName(request.getUsername()).addRoles(Role.ROLE_OPERATOR).build());
            answer.onCompleted();
          }
        })
        .addService(new AlarmServiceGrpc.AlarmServiceImplBase() {
          @Override
          public void watch(WatchAlarmsRequest request, StreamObserver<AlarmBatch> stream) {
            watches.add(request);
            if (refuseNextWatch) {
              refuseNextWatch = false;
              stream.onError(Status.UNAUTHENTICATED.withDescription("unknown session").asRuntimeException());
              return;
            }
            streams.add((ServerCallStreamObserver<AlarmBatch>) stream);
          }

          @Override
          public void get(GetAlarmRequest request, StreamObserver<Alarm> answer) {
            Alarm alarm = alarms.get(request.getAlarmId());
            if (alarm == null) {
              answer.onError(Status.NOT_FOUND.asRuntimeException());
              return;
            }
            answer.onNext(alarm);
            answer.onCompleted();
          }

          @Override
          public void act(AlarmActionRequest request, StreamObserver<Alarm> answer) {
            Alarm alarm = alarms.get(request.getAlarmId());
            if (alarm.getVersion() != request.getExpectedVersion()) {
              answer.onError(Status.FAILED_PRECONDITION.withDescription(
                  alarm.getAlarmId() + " is " + alarm.getState() + " at version " + alarm.getVersion())
                  .asRuntimeException());
              return;
            }
            Alarm changed = alarm.toBuilder().setVersion(alarm.getVersion() + 1)
                .setState(io.cordon.api.v1.AlarmState.ALARM_STATE_ACKNOWLEDGED).setAssignee("wang").build();
            alarms.put(changed.getAlarmId(), changed);
            answer.onNext(changed);
            answer.onCompleted();
          }
        })
        .build();
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return server.getPort();
  }

  /** Sends a batch on the latest watch stream. */
  void send(AlarmBatch batch) {
    streams.get(streams.size() - 1).onNext(batch);
  }

  /** Breaks the latest watch stream as a lost link would. */
  void breakStream() {
    streams.get(streams.size() - 1).onError(Status.UNAVAILABLE.withDescription("link lost").asRuntimeException());
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
