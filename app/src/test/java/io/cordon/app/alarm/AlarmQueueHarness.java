package io.cordon.app.alarm;

import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmActionRequest;
import io.cordon.api.v1.ManualAlarmRequest;
import io.cordon.api.v1.Role;
import io.cordon.api.v1.SnoozeRequest;
import io.cordon.api.v1.SnoozeResponse;
import io.cordon.api.v1.UnsnoozeRequest;
import io.cordon.app.i18n.I18n;
import io.cordon.client.alarm.AlarmActions;
import io.cordon.client.alarm.AlarmBackend;
import io.cordon.client.alarm.AlarmDetailViewModel;
import io.cordon.client.alarm.AlarmQueueViewModel;
import io.cordon.client.alarm.AlarmStore;
import io.cordon.client.auth.Session;
import io.cordon.client.connection.ClientExecutors;
import io.cordon.client.connection.ConnectionState;
import io.grpc.Status;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Platform;

/** The alarm queue view over a real store and view models, with a backend that records what it is asked. */
final class AlarmQueueHarness implements AlarmBackend {
  final List<AlarmActionRequest> acts = new CopyOnWriteArrayList<>();
  volatile Status failure;
  final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "alarm-test-background");
    t.setDaemon(true);
    return t;
  });
  final AlarmStore store = new AlarmStore(Platform::runLater);
  final Session session = new Session("operator", "值班员", List.of(Role.ROLE_OPERATOR));
  final AlarmQueueViewModel queue;
  final AlarmDetailViewModel detail;
  final AlarmActions actions;
  final AlarmSound sound = new AlarmSound();
  final AlarmQueueView view;

  /** Call on the FX thread. */
  AlarmQueueHarness(I18n i18n, Clock clock) {
    queue = new AlarmQueueViewModel(store, session, clock, new ClientExecutors(background, Platform::runLater));
    queue.onFeedState(ConnectionState.CONNECTED);
    detail = new AlarmDetailViewModel(store);
    actions = new AlarmActions(this, store, session, queue.connectedBinding(), detail.alarmProperty(),
        Platform::runLater);
    view = new AlarmQueueView(queue, detail, actions, i18n, sound);
  }

  @Override
  public CompletableFuture<Alarm> get(String alarmId) {
    return CompletableFuture.completedFuture(store.find(alarmId).orElseThrow());
  }

  @Override
  public CompletableFuture<Alarm> act(AlarmActionRequest request) {
    acts.add(request);
    if (failure != null) {
      return CompletableFuture.failedFuture(failure.asRuntimeException());
    }
    Alarm seen = store.find(request.getAlarmId()).orElseThrow();
    return CompletableFuture.completedFuture(seen.toBuilder().setVersion(seen.getVersion() + 1).build());
  }

  @Override
  public CompletableFuture<Alarm> reportManual(ManualAlarmRequest request) {
    return CompletableFuture.failedFuture(Status.UNIMPLEMENTED.asRuntimeException());
  }

  @Override
  public CompletableFuture<SnoozeResponse> snooze(SnoozeRequest request) {
    return CompletableFuture.completedFuture(SnoozeResponse.getDefaultInstance());
  }

  @Override
  public CompletableFuture<SnoozeResponse> unsnooze(UnsnoozeRequest request) {
    return CompletableFuture.completedFuture(SnoozeResponse.getDefaultInstance());
  }

  void close() {
    view.close();
    background.shutdownNow();
  }
}
