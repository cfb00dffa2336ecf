package io.cordon.app.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmServiceGrpc;
import io.cordon.api.v1.AlarmSeverity;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.ManualAlarmRequest;
import io.cordon.api.v1.TimelineEntry;
import io.cordon.api.v1.TimelineLane;
import io.cordon.app.i18n.I18n;
import io.cordon.client.connection.ClientExecutors;
import io.cordon.client.connection.ServerAddress;
import io.cordon.client.connection.ServerConnection;
import io.cordon.client.incident.IncidentClient;
import io.cordon.client.incident.IncidentsViewModel;
import io.cordon.client.timeline.TimelineClient;
import io.cordon.client.timeline.TimelinePreset;
import io.cordon.client.timeline.TimelineViewModel;
import io.cordon.domain.park.Park;
import io.cordon.server.CordonServer;
import io.cordon.server.ServerConfig;
import io.cordon.server.park.ParkFileLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The supervisor's timeline window over a real server: the journal's alarm on its lane, an incident, its report. */
@ExtendWith(ApplicationExtension.class)
class TimelineOverServerTest {
  @TempDir
  static Path dataDir;
  static CordonServer server;
  static ScheduledExecutorService background;
  static ServerConnection supervisor;
  static Alarm alarm;
  TimelineWindow window;

  @BeforeAll
  static void startServer() throws Exception {
    server = CordonServer.start(ServerConfig.builder().dataDir(dataDir).bindAddress("127.0.0.1").demoUsers(true)
        .build());
    background = Executors.newScheduledThreadPool(4);
    supervisor = ServerConnection.open(new ServerAddress("127.0.0.1", server.grpcPort()),
        new ClientExecutors(background, Platform::runLater));
    for (int attempt = 1; ; attempt++) { // a busy machine may miss the password check's deadline once
      try {
        supervisor.signIn("supervisor", "supervisor");
        break;
      } catch (io.grpc.StatusRuntimeException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
    alarm = AlarmServiceGrpc.newBlockingStub(supervisor.channel()).withCallCredentials(supervisor.callCredentials())
        .withDeadlineAfter(30, TimeUnit.SECONDS).reportManual(ManualAlarmRequest.newBuilder()
            .setRequestId(UUID.randomUUID().toString()).setSeverity(AlarmSeverity.ALARM_SEVERITY_MAJOR)
            .setLocation(LonLat.newBuilder().setLon(120.944311).setLat(31.929843)).setDetail("时间轴测试：围栏破损")
            .build());
  }

  @AfterAll
  static void stopServer() {
    if (supervisor != null) {
      supervisor.close();
    }
    server.close();
    background.shutdownNow();
  }

  @Start
  void start(Stage ignored) {
    Park park = ParkFileLoader.loadSample();
    window = new TimelineWindow(TimelineClient.over(supervisor), IncidentClient.over(supervisor),
        new SimpleObjectProperty<>(park), new I18n(I18n.CHINESE), Platform::runLater, Clock.systemUTC());
    window.show();
  }

  @AfterEach
  void close() {
    WaitForAsyncUtils.asyncFx(window::close);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void theLastHoursTimelineShowsTheRaisedAlarmOnItsLane() throws Exception {
    TimelineViewModel vm = window.view().viewModel();
    WaitForAsyncUtils.asyncFx(() -> {
      vm.applyPreset(TimelinePreset.LAST_HOUR);
      vm.load();
    }).get();

    waitFor("the timeline", () -> vm.timelineProperty().get() != null);
    List<TimelineEntry> entries = WaitForAsyncUtils.asyncFx(() -> vm.timelineProperty().get().getEntriesList()).get();
    assertThat(entries).anySatisfy(e -> {
      assertThat(e.getLane()).isEqualTo(TimelineLane.TIMELINE_LANE_ALARM);
      assertThat(e.getEvent().getSubjectsList()).anySatisfy(s -> assertThat(s.getId()).isEqualTo(alarm.getAlarmId()));
    });
  }

  @Test
  void anIncidentMadeFromTheAlarmIsListedAndItsSignedReportIsSaved() throws Exception {
    IncidentsViewModel incidents = window.view().incidents().viewModel();
    WaitForAsyncUtils.asyncFx(() -> {
      incidents.useAlarms(List.of(alarm.getAlarmId()));
      incidents.titleProperty().set("东门围栏破损");
      incidents.create();
    }).get();
    waitFor("the new incident", () -> incidents.incidents().stream()
        .anyMatch(i -> i.getTitle().equals("东门围栏破损") && i.getAlarmIdsList().contains(alarm.getAlarmId())));

    Path target = dataDir.resolve("report.pdf");
    WaitForAsyncUtils.asyncFx(() -> incidents.renderReport(target, "zh-CN")).get();
    waitFor("the saved report", () -> incidents.lastReportProperty().get() != null);

    byte[] pdf = Files.readAllBytes(target);
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(incidents.lastReportProperty().get().sha256())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
  }

  @Test
  void theExportVideoButtonSavesIntoTheChosenFolderAndListsCamerasWithoutRecording() throws Exception {
    IncidentsPanel panel = window.view().incidents();
    IncidentsViewModel incidents = panel.viewModel();
    WaitForAsyncUtils.asyncFx(() -> {
      incidents.useAlarms(List.of(alarm.getAlarmId()));
      incidents.titleProperty().set("东门围栏录像");
      incidents.create();
    }).get();
    waitFor("the new incident", () -> incidents.selectedProperty().get() != null
        && incidents.selectedProperty().get().getTitle().equals("东门围栏录像"));
    Path folder = dataDir.resolve("clips");
    // nothing is recorded on this server: the summary says so for every linked camera
    WaitForAsyncUtils.asyncFx(() -> {
      panel.setClipsFolder(incident -> java.util.Optional.of(folder));
      ((javafx.scene.control.Button) panel.root().lookup("#" + IncidentsPanel.CLIPS_ID)).fire();
    }).get();
    waitFor("the exported clips", () -> incidents.lastClipsProperty().get() != null);

    IncidentsViewModel.SavedClips saved = WaitForAsyncUtils.asyncFx(() -> incidents.lastClipsProperty().get()).get();
    assertThat(saved.folder()).isEqualTo(folder);
    assertThat(saved.clips()).isEmpty();
    String message = WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.control.Label) panel.root()
        .lookup("#" + IncidentsPanel.MESSAGE_ID)).getText()).get();
    assertThat(message).startsWith("已导出 0 段录像到 " + folder);
    saved.withoutRecording().forEach(c -> assertThat(message).contains(c.getCameraId()).contains("事件时间窗内无录像"));
  }

  private static void waitFor(String what, Callable<Boolean> condition) throws TimeoutException {
    try {
      WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    } catch (TimeoutException e) {
      throw new TimeoutException("gave up waiting for " + what);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }
}
