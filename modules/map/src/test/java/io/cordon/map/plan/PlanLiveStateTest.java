package io.cordon.map.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.gate.GateState;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.ParkingLotId;
import io.cordon.map.ParkMapView;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class PlanLiveStateTest {
  private ParkMapView map;

  @Start
  void start(Stage stage) {
    map = new ParkMapView();
    map.setPark(PlanTestPark.park());
    stage.setScene(new Scene(map, 800, 600));
    stage.show();
  }

  private Node gate(FxRobot robot, String id) {
    return robot.from(map).lookup("#" + id).query();
  }

  private void setGate(FxRobot robot, String id, GateState state) {
    robot.interact(() -> map.state().gateStates().put(new GateId(id), state));
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void aGateWithoutAReportIsShownAsUnknown(FxRobot robot) {
    assertThat(gate(robot, "G1").getStyleClass()).contains("gate-state-unknown");
  }

  @Test
  void aGateTakesTheClassOfItsLiveState(FxRobot robot) {
    setGate(robot, "G1", GateState.OPEN);
    assertThat(gate(robot, "G1").getStyleClass()).contains("gate-state-open").doesNotContain("gate-state-unknown");

    setGate(robot, "G1", GateState.FAULT);
    assertThat(gate(robot, "G1").getStyleClass()).contains("gate-state-fault").doesNotContain("gate-state-open");

    setGate(robot, "G4", GateState.OFFLINE);
    assertThat(gate(robot, "G4").getStyleClass()).contains("gate-state-offline", "gate-emergency");
  }

  @Test
  void aGateWhoseStateIsRemovedIsUnknownAgain(FxRobot robot) {
    setGate(robot, "G2", GateState.CLOSED);
    robot.interact(() -> map.state().gateStates().remove(new GateId("G2")));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(gate(robot, "G2").getStyleClass()).contains("gate-state-unknown").doesNotContain("gate-state-closed");
  }

  @Test
  void theParkingLotLabelShowsTheLiveOccupancy(FxRobot robot) {
    robot.interact(() -> map.state().lotOccupancy().put(new ParkingLotId("PL-HAZ"), 12));
    WaitForAsyncUtils.waitForFxEvents();
    Label label = robot.from(map).lookup(".parking-lot-hazmat-label").queryAs(Label.class);
    assertThat(label.getText()).isEqualTo("危险物品运输车辆停车场 12/40");
    assertThat(label.getStyleClass()).doesNotContain("parking-lot-full");
  }

  @Test
  void aNearlyFullParkingLotIsMarkedFull(FxRobot robot) {
    robot.interact(() -> map.state().lotOccupancy().put(new ParkingLotId("PL-HAZ"), 36));
    WaitForAsyncUtils.waitForFxEvents();
    Label label = robot.from(map).lookup(".parking-lot-hazmat-label").queryAs(Label.class);
    assertThat(label.getText()).endsWith("36/40");
    assertThat(label.getStyleClass()).contains("parking-lot-full");
    assertThat(robot.from(map).lookup("#PL-HAZ").query().getStyleClass()).contains("parking-lot-full");
  }

  @Test
  void aParkingLotWithoutACountShowsItsCapacityOnly(FxRobot robot) {
    robot.interact(() -> map.state().lotOccupancy().remove(new ParkingLotId("PL-ORD")));
    WaitForAsyncUtils.waitForFxEvents();
    Label label = robot.from(map).lookup(".parking-lot-label").queryAllAs(Label.class).stream()
        .filter(l -> l.getText().startsWith("社会车辆停车场")).findFirst().orElseThrow();
    assertThat(label.getText()).isEqualTo("社会车辆停车场 —/100");
  }
}
