package io.cordon.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.AuthServiceGrpc;
import io.cordon.api.v1.LoginRequest;
import io.cordon.api.v1.SensorIngestServiceGrpc;
import io.cordon.api.v1.SensorReport;
import io.cordon.api.v1.SensorReportKind;
import io.cordon.app.event.EventListView;
import io.cordon.app.login.LoginView;
import io.cordon.app.map.MapPanel;
import io.cordon.app.startup.LaunchOptions;
import io.cordon.client.connection.ServerAddress;
import io.cordon.client.event.EventRow;
import io.cordon.server.CordonServer;
import io.cordon.server.ServerConfig;
import io.cordon.server.park.ParkFileLoader;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** `--server host:port`: the client runs no server of its own and signs in to the given one. */
@ExtendWith(ApplicationExtension.class)
class SeparateServerTest {

  @TempDir Path serverDir;
  @TempDir Path clientDir;

  private CordonServer server;
  private AppDriver driver;

  @AfterEach
  void tearDown() throws Exception {
    if (driver != null) {
      driver.stop();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theClientSignsInToASeparateServerAndShowsItsParkAndEvents(FxRobot robot) throws Exception {
    // Started like a site server, with an admin account from configuration and no demo users.
    server = CordonServer.start(ServerConfig.builder().dataDir(serverDir)
        .adminPassword("Site-Admin-2026").devicePassword("Site-Device-2026").build());
    ServerAddress address = ServerAddress.parse("127.0.0.1:" + server.grpcPort());
    driver = new AppDriver(robot);
    CordonApp app = driver.start(new LaunchOptions(
        Optional.of(address), clientDir.resolve("unused-data"), clientDir.resolve("ws.properties"), false));

    assertThat(app.backend().embedded()).isFalse();
    TextField username = driver.node("#" + LoginView.USERNAME_ID);
    assertThat(username.getText()).as("no prefilled demo user for a separate server").isEmpty();
    robot.clickOn(username).write("admin");
    robot.clickOn("#" + LoginView.PASSWORD_ID).write("Site-Admin-2026");
    AppDriver.waitFor("the login button", () -> !robot.lookup("#" + LoginView.SUBMIT_ID).query().isDisabled());
    robot.clickOn("#" + LoginView.SUBMIT_ID);
    AppDriver.waitFor("the main window", () -> app.mainWindow() != null);

    int zones = ParkFileLoader.loadSample().zones().size();
    AppDriver.waitFor("the park on the map", () -> robot.lookup("#" + MapPanel.MAP_ID + " .zone").queryAll().size() == zones);
    assertThat(clientDir.resolve("unused-data")).as("no embedded database").doesNotExist();

    long seq = reportIntrusion(address, "S-0001");
    TableView<EventRow> events = driver.node("#" + EventListView.TABLE_ID);
    AppDriver.waitFor("the device's report in the list",
        () -> AppDriver.onFx(() -> events.getItems().stream().anyMatch(row -> row.seq() == seq)));
    assertThat(events.getItems()).extracting(EventRow::type).contains("sensor.intrusion");
  }

  /** A perimeter sensor adapter reporting to the site server, as a real device would. */
  private static long reportIntrusion(ServerAddress address, String sensorId) {
    ManagedChannel channel = ManagedChannelBuilder.forAddress(address.host(), address.port()).usePlaintext().build();
    try {
      String token = AuthServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
          .login(LoginRequest.newBuilder().setUsername("device").setPassword("Site-Device-2026").build())
          .getToken();
      Metadata headers = new Metadata();
      headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
      Instant now = Instant.now();
      return SensorIngestServiceGrpc.newBlockingStub(channel)
          .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
          .withDeadlineAfter(10, TimeUnit.SECONDS)
          .report(SensorReport.newBuilder().setRequestId("separate-server-1").setSensorId(sensorId)
              .setKind(SensorReportKind.SENSOR_REPORT_KIND_INTRUSION)
              .setTime(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
              .build())
          .getSeq();
    } finally {
      channel.shutdownNow();
    }
  }
}
