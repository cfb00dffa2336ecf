package io.cordon.client.alarm;

import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmActionRequest;
import io.cordon.api.v1.ManualAlarmRequest;
import io.cordon.api.v1.SnoozeRequest;
import io.cordon.api.v1.SnoozeResponse;
import io.cordon.api.v1.UnsnoozeRequest;
import java.util.concurrent.CompletableFuture;

/**
 * The server's {@code AlarmService} unary calls as the alarm view models use them; {@link
 * AlarmClient} over gRPC. Every future completes off the UI thread, exceptionally with the gRPC
 * status.
 */
public interface AlarmBackend {

  /** One alarm with its whole history. */
  CompletableFuture<Alarm> get(String alarmId);

  /** One lifecycle action, checked by the server against {@code expected_version}. */
  CompletableFuture<Alarm> act(AlarmActionRequest request);

  CompletableFuture<Alarm> reportManual(ManualAlarmRequest request);

  CompletableFuture<SnoozeResponse> snooze(SnoozeRequest request);

  CompletableFuture<SnoozeResponse> unsnooze(UnsnoozeRequest request);
}
