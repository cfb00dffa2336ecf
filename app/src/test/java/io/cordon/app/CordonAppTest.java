package io.cordon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.app.dock.DockableView;
import io.cordon.app.event.EventListView;
import io.cordon.app.main.MainWindow;
import io.cordon.app.map.MapPanel;
import io.cordon.client.event.EventRow;
import io.cordon.server.park.ParkFileLoader;
import java.nio.file.Path;
import javafx.scene.Node;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** The whole client in embedded mode (server + simulator in this JVM), driven like an operator. */
@ExtendWith(ApplicationExtension.class)
class CordonAppTest {
  private static final String EVENTS_TOGGLE = "#" + DockableView.toggleButtonId(MainWindow.EVENTS_VIEW);

  @TempDir Path dataDir;
  @TempDir Path configDir;

  private AppDriver driver;
  private Path workstationFile;

  @BeforeEach
  void setUp(FxRobot robot) {
    driver = new AppDriver(robot);
    workstationFile = configDir.resolve("workstation.properties");
  }

  @AfterEach
  void tearDown() throws Exception {
    driver.stop();
  }

  @Test
  void operatorSeesOneShapePerZoneOfTheSampleParkAndLiveEvents(FxRobot robot) throws Exception {
    driver.start(dataDir, workstationFile);
    driver.signInAsOperator();

    int zones = ParkFileLoader.loadSample().zones().size();
    AppDriver.waitFor("the park on the map", () -> robot.lookup("#" + MapPanel.MAP_ID + " .zone").queryAll().size() == zones);
    assertThat(robot.lookup("#" + MapPanel.MAP_ID + " .zone").queryAll()).hasSize(zones);

    TableView<EventRow> events = driver.node("#" + EventListView.TABLE_ID);
    // the simulator's sensors and gate agents both report; the sensors' heartbeats are among the first
    AppDriver.waitFor("live sensor events",
        () -> AppDriver.onFx(() -> events.getItems().stream().anyMatch(e -> e.type().startsWith("sensor."))));
    assertThat(events.getItems()).anySatisfy(e -> assertThat(e.type()).startsWith("sensor."));
  }

  @Test
  void theLoginFormPutsTheCursorInThePasswordWhenTheNameIsPrefilled(FxRobot robot) throws Exception {
    driver.start(dataDir, workstationFile);

    Node password = driver.node("#" + io.cordon.app.login.LoginView.PASSWORD_ID);
    AppDriver.waitFor("the password field focused", password::isFocused);
    assertThat(password.isFocused()).isTrue();
  }

  @Test
  void eventViewDetachesIntoItsOwnWindowAndDocksBack(FxRobot robot) throws Exception {
    driver.start(dataDir, workstationFile);
    driver.signInAsOperator();
    Node map = driver.node("#" + MapPanel.MAP_ID);

    robot.clickOn(EVENTS_TOGGLE);
    AppDriver.waitFor("the detached window", () -> eventsWindow() != map.getScene().getWindow());
    assertThat(eventsWindow().isShowing()).isTrue();

    robot.clickOn(EVENTS_TOGGLE);
    AppDriver.waitFor("the view back in the main window", () -> eventsWindow() == map.getScene().getWindow());

    robot.clickOn(EVENTS_TOGGLE);
    AppDriver.waitFor("the detached window again", () -> eventsWindow() != map.getScene().getWindow());
    Window detached = eventsWindow();
    robot.interact(() -> detached.fireEvent(new WindowEvent(detached, WindowEvent.WINDOW_CLOSE_REQUEST)));
    AppDriver.waitFor("closing the window to dock the view", () -> eventsWindow() == map.getScene().getWindow());
    assertThat(detached.isShowing()).isFalse();
  }

  @Test
  void detachedViewIsRestoredAtTheNextStart(FxRobot robot) throws Exception {
    driver.start(dataDir, workstationFile);
    driver.signInAsOperator();
    robot.clickOn(EVENTS_TOGGLE);
    Node map = driver.node("#" + MapPanel.MAP_ID);
    AppDriver.waitFor("the detached window", () -> eventsWindow() != map.getScene().getWindow());
    driver.stop();

    driver.start(dataDir, workstationFile);
    driver.signInAsOperator();
    Node mapAgain = driver.node("#" + MapPanel.MAP_ID);
    assertThat(eventsWindow()).isNotSameAs(mapAgain.getScene().getWindow());
    assertThat(eventsWindow().isShowing()).isTrue();
  }

  @Test
  void switchingToEnglishRelabelsTheWindow(FxRobot robot) throws Exception {
    driver.start(dataDir, workstationFile);
    driver.signInAsOperator();
    Label mapTitle = driver.node("#view-title-" + MainWindow.MAP_VIEW);
    assertThat(mapTitle.getText()).isEqualTo("园区地图");
    AppDriver.waitFor("Chinese event summaries", () -> summaries(robot).stream().anyMatch(t -> t.startsWith("传感器 S-")));

    robot.clickOn("语言").clickOn("English");
    AppDriver.waitFor("English texts", () -> mapTitle.getText().equals("Park map"));
    assertThat(((Label) driver.node("#view-title-" + MainWindow.EVENTS_VIEW)).getText()).isEqualTo("Live events");
    AppDriver.waitFor("English event summaries", () -> summaries(robot).stream().anyMatch(t -> t.contains(" sensor S-")));
    assertThat(summaries(robot)).noneMatch(t -> t.contains("传感器"));
  }

  /** The texts of the summary cells on screen. */
  private static List<String> summaries(FxRobot robot) {
    return robot.lookup("#" + EventListView.TABLE_ID + " .table-cell").queryAllAs(TableCell.class).stream()
        .filter(cell -> cell.getTableColumn() != null && EventListView.SUMMARY_COLUMN_ID.equals(cell.getTableColumn().getId()))
        .map(TableCell::getText)
        .filter(text -> text != null && !text.isEmpty())
        .toList();
  }

  private Window eventsWindow() {
    return driver.node("#" + EventListView.TABLE_ID).getScene().getWindow();
  }
}
