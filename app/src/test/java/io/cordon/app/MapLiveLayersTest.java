package io.cordon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.app.event.EventListView;
import io.cordon.app.i18n.I18n;
import io.cordon.domain.alarm.Severity;
import io.cordon.domain.park.Camera;
import io.cordon.map.live.AlarmMarker;
import io.cordon.app.gate.GateCommandDialog;
import io.cordon.client.event.EventRow;
import io.cordon.domain.gate.GateState;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateType;
import io.cordon.map.MapAction;
import io.cordon.map.ParkMapView;
import io.cordon.map.interact.FeatureIndex;
import io.cordon.server.park.ParkFileLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The map's live layers in the whole client (embedded server + simulator): vehicles, gate
 * states and alarms arrive through the real device RPCs, and an operator opens an emergency gate
 * from the map with a reason.
 */
@ExtendWith(ApplicationExtension.class)
class MapLiveLayersTest {
  @TempDir Path dataDir;
  @TempDir Path configDir;

  private AppDriver driver;
  private CordonApp app;
  private FxRobot robot;

  @BeforeEach
  void setUp(FxRobot robot) throws Exception {
    this.robot = robot;
    driver = new AppDriver(robot);
    app = driver.start(dataDir, configDir.resolve("workstation.properties"));
    driver.signInAsOperator();
  }

  @AfterEach
  void tearDown() throws Exception {
    driver.stop();
  }

  private ParkMapView map() {
    return app.mainWindow().mapPanel().map();
  }

  @Test
  void simulatedVehiclesReachTheMap() throws Exception {
    AtomicInteger seen = new AtomicInteger();
    AppDriver.waitFor("vehicles on the map", () -> {
      seen.set(0);
      map().state().vehiclesProperty().get().forEach((plate, cls, current, trail) -> seen.incrementAndGet());
      return seen.get() > 0;
    });
    assertThat(seen.get()).isPositive();
    assertThat(map().state().vehiclesProperty().get().revision()).isPositive();
  }

  @Test
  void everyGateShowsItsReportedStateAndEmergencyGatesStartClosed() throws Exception {
    List<Gate> gates = ParkFileLoader.loadSample().gates();
    // The server lists every gate at once, UNKNOWN until its agent's first barrier report: wait for the reports.
    AppDriver.waitFor("every gate's reported state", () -> AppDriver.onFx(() -> gates.stream()
        .allMatch(g -> map().state().gateStates().getOrDefault(g.id(), GateState.UNKNOWN) != GateState.UNKNOWN)));
    for (Gate gate : gates) {
      if (gate.type() == GateType.EMERGENCY) {
        assertThat(map().state().gateStates().get(gate.id())).as(gate.id().value()).isEqualTo(GateState.CLOSED);
      }
    }
  }

  @Test
  void operatorOpensAnEmergencyGateFromTheMapWithAReason(FxRobot robot) throws Exception {
    Gate emergency = ParkFileLoader.loadSample().gates().stream()
        .filter(g -> g.type() == GateType.EMERGENCY).findFirst().orElseThrow();
    AppDriver.waitFor("the gate closed", () -> map().state().gateStates().get(emergency.id()) == GateState.CLOSED);

    AtomicReference<List<MapAction>> actions = new AtomicReference<>();
    robot.interact(() -> actions.set(map().state().actionsProperty().get().apply(FeatureIndex.gate(emergency))));
    MapAction open = actions.get().stream().filter(a -> a.text().startsWith("开启")).findFirst().orElseThrow();
    assertThat(open.enabled()).isTrue();
    robot.interact(open.run());

    robot.clickOn("#" + GateCommandDialog.REASON_ID).write("消防演练，消防车进场");
    robot.clickOn("#" + GateCommandDialog.CONFIRM_ID);

    AppDriver.waitFor("the gate open on the map", () -> map().state().gateStates().get(emergency.id()) == GateState.OPEN);
    TableView<EventRow> events = driver.node("#" + EventListView.TABLE_ID);
    AppDriver.waitFor("the command in the event list", () -> AppDriver.onFx(() -> events.getItems().stream()
        .anyMatch(r -> r.type().equals("gate.command") && r.attributes().getOrDefault("reason", "").equals("消防演练，消防车进场"))));
  }

  @Test
  void theConfirmButtonStaysDisabledWithoutAReason(FxRobot robot) throws Exception {
    Gate gate = ParkFileLoader.loadSample().gates().get(0);
    AtomicReference<List<MapAction>> actions = new AtomicReference<>();
    robot.interact(() -> actions.set(map().state().actionsProperty().get().apply(FeatureIndex.gate(gate))));
    robot.interact(actions.get().get(0).run());
    AppDriver.waitFor("the dialog", () -> robot.lookup("#" + GateCommandDialog.CONFIRM_ID).tryQuery().isPresent());
    assertThat(robot.lookup("#" + GateCommandDialog.CONFIRM_ID).query().isDisabled()).isTrue();
  }

  /** The alarm markers as the FX thread sees them. */
  private List<AlarmMarker> alarmMarkers() {
    AtomicReference<List<AlarmMarker>> markers = new AtomicReference<>();
    robot.interact(() -> markers.set(List.copyOf(map().state().alarms())));
    return markers.get();
  }

  private Optional<AlarmMarker> markerAt(Camera camera) {
    return alarmMarkers().stream()
        .filter(m -> Math.abs(m.lon() - camera.position().getX()) < 1e-6 && Math.abs(m.lat() - camera.position().getY()) < 1e-6)
        .filter(m -> m.severity() == Severity.CRITICAL)
        .findFirst();
  }

  @Test
  void anAlarmRaisedByADeviceIsMarkedOnTheMapWithItsTypeAndIdInTheOperatorsLanguage() throws Exception {
    Camera camera = ParkFileLoader.loadSample().cameras().get(0);

    DeviceReports.smokeAt(app, camera);

    AppDriver.waitFor("the alarm on the map", () -> markerAt(camera).isPresent());
    AlarmMarker marker = markerAt(camera).orElseThrow();
    assertThat(marker.id()).startsWith("A-");
    assertThat(marker.label()).isEqualTo("烟火 " + marker.id());

    robot.interact(() -> app.i18n().setLocale(I18n.ENGLISH));
    assertThat(markerAt(camera).orElseThrow().label()).isEqualTo("Smoke or fire " + marker.id());
  }
}
