package io.cordon.app.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.Application;
import io.cordon.api.v1.BlacklistEntry;
import io.cordon.api.v1.RecordViolationRequest;
import io.cordon.api.v1.ViolationKind;
import io.cordon.app.i18n.I18n;
import io.cordon.client.connection.ClientExecutors;
import io.cordon.client.connection.ServerAddress;
import io.cordon.client.connection.ServerConnection;
import io.cordon.client.registration.DemoHazmatSubmission;
import io.cordon.client.registration.InboxRow;
import io.cordon.client.registration.RegistrationClient;
import io.cordon.client.registration.RegistrySearchViewModel;
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
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
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
 * approved through first and joint review into a permit (which can then be revoked), and a
 * return without reasons shows the server's field error; the registry search and blacklist tabs.
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
    // read on the FX thread: the inbox changes there, and a stream over it from here can see it half-changed
    waitFor("the application gone from the inbox", () -> WaitForAsyncUtils.asyncFx(() -> window.inbox().rows()
        .stream().map(InboxRow::id).noneMatch(a.getApplicationId()::equals)).get());
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

  // ---- permit revocation ----------------------------------------------------------------------

  /** A hazmat delivery approved through the review pane: its permit shown. */
  private Application issuedPermitOnScreen(FxRobot robot) throws TimeoutException {
    Application a = submittedAndListed(robot);
    open(robot, a);
    robot.clickOn("#" + ReviewPane.APPROVE_ID);
    waitFor("joint review", () -> enabled(robot, "#reg-agree-EMERGENCY_MANAGEMENT"));
    robot.clickOn("#reg-agree-EMERGENCY_MANAGEMENT");
    waitFor("the second opinion", () -> enabled(robot, "#reg-agree-ENVIRONMENTAL_PROTECTION")
        && robot.lookup("#reg-agree-EMERGENCY_MANAGEMENT").tryQuery().isEmpty());
    robot.clickOn("#reg-agree-ENVIRONMENTAL_PROTECTION");
    waitFor("the revoke button", () -> enabled(robot, "#" + ReviewPane.REVOKE_ID));
    return a;
  }

  @Test
  void revokingAPermitWithAReasonShowsItRevoked(FxRobot robot) throws TimeoutException {
    issuedPermitOnScreen(robot);

    robot.interact(() -> robot.lookup("#" + ReviewPane.REVOKE_REASON_ID).queryAs(TextField.class)
        .setText("押运员资格证被注销"));
    robot.clickOn("#" + ReviewPane.REVOKE_ID);

    waitFor("the revoked permit", () -> robot.lookup("#" + ReviewPane.PERMIT_REVOKED_ID).tryQuery().isPresent());
    assertThat(window.review().permitProperty().get().getRevocation().getReason()).isEqualTo("押运员资格证被注销");
    assertThat(robot.lookup("#" + ReviewPane.PERMIT_ID).lookup(".label")
        .match(n -> ((Label) n).getText().contains("押运员资格证被注销")).tryQuery()).isPresent();
    assertThat(robot.lookup("#" + ReviewPane.REVOKE_ID).tryQuery()).isEmpty();
  }

  @Test
  void revokingWithoutAReasonShowsTheServersFieldError(FxRobot robot) throws TimeoutException {
    issuedPermitOnScreen(robot);

    robot.clickOn("#" + ReviewPane.REVOKE_ID);

    waitFor("the field error", () -> !robot.lookup("#" + ReviewPane.ERROR_ID).queryAs(Label.class).getText().isEmpty());
    assertThat(robot.lookup("#" + ReviewPane.ERROR_ID).queryAs(Label.class).getText()).contains("理由");
    assertThat(window.review().permitProperty().get().hasRevocation()).isFalse();
    assertThat(robot.lookup("#" + ReviewPane.PERMIT_REVOKED_ID).tryQuery()).isEmpty();
  }

  // ---- 黑名单与违规 and 登记查询 ----------------------------------------------------------------

  /** The cells of one table as they are on screen now (cells of replaced rows linger outside the scene). */
  private static java.util.List<String> shownCells(FxRobot robot, String tableId) {
    return robot.from(robot.lookup("#" + tableId).queryAs(Node.class)).lookup(".table-cell")
        .match(n -> n.getScene() != null && n.isVisible() && ((TableCell<?, ?>) n).getTableRow() != null
            && ((TableCell<?, ?>) n).getTableRow().getItem() != null)
        .queryAllAs(TableCell.class).stream().map(c -> c.getText() == null ? "" : c.getText()).toList();
  }

  @Test
  void theBlacklistTabShowsTheEntryAndViolationAndLiftingWithAReasonRemovesTheEntry(FxRobot robot)
      throws Exception {
    String driver = DemoHazmatSubmission.submit(applicant, haulier).getContent().getDriver().getPersonId();
    java.time.Instant now = java.time.Instant.now();
    new RegistrationClient(reviewer).recordViolation(RecordViolationRequest.newBuilder()
        .setRequestId(RegistrationClient.requestId()).setKind(ViolationKind.VIOLATION_KIND_FORCING_GATE)
        .setAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond())).setPersonId(driver).setGateId("G1")
        .setDescription("夜间强行冲卡").build()).get(30, TimeUnit.SECONDS);

    robot.interact(() -> window.selectTab(RegistrationWindow.BLACKLIST_TAB_ID));
    waitFor("the entry and the violation", () -> shownCells(robot, BlacklistView.ENTRIES_ID).stream()
        .anyMatch(t -> t.endsWith(driver)) && shownCells(robot, BlacklistView.VIOLATIONS_ID).contains("夜间强行冲卡"));

    TableRow<?> row = robot.lookup(".table-row-cell").match(n -> n.getScene() != null
        && ((TableRow<?>) n).getItem() instanceof BlacklistEntry e && e.getSubject().getId().equals(driver))
        .queryAs(TableRow.class);
    robot.clickOn(robot.from(row).lookup(".button").queryButton());
    waitFor("the reason dialog", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
    DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    robot.interact(() -> robot.from(dialog).lookup(".text-field").queryAs(TextField.class).setText("复核确认系道闸故障"));
    robot.clickOn(dialog.lookupButton(ButtonType.OK));

    waitFor("the entry gone", () -> window.blacklist().entries().stream()
        .noneMatch(e -> e.getSubject().getId().equals(driver))
        && shownCells(robot, BlacklistView.ENTRIES_ID).stream().noneMatch(t -> t.endsWith(driver)));
    assertThat(shownCells(robot, BlacklistView.VIOLATIONS_ID)).contains("夜间强行冲卡");
  }

  @Test
  void searchingARegisteredPlateFindsTheVehicle(FxRobot robot) throws TimeoutException {
    String plate = DemoHazmatSubmission.submit(applicant, haulier).getContent().getVehicles(0).getPlate();
    robot.interact(() -> {
      window.selectTab(RegistrationWindow.SEARCH_TAB_ID);
      robot.lookup("#reg-search-kind").queryAs(ComboBox.class).setValue(RegistrySearchViewModel.Kind.VEHICLES);
      robot.lookup("#reg-search-text").queryAs(TextField.class).setText(plate);
    });

    robot.clickOn("#reg-search-go");

    waitFor("the vehicle", () -> shownCells(robot, RegistrySearchView.VEHICLES_ID).contains(plate));
    assertThat(window.search().vehicles()).extracting(v -> v.getPlate()).containsExactly(plate);
  }
}
