package io.cordon.client.alarm;

import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmActionRequest;
import io.cordon.api.v1.ManualAlarmRequest;
import io.cordon.api.v1.SnoozeRequest;
import io.cordon.api.v1.SnoozeResponse;
import io.cordon.api.v1.UnsnoozeRequest;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Answers at once: each action with {@link #answer}, or fails with {@link #failure}; records the requests. */
final class FakeAlarmBackend implements AlarmBackend {
  final List<AlarmActionRequest> acts = new ArrayList<>();
  final List<String> gets = new ArrayList<>();
  final List<SnoozeRequest> snoozes = new ArrayList<>();
  final List<ManualAlarmRequest> reports = new ArrayList<>();
  Function<AlarmActionRequest, Alarm> answer = r -> Alarm.newBuilder().setAlarmId(r.getAlarmId())
      .setVersion(r.getExpectedVersion() + 1).build();
  Status failure;
  Alarm current;

  @Override
  public CompletableFuture<Alarm> get(String alarmId) {
    gets.add(alarmId);
    return CompletableFuture.completedFuture(current);
  }

  @Override
  public CompletableFuture<Alarm> act(AlarmActionRequest request) {
    acts.add(request);
    if (failure != null) {
      return CompletableFuture.failedFuture(failure.asRuntimeException());
    }
    return CompletableFuture.completedFuture(answer.apply(request));
  }

  @Override
  public CompletableFuture<Alarm> reportManual(ManualAlarmRequest request) {
    reports.add(request);
    return CompletableFuture.completedFuture(Alarm.newBuilder().setAlarmId("A-000900").setVersion(1).build());
  }

  @Override
  public CompletableFuture<SnoozeResponse> snooze(SnoozeRequest request) {
    snoozes.add(request);
    return CompletableFuture.completedFuture(SnoozeResponse.getDefaultInstance());
  }

  @Override
  public CompletableFuture<SnoozeResponse> unsnooze(UnsnoozeRequest request) {
    return CompletableFuture.completedFuture(SnoozeResponse.getDefaultInstance());
  }
}
