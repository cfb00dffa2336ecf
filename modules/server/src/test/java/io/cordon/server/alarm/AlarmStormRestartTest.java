package io.cordon.server.alarm;

import static io.cordon.server.alarm.AlarmCenterOverGrpcTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmReport;
import io.cordon.api.v1.AlarmType;
import io.cordon.api.v1.LonLat;
import io.cordon.server.TestServer;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4 point 11: a server restarted in the middle of a storm of device reports loses none that it
 * acknowledged — each becomes an alarm, once.
 */
class AlarmStormRestartTest {

  private static final int SENDERS = 4;

  @TempDir
  Path dataDir;

  @Test
  void everyAcknowledgedReportIsAnAlarmAfterARestartMidStorm() throws Exception {
    TestServer server = TestServer.withDemoUsers(dataDir);
    try {
      String device = server.login("device");
      Set<String> acknowledged = ConcurrentHashMap.newKeySet();
      AtomicInteger next = new AtomicInteger();
      AtomicInteger refused = new AtomicInteger();
      AtomicBoolean storming = new AtomicBoolean(true);
      ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
      for (int t = 0; t < SENDERS; t++) {
        senders.execute(() -> {
          while (storming.get()) {
            String plate = String.format("苏A%05d", next.getAndIncrement());
            try {
              AlarmCalls.device(server.channel(), device).raise(report(plate));
              acknowledged.add(plate);
            } catch (RuntimeException e) {
              refused.incrementAndGet(); // not acknowledged: the device would retry; nothing is owed
              pause();
            }
          }
        });
      }
      await("reports flowing", () -> acknowledged.size() >= 50);
      server.restart();
      int beforeRestart = acknowledged.size();
      await("reports flowing again", () -> acknowledged.size() >= beforeRestart + 50);
      storming.set(false);
      senders.shutdown();
      assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

      try (AlarmCalls.Watcher watcher = new AlarmCalls.Watcher(server.channel(), server.login("operator"), 0)) {
        await("every acknowledged report is an alarm", () -> sources(watcher).containsAll(acknowledged));
        assertThat(watcher.alarms.values()).extracting(Alarm::getCount).containsOnly(1);
        assertThat(refused.get()).as("calls refused while the server restarted").isPositive();
      }
    } finally {
      server.close();
    }
  }

  private static Set<String> sources(AlarmCalls.Watcher watcher) {
    return watcher.alarms.values().stream().map(Alarm::getSourceId).collect(Collectors.toSet());
  }

  private static AlarmReport report(String plate) {
    return AlarmReport.newBuilder()
        .setRequestId("storm-" + plate)
        .setType(AlarmType.ALARM_TYPE_VEHICLE_SPEEDING)
        .setSourceKind("vehicle")
        .setSourceId(plate)
        .setTime(AlarmCalls.now())
        .setLocation(LonLat.newBuilder().setLon(120.944311).setLat(31.929843))
        .build();
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
