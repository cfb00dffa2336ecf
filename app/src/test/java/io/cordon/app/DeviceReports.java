package io.cordon.app;

import io.cordon.api.v1.AlarmIngestServiceGrpc;
import io.cordon.api.v1.AlarmReport;
import io.cordon.api.v1.AlarmSeverity;
import io.cordon.api.v1.AlarmType;
import io.cordon.client.alarm.AlarmProtos;
import io.cordon.client.connection.ClientExecutors;
import io.cordon.client.connection.ServerConnection;
import io.cordon.domain.park.Camera;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** What devices send the running app's server in UI tests, through the real device RPCs. */
final class DeviceReports {
  private DeviceReports() {
  }

  /** What a video analytics server does: one critical smoke/fire report at a camera, as the device user. */
  static void smokeAt(CordonApp app, Camera camera) {
    ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor();
    try (ServerConnection device = ServerConnection.open(app.backend().address(),
        new ClientExecutors(background, Runnable::run))) {
      device.signIn("device", "device");
      AlarmIngestServiceGrpc.newBlockingStub(device.channel())
          .withCallCredentials(device.callCredentials())
          .withDeadlineAfter(5, TimeUnit.SECONDS)
          .raise(AlarmReport.newBuilder()
              .setRequestId("ui-test-" + System.nanoTime())
              .setType(AlarmType.ALARM_TYPE_SMOKE_FIRE)
              .setSourceKind("camera")
              .setSourceId(camera.id().value())
              .setTime(AlarmProtos.timestamp(Instant.now()))
              .setSeverity(AlarmSeverity.ALARM_SEVERITY_CRITICAL)
              .setDetail("smoke near the camera")
              .build());
    } finally {
      background.shutdownNow();
    }
  }
}
