package io.cordon.app.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.Application;
import io.cordon.app.i18n.I18n;
import io.cordon.client.connection.ClientExecutors;
import io.cordon.client.connection.ServerAddress;
import io.cordon.client.connection.ServerConnection;
import io.cordon.client.registration.DemoHazmatSubmission;
import io.cordon.client.registration.InboxRow;
import io.cordon.client.registration.RegistrationClient;
import io.cordon.server.CordonServer;
import io.cordon.server.ServerConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
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

/**
 * The reviewer's registration window over a real server on loopback (headless Monocle): a
 * hazmat delivery submitted by the demo applicant reaches the inbox with its SLA timer, is
 * approved through first and joint review into a permit, and a return without reasons shows the
 * server's field error.
 */
@ExtendWith(ApplicationExtension.class)
class RegistrationWindowTest {
  @TempDir
  static Path dataDir;
  static CordonServer server;
  static ScheduledExecutorService background;
  static ServerConnection applicant;
  static ServerConnection reviewer;
  static String haulier;
  RegistrationWindow window;

  @BeforeAll
  static void startServer() {
    server = CordonServer.start(ServerConfig.builder().dataDir(dataDir).bindAddress("127.0.0.1").demoUsers(true)
        .build());
    background = Executors.newScheduledThreadPool(4);
    ServerAddress address = new ServerAddress("127.0.0.1", server.grpcPort());
    ClientExecutors executors = new ClientExecutors(background, Platform::runLater);
    try (ServerConnection admin = ServerConnection.open(address, executors)) {
      signIn(admin, "admin");
      haulier = DemoHazmatSubmission.prepare(admin, "enterprise", "supervisor");
    }
    applicant = ServerConnection.open(address, executors);
    signIn(applicant, "enterprise");
    reviewer = ServerConnection.open(address, executors);
    signIn(reviewer, "supervisor");
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

  @AfterAll
  static void stopServer() {
    if (reviewer != null) {
      reviewer.close();
    }
    if (applicant != null) {
      applicant.close();
    }
    server.close();
    background.shutdownNow();
  }

  @Start
  void start(Stage ignored) {
    window = new RegistrationWindow(new RegistrationClient(reviewer), new I18n(I18n.CHINESE), Clock.systemUTC(),
        Platform::runLater);
    window.show();
  }

  @AfterEach
  void close() throws TimeoutException {
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

  private Application submittedAndListed(FxRobot robot) throws TimeoutException {
    Application a = DemoHazmatSubmission.submit(applicant, haulier);
    robot.interact(() -> window.inbox().refresh());
    waitFor("the inbox row", () -> robot.lookup("#reg-sla-" + a.getApplicationId()).tryQuery().isPresent());
    return a;
  }

  private void open(FxRobot robot, Application a) throws TimeoutException {
    // the id cell as it is on screen now (cells of replaced rows linger outside the scene)
    java.util.function.Predicate<Node> idCell = n -> n instanceof TableCell<?, ?> c && n.getScene() != null
        && n.isVisible() && a.getApplicationId().equals(c.getText());
    waitFor("the id cell", () -> robot.lookup(".table-cell").match(idCell).tryQuery().isPresent());
    robot.clickOn((Node) robot.lookup(".table-cell").match(idCell).query());
    waitFor("the review pane", () -> robot.lookup("#reg-review-state").tryQuery().isPresent()
        && window.review().applicationProperty().get() != null
        && window.review().applicationProperty().get().getApplicationId().equals(a.getApplicationId())
        && !window.review().lanes().isEmpty());
  }

  private boolean enabled(FxRobot robot, String id) {
    return robot.lookup(id).tryQuery().map(n -> !n.isDisabled()).orElse(false);
  }

  @Test
  void theInboxShowsASubmittedHazmatApplicationWithTheTimeLeftForItsReview(FxRobot robot) throws TimeoutException {
    Application a = submittedAndListed(robot);

    TableCell<?, ?> sla = robot.lookup("#reg-sla-" + a.getApplicationId()).queryAs(TableCell.class);
    assertThat(sla.getText()).startsWith("剩 ");
    assertThat(sla.getStyleClass()).doesNotContain(RegistrationStyles.OVERDUE);
    assertThat(robot.lookup(".table-cell").match(n -> n instanceof TableCell<?, ?> c && "危化品运输".equals(c.getText()))
        .tryQuery()).isPresent();
  }

  @Test
  void approvingFromTheReviewPaneIssuesAPermitAndTheApplicationLeavesTheInbox(FxRobot robot) throws TimeoutException {
    Application a = submittedAndListed(robot);
    open(robot, a);

    robot.clickOn("#" + ReviewPane.APPROVE_ID);
    waitFor("joint review", () -> enabled(robot, "#reg-agree-EMERGENCY_MANAGEMENT"));
    robot.clickOn("#reg-agree-EMERGENCY_MANAGEMENT");
    waitFor("the second opinion", () -> enabled(robot, "#reg-agree-ENVIRONMENTAL_PROTECTION")
        && robot.lookup("#reg-agree-EMERGENCY_MANAGEMENT").tryQuery().isEmpty());
    robot.clickOn("#reg-agree-ENVIRONMENTAL_PROTECTION");

    waitFor("the permit", () -> robot.lookup("#" + ReviewPane.PERMIT_ID).tryQuery().isPresent());
    assertThat(robot.lookup("#reg-review-state").queryAs(Label.class).getText()).isEqualTo("已批准");
    assertThat(window.review().permitProperty().get().getGateIdsList()).isNotEmpty();
    waitFor("the application gone from the inbox", () -> window.inbox().rows().stream().map(InboxRow::id)
        .noneMatch(a.getApplicationId()::equals));
  }

  @Test
  void returningWithoutAReasonShowsTheServersFieldError(FxRobot robot) throws TimeoutException {
    Application a = submittedAndListed(robot);
    open(robot, a);

    robot.clickOn("#" + ReviewPane.RETURN_ID);

    waitFor("the field error", () -> !robot.lookup("#" + ReviewPane.ERROR_ID).queryAs(Label.class).getText().isEmpty());
    assertThat(robot.lookup("#" + ReviewPane.ERROR_ID).queryAs(Label.class).getText()).contains("理由");
    assertThat(robot.lookup("#reg-review-state").queryAs(Label.class).getText()).isEqualTo("初审中");
    assertThat(robot.lookup("#" + ReviewPane.RETURN_ID).queryAs(Button.class).isDisabled()).isFalse();
  }
}
