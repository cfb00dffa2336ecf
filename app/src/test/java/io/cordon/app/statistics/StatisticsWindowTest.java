package io.cordon.app.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.AlarmServiceGrpc;
import io.cordon.api.v1.AlarmSeverity;
import io.cordon.api.v1.AlarmType;
import io.cordon.api.v1.ExportFormat;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.ManualAlarmRequest;
import io.cordon.api.v1.ReportPeriod;
import io.cordon.app.i18n.I18n;
import io.cordon.client.connection.ClientExecutors;
import io.cordon.client.connection.ServerAddress;
import io.cordon.client.connection.ServerConnection;
import io.cordon.client.statistics.StatisticsClient;
import io.cordon.server.CordonServer;
import io.cordon.server.ServerConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The statistics window over a real server on loopback (headless Monocle), with two alarms raised today. */
@ExtendWith(ApplicationExtension.class)
class StatisticsWindowTest {
  @TempDir
  static Path dataDir;
  static CordonServer server;
  static ScheduledExecutorService background;
  static ServerConnection operator;
  StatisticsWindow window;

  @BeforeAll
  static void startServer() {
    server = CordonServer.start(ServerConfig.builder().dataDir(dataDir).bindAddress("127.0.0.1").demoUsers(true)
        .build());
    background = Executors.newScheduledThreadPool(4);
    operator = ServerConnection.open(new ServerAddress("127.0.0.1", server.grpcPort()),
        new ClientExecutors(background, Platform::runLater));
    signIn(operator, "operator");
    raise(AlarmType.ALARM_TYPE_SMOKE_FIRE);
    raise(AlarmType.ALARM_TYPE_LOITERING);
  }

  /** Signs in a demo user; again when a busy machine made the password check miss its deadline. */
  static void signIn(ServerConnection connection, String user) {
    for (int attempt = 1; ; attempt++) {
      try {
        connection.signIn(user, user);
        return;
      } catch (io.grpc.StatusRuntimeException e) {
        if (attempt == 3 || e.getStatus().getCode() != io.grpc.Status.Code.DEADLINE_EXCEEDED) {
          throw e;
        }
      }
    }
  }

  private static void raise(AlarmType type) {
    AlarmServiceGrpc.newBlockingStub(operator.channel()).withCallCredentials(operator.callCredentials())
        .withDeadlineAfter(30, TimeUnit.SECONDS).reportManual(ManualAlarmRequest.newBuilder()
            .setRequestId(UUID.randomUUID().toString()).setType(type).setSeverity(AlarmSeverity.ALARM_SEVERITY_MAJOR)
            .setLocation(LonLat.newBuilder().setLon(120.944311).setLat(31.929843)).setDetail("统计窗口测试").build());
  }

  @AfterAll
  static void stopServer() {
    if (operator != null) {
      operator.close();
    }
    server.close();
    background.shutdownNow();
  }

  @Start
  void start(Stage ignored) {
    window = new StatisticsWindow(StatisticsClient.over(operator), new I18n(I18n.CHINESE), Clock.systemUTC(),
        Platform::runLater);
    window.show();
  }

  @AfterEach
  void close() {
    WaitForAsyncUtils.asyncFx(window::close);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static void waitFor(String what, Callable<Boolean> condition) throws TimeoutException {
    try {
      WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    } catch (TimeoutException e) {
      throw new TimeoutException("gave up waiting for " + what);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void todaysAlarmsShowAsBarsByTypeInChinese(FxRobot robot) throws TimeoutException {
    waitFor("the report", () -> window.viewModel().reportProperty().get() != null);

    BarChart<?, ?> chart = robot.lookup("#stats-chart-alarm-type .chart").queryAs(BarChart.class);
    java.util.List<Object> types = new java.util.ArrayList<>();
    for (XYChart.Data<?, ?> d : chart.getData().get(0).getData()) {
      types.add(d.getXValue());
    }
    assertThat(types).containsExactlyInAnyOrder("烟火", "徘徊");
    Label alarms = robot.lookup("#stats-figure-alarms .stats-figure-value").queryAs(Label.class);
    assertThat(alarms.getText()).isEqualTo("2");
  }

  @Test
  void everySectionHasItsChart(FxRobot robot) throws TimeoutException {
    waitFor("the report", () -> window.viewModel().reportProperty().get() != null);

    for (String id : new String[] {"class", "gate", "trend", "hazmat", "alarm-type", "alarm-zone", "outcome",
        "response", "occupancy"}) {
      Node card = robot.lookup("#stats-chart-" + id).query();
      assertThat(card.isVisible()).as(id).isTrue();
    }
    Label response = robot.lookup("#stats-chart-response .stats-chart-title").queryAs(Label.class);
    assertThat(response.getText()).contains("目标 60 秒内", "未接警 2 起");
  }

  @Test
  void theWeeklyButtonShowsTheWeekFromMonday(FxRobot robot) throws TimeoutException {
    waitFor("the report", () -> window.viewModel().reportProperty().get() != null);

    robot.clickOn("#stats-period-weekly");
    waitFor("the weekly report", () -> window.viewModel().reportProperty().get().getPeriod()
        == ReportPeriod.REPORT_PERIOD_WEEKLY);

    Label period = robot.lookup("#stats-period-text").queryAs(Label.class);
    assertThat(period.getText()).matches("\\d{4}-\\d{2}-\\d{2} – \\d{4}-\\d{2}-\\d{2}");
    assertThat(java.time.LocalDate.parse(period.getText().substring(0, 10)).getDayOfWeek())
        .isEqualTo(java.time.DayOfWeek.MONDAY);
  }

  @Test
  void aPdfExportComesFromTheServer(FxRobot robot) throws Exception {
    waitFor("the report", () -> window.viewModel().reportProperty().get() != null);

    var file = WaitForAsyncUtils.asyncFx(() -> window.viewModel().export(ExportFormat.EXPORT_FORMAT_PDF)).get()
        .get(60, TimeUnit.SECONDS);

    assertThat(file.getFileName()).endsWith(".pdf");
    assertThat(file.getContent().substring(0, 4).toStringUtf8()).isEqualTo("%PDF");
  }
}
