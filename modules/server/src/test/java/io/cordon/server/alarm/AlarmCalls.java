package io.cordon.server.alarm;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmActionRequest;
import io.cordon.api.v1.AlarmBatch;
import io.cordon.api.v1.AlarmIngestServiceGrpc;
import io.cordon.api.v1.AlarmReport;
import io.cordon.api.v1.AlarmServiceGrpc;
import io.cordon.api.v1.AlarmType;
import io.cordon.api.v1.Evidence;
import io.cordon.api.v1.WatchAlarmsRequest;
import io.cordon.server.TestServer;
import io.grpc.Channel;
import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Test calls of the alarm center over real gRPC: a device raising, a user acting, a watching client. */
final class AlarmCalls {

  static final String CAMERA = "CAM-001";

  private AlarmCalls() {
  }

  static AlarmIngestServiceGrpc.AlarmIngestServiceBlockingStub device(Channel channel, String token) {
    return AlarmIngestServiceGrpc.newBlockingStub(channel).withCallCredentials(TestServer.bearer(token))
        .withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  static AlarmServiceGrpc.AlarmServiceBlockingStub user(Channel channel, String token) {
    return AlarmServiceGrpc.newBlockingStub(channel).withCallCredentials(TestServer.bearer(token))
        .withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  static AlarmReport cameraReport(String requestId, AlarmType type, String camera) {
    return AlarmReport.newBuilder()
        .setRequestId(requestId)
        .setType(type)
        .setSourceKind("camera")
        .setSourceId(camera)
        .setTime(now())
        .addEvidence(Evidence.newBuilder().setKind("snapshot").setReference("media://snapshots/" + camera + "/1.jpg"))
        .setDetail("区域入侵")
        .build();
  }

  static AlarmActionRequest.Builder action(Alarm alarm) {
    return AlarmActionRequest.newBuilder().setRequestId(UUID.randomUUID().toString()).setAlarmId(alarm.getAlarmId())
        .setExpectedVersion(alarm.getVersion());
  }

  static AlarmActionRequest acknowledge(Alarm alarm) {
    return action(alarm).setAcknowledge(AlarmActionRequest.Acknowledge.getDefaultInstance()).build();
  }

  static AlarmActionRequest answer(Alarm alarm, String step, String answer) {
    return action(alarm).setAnswerStep(AlarmActionRequest.AnswerSopStep.newBuilder().setStepId(step)
        .setAnswerId(answer)).build();
  }

  static Timestamp now() {
    Instant now = Instant.now();
    return Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()).build();
  }

  /** A client's view through AlarmService.Watch: alarms by id, as the stream delivers them. */
  static final class Watcher implements AutoCloseable {
    final Map<String, Alarm> alarms = new ConcurrentHashMap<>();
    final AtomicLong seq = new AtomicLong();
    final AtomicLong batches = new AtomicLong();
    final AtomicReference<Throwable> error = new AtomicReference<>();
    private final Context.CancellableContext context = Context.current().withCancellation();

    Watcher(Channel channel, String token, long afterSeq) {
      context.run(() -> AlarmServiceGrpc.newStub(channel).withCallCredentials(TestServer.bearer(token))
          .watch(WatchAlarmsRequest.newBuilder().setAfterSeq(afterSeq).build(), new StreamObserver<>() {
            @Override
            public void onNext(AlarmBatch batch) {
              if (batch.getSnapshot()) {
                alarms.clear();
              }
              batch.getAlarmsList().forEach(a -> alarms.merge(a.getAlarmId(), a,
                  (old, fresh) -> fresh.getVersion() >= old.getVersion() ? fresh : old));
              seq.set(batch.getSeq());
              batches.incrementAndGet();
            }

            @Override
            public void onError(Throwable t) {
              error.set(t);
            }

            @Override
            public void onCompleted() {
            }
          }));
    }

    /** The alarms raised by one source, oldest first. */
    java.util.List<Alarm> of(String sourceId) {
      return alarms.values().stream().filter(a -> a.getSourceId().equals(sourceId))
          .sorted(java.util.Comparator.comparing(Alarm::getSeq)).toList();
    }

    Alarm only() {
      if (alarms.size() != 1) {
        throw new AssertionError("expected one alarm, got " + alarms.keySet());
      }
      return alarms.values().iterator().next();
    }

    @Override
    public void close() {
      context.cancel(null);
    }
  }
}
