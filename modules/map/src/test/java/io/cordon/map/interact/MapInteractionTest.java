package io.cordon.map.interact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cordon.domain.gate.GateState;
import io.cordon.domain.park.Gate;
import io.cordon.domain.vehicle.VehicleClass;
import io.cordon.map.FeatureKind;
import io.cordon.map.LayerKind;
import io.cordon.map.MapAction;
import io.cordon.map.MapContext;
import io.cordon.map.MapFeature;
import io.cordon.map.MapViewport;
import io.cordon.map.ParkMapView;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Callable;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.event.Event;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MapInteractionTest {
  private static final double W = 800;
  private static final double H = 600;
  /** A spot in the general zone away from every symbol and overlay control. */
  private static final double EMPTY_LON = 118.815;
  private static final double EMPTY_LAT = 32.124;

  private ParkMapView map;
  private final HandVehicles vehicles = new HandVehicles();

  @Start
  void start(Stage stage) {
    map = new ParkMapView();
    map.setPark(InteractPark.park());
    map.state().vehiclesProperty().set(vehicles);
    stage.setScene(new Scene(map, W, H));
    stage.show();
  }

  // --- helpers -------------------------------------------------------------------------------

  private MapViewport viewport() {
    return map.viewportProperty().get();
  }

  private Point2D local(double lon, double lat) {
    MapContext c = map.state().context();
    return new Point2D(viewport().screenX(c.x(lon)), viewport().screenY(c.y(lat)));
  }

  private Point2D screen(double lon, double lat) {
    Point2D p = local(lon, lat);
    return map.localToScreen(p.getX(), p.getY());
  }

  private Point2D screen(Gate gate) {
    return screen(gate.position().getX(), gate.position().getY());
  }

  private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void waitForFlightToLand() throws TimeoutException {
    waitUntil(() -> !map.interaction().animator().runningProperty().get());
  }

  private void assertCentredOn(double lon, double lat) {
    Point2D p = local(lon, lat);
    assertThat(p.getX()).isCloseTo(W / 2, within(0.5));
    assertThat(p.getY()).isCloseTo(H / 2, within(0.5));
  }

  private static void fx(Runnable r) {
    WaitForAsyncUtils.asyncFx(r);
    WaitForAsyncUtils.waitForFxEvents();
  }

  // --- navigation ----------------------------------------------------------------------------

  @Test
  void draggingMovesTheMapByTheDragDistance(FxRobot robot) {
    MapViewport before = viewport();
    robot.moveTo(screen(EMPTY_LON, EMPTY_LAT)).press(MouseButton.PRIMARY).moveBy(60, 40).release(MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(viewport().offsetX() - before.offsetX()).isCloseTo(60, within(1.0));
    assertThat(viewport().offsetY() - before.offsetY()).isCloseTo(40, within(1.0));
    assertThat(viewport().scale()).isEqualTo(before.scale());
  }

  @Test
  void pressingOnACameraHoldsTheMapStillAndMakesItTheCameraADragCarries() {
    // synthetic events: Monocle's drag-and-drop loop is not reliable headless (the drop itself is JavaFX's)
    MapViewport before = viewport();
    Point2D camera = local(InteractPark.EAST_CAMERA.position().getX(), InteractPark.EAST_CAMERA.position().getY());
    AtomicReference<java.util.Optional<String>> carried = new AtomicReference<>();
    fx(() -> {
      Event.fireEvent(map, mouse(MouseEvent.MOUSE_PRESSED, camera.getX(), camera.getY(), true));
      Event.fireEvent(map, mouse(MouseEvent.MOUSE_DRAGGED, camera.getX() + 40, camera.getY() + 20, true));
      carried.set(map.interaction().cameraDrag().pendingCameraId());
    });

    assertThat(carried.get()).contains("CAM-07");
    assertThat(viewport()).isEqualTo(before);
  }

  @Test
  void pressingBesideACameraStillPans() {
    MapViewport before = viewport();
    Point2D empty = local(EMPTY_LON, EMPTY_LAT);
    AtomicReference<java.util.Optional<String>> carried = new AtomicReference<>();
    fx(() -> {
      Event.fireEvent(map, mouse(MouseEvent.MOUSE_PRESSED, empty.getX(), empty.getY(), true));
      Event.fireEvent(map, mouse(MouseEvent.MOUSE_DRAGGED, empty.getX() + 40, empty.getY(), true));
      carried.set(map.interaction().cameraDrag().pendingCameraId());
      Event.fireEvent(map, mouse(MouseEvent.MOUSE_RELEASED, empty.getX() + 40, empty.getY(), false));
    });

    assertThat(carried.get()).isEmpty();
    assertThat(viewport().offsetX() - before.offsetX()).isCloseTo(40, within(1.0));
  }

  @Test
  void theWheelZoomsAroundTheCursorKeepingTheGroundUnderItInPlace(FxRobot robot) {
    Point2D at = local(EMPTY_LON, EMPTY_LAT);
    robot.moveTo(map.localToScreen(at));
    WaitForAsyncUtils.waitForFxEvents();
    double scaleBefore = viewport().scale();
    robot.scroll(3, VerticalDirection.UP);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(viewport().scale()).isNotEqualTo(scaleBefore);
    Point2D after = local(EMPTY_LON, EMPTY_LAT);
    assertThat(after.getX()).isCloseTo(at.getX(), within(1.0));
    assertThat(after.getY()).isCloseTo(at.getY(), within(1.0));
  }

  @Test
  void arrowKeysPanTheFocusedMap(FxRobot robot) {
    robot.clickOn(screen(EMPTY_LON, EMPTY_LAT));
    MapViewport before = viewport();
    robot.type(KeyCode.RIGHT);
    assertThat(viewport().offsetX()).isCloseTo(before.offsetX() - MapNavigator.KEY_PAN_PX, within(1e-9));
    robot.type(KeyCode.UP);
    assertThat(viewport().offsetY()).isCloseTo(before.offsetY() + MapNavigator.KEY_PAN_PX, within(1e-9));
  }

  @Test
  void plusAndMinusKeysZoomAroundTheCentre(FxRobot robot) {
    robot.clickOn(screen(EMPTY_LON, EMPTY_LAT));
    MapViewport before = viewport();
    double centreX = before.worldX(W / 2);
    robot.type(KeyCode.EQUALS);
    assertThat(viewport().scale()).isCloseTo(before.scale() * MapNavigator.KEY_ZOOM, within(1e-9));
    assertThat(viewport().worldX(W / 2)).isCloseTo(centreX, within(1e-6));
    robot.type(KeyCode.MINUS);
    assertThat(viewport().scale()).isCloseTo(before.scale(), within(1e-9));
  }

  @Test
  void zeroFitsTheParkAgain(FxRobot robot) {
    MapViewport fitted = viewport();
    robot.clickOn(screen(EMPTY_LON, EMPTY_LAT));
    robot.type(KeyCode.EQUALS, KeyCode.LEFT);
    assertThat(map.userMovedProperty().get()).isTrue();
    robot.type(KeyCode.DIGIT0);
    assertThat(viewport()).isEqualTo(fitted);
    assertThat(map.userMovedProperty().get()).isFalse();
  }

  @Test
  void theFitButtonFitsTheParkAgain(FxRobot robot) {
    MapViewport fitted = viewport();
    fx(() -> map.state().moveTo(fitted.zoomAt(3, 100, 100)));
    robot.clickOn("#map-fit");
    assertThat(viewport()).isEqualTo(fitted);
  }

  @Test
  void keysTypedIntoTheSearchBoxDoNotMoveTheMap(FxRobot robot) {
    MapViewport before = viewport();
    robot.clickOn("#map-search").type(KeyCode.LEFT, KeyCode.MINUS);
    assertThat(viewport()).isEqualTo(before);
  }

  // --- hover, select, details, context menu -------------------------------------------------

  @Test
  void clickingAGateSelectsItAndTheCardShowsItsNameAndLiveState(FxRobot robot) {
    fx(() -> map.state().gateStates().put(InteractPark.SOUTH_EAST_GATE.id(), GateState.OPEN));
    robot.clickOn(screen(InteractPark.SOUTH_EAST_GATE));
    MapFeature selected = map.state().selectionProperty().get();
    assertThat(selected.kind()).isEqualTo(FeatureKind.GATE);
    assertThat(selected.id()).isEqualTo("G3");
    DetailsCard card = robot.lookup("#map-details").queryAs(DetailsCard.class);
    assertThat(card.isVisible()).isTrue();
    assertThat(card.titleText()).isEqualTo("南三门（普通卡口）");
    assertThat(robot.from(card).lookup(".map-details-value").queryAllAs(Label.class))
        .extracting(Label::getText)
        .contains("卡口", "G3", "开启", Coordinates.format(118.83, InteractPark.S));
  }

  @Test
  void theCardFollowsALiveGateStateChange(FxRobot robot) {
    robot.clickOn(screen(InteractPark.SOUTH_EAST_GATE));
    fx(() -> map.state().gateStates().put(InteractPark.SOUTH_EAST_GATE.id(), GateState.FAULT));
    assertThat(robot.lookup("#map-details .map-details-value").queryAllAs(Label.class))
        .extracting(Label::getText)
        .contains("故障");
  }

  @Test
  void escapeClearsTheSelection(FxRobot robot) {
    robot.clickOn(screen(InteractPark.SOUTH_EAST_GATE));
    assertThat(map.state().selectionProperty().get()).isNotNull();
    robot.type(KeyCode.ESCAPE);
    assertThat(map.state().selectionProperty().get()).isNull();
    assertThat(robot.lookup("#map-details").query().isVisible()).isFalse();
  }

  @Test
  void hoveringAGateShowsATooltipWithItsNameKindAndState(FxRobot robot) throws TimeoutException {
    fx(() -> map.state().gateStates().put(InteractPark.SOUTH_EAST_GATE.id(), GateState.CLOSED));
    robot.moveTo(screen(InteractPark.SOUTH_EAST_GATE));
    HoverTooltip tooltip = map.interaction().tooltip();
    waitUntil(tooltip::isVisible);
    assertThat(tooltip.getText()).contains("南三门（普通卡口）", "卡口", "关闭");
    assertThat(map.state().hoveredProperty().get().id()).isEqualTo("G3");
  }

  @Test
  void rightClickListsTheApplicationsActionsAndRunsTheChosenOne(FxRobot robot) throws TimeoutException {
    AtomicInteger opened = new AtomicInteger();
    AtomicReference<MapFeature> askedFor = new AtomicReference<>();
    fx(() -> map.state().actionsProperty().set(f -> {
      askedFor.set(f);
      return List.of(MapAction.of("开闸（填写原因）", opened::incrementAndGet), MapAction.disabled("关闸", "无权限"));
    }));
    robot.rightClickOn(screen(InteractPark.SOUTH_EAST_GATE));
    waitUntil(() -> map.interaction().menu().showing() != null && map.interaction().menu().showing().isShowing());
    List<MenuItem> items = map.interaction().menu().showing().getItems();
    assertThat(items).extracting(MenuItem::getText)
        .contains("开闸（填写原因）", "关闸（无权限）");
    assertThat(items.stream().filter(i -> "关闸（无权限）".equals(i.getText())).findFirst().orElseThrow().isDisable()).isTrue();
    assertThat(askedFor.get().id()).isEqualTo("G3");
    Node open = items.stream().filter(i -> "开闸（填写原因）".equals(i.getText())).findFirst().orElseThrow().getStyleableNode();
    robot.clickOn(open);
    assertThat(opened.get()).isEqualTo(1);
  }

  // --- search and layers ---------------------------------------------------------------------

  @Test
  void searchFindsAGateByItsChineseNameAndEnterFliesThere(FxRobot robot) throws TimeoutException {
    robot.clickOn("#map-search");
    fx(() -> map.interaction().search().field().setText("东二门"));
    assertThat(map.interaction().search().shownResults()).extracting(MapFeature::id).first().isEqualTo("G2");
    robot.type(KeyCode.ENTER);
    waitForFlightToLand();
    assertCentredOn(InteractPark.EAST_GATE.position().getX(), InteractPark.EAST_GATE.position().getY());
    assertThat(map.state().selectionProperty().get().id()).isEqualTo("G2");
  }

  @Test
  void searchFindsAVehicleByPlateAndAClickOnTheMatchFliesToIt(FxRobot robot) throws TimeoutException {
    vehicles.put("苏E12345", VehicleClass.HAZMAT, 118.822, 32.121);
    vehicles.put("苏A77777", VehicleClass.ORDINARY, 118.826, 32.119);
    robot.clickOn("#map-search");
    fx(() -> map.interaction().search().field().setText("e123"));
    assertThat(map.interaction().search().shownResults()).extracting(MapFeature::id).containsExactly("苏E12345");
    robot.clickOn(robot.lookup("#map-search-results .list-cell").nth(0).queryAs(Node.class));
    waitForFlightToLand();
    assertCentredOn(118.822, 32.121);
    MapFeature selected = map.state().selectionProperty().get();
    assertThat(selected.kind()).isEqualTo(FeatureKind.VEHICLE);
    assertThat(robot.lookup("#map-details .map-details-value").queryAllAs(Label.class))
        .extracting(Label::getText)
        .contains("危险物品运输车辆", "36 km/h");
  }

  @Test
  void theLayerListSwitchesLayersAndFollowsTheirState(FxRobot robot) {
    robot.clickOn("#map-layers");
    CheckBox gates = robot.lookup("#layer-toggle-gates").queryAs(CheckBox.class);
    assertThat(gates.isVisible()).isTrue();
    robot.clickOn(gates);
    assertThat(map.state().visibleProperty(LayerKind.GATES).get()).isFalse();
    fx(() -> map.state().visibleProperty(LayerKind.VEHICLES).set(false));
    assertThat(robot.lookup("#layer-toggle-vehicles").queryAs(CheckBox.class).isSelected()).isFalse();
    assertThat(robot.lookup(".map-layer-list .check-box").queryAll()).hasSize(LayerKind.values().length);
  }

  @Test
  void layerSwitchesAreLabelledInChinese(FxRobot robot) {
    robot.clickOn("#map-layers");
    assertThat(robot.lookup("#layer-toggle-gates").queryAs(CheckBox.class).getText()).isEqualTo("卡口");
  }

  // --- focus ---------------------------------------------------------------------------------

  @Test
  void focusFliesToTheFeatureThenHighlightsAndSelectsIt() throws TimeoutException {
    MapFeature gate = FeatureIndex.gate(InteractPark.EMERGENCY_GATE);
    fx(() -> map.focus(gate));
    waitForFlightToLand();
    assertCentredOn(gate.lon(), gate.lat());
    assertThat(viewport().scale()).isGreaterThanOrEqualTo(MapInteraction.POINT_FOCUS_SCALE);
    assertThat(map.state().highlightProperty().get()).isEqualTo(gate);
    assertThat(map.state().selectionProperty().get()).isEqualTo(gate);
    double[] ring = map.interaction().highlight().highlightCentre();
    assertThat(ring[0]).isCloseTo(W / 2, within(0.5));
    assertThat(ring[1]).isCloseTo(H / 2, within(0.5));
  }

  @Test
  void focusOnAPositionCentresAndHighlightsThatPoint() throws TimeoutException {
    fx(() -> map.focus(118.8333, 32.1111));
    waitForFlightToLand();
    assertCentredOn(118.8333, 32.1111);
    assertThat(map.state().highlightProperty().get().kind()).isEqualTo(FeatureKind.POINT);
  }

  @Test
  void aPositionFocusedWithANameIsSelectedUnderThatName() throws TimeoutException {
    fx(() -> map.focus(118.8333, 32.1111, "A-000101  烟火"));
    waitForFlightToLand();
    assertCentredOn(118.8333, 32.1111);
    assertThat(map.state().selectionProperty().get().name()).isEqualTo("A-000101  烟火");
  }

  @Test
  void focusNeverZoomsOutOfACloserView() throws TimeoutException {
    fx(() -> map.state().moveTo(viewport().zoomAt(10 / viewport().scale(), W / 2, H / 2)));
    fx(() -> map.focus(FeatureIndex.gate(InteractPark.EAST_GATE)));
    waitForFlightToLand();
    assertThat(viewport().scale()).isCloseTo(10, within(1e-9));
  }

  @Test
  void aSecondFocusDuringTheFlightWins() throws TimeoutException {
    MapFeature first = FeatureIndex.gate(InteractPark.SOUTH_GATE);
    MapFeature second = FeatureIndex.gate(InteractPark.EAST_GATE);
    AtomicBoolean secondStartedMidFlight = new AtomicBoolean();
    fx(() -> {
      map.focus(first);
      // On the first frame of the first flight, focus on something else.
      map.viewportProperty().addListener(new ChangeListener<>() {
        @Override
        public void changed(javafx.beans.value.ObservableValue<? extends MapViewport> obs, MapViewport old, MapViewport now) {
          map.viewportProperty().removeListener(this);
          secondStartedMidFlight.set(map.interaction().animator().runningProperty().get());
          map.focus(second);
        }
      });
    });
    waitUntil(secondStartedMidFlight::get);
    waitForFlightToLand();
    assertCentredOn(second.lon(), second.lat());
    assertThat(map.state().highlightProperty().get()).isEqualTo(second);
    assertThat(map.state().selectionProperty().get()).isEqualTo(second);
  }

  @Test
  void draggingStopsAFocusFlight() {
    MapFeature gate = FeatureIndex.gate(InteractPark.EAST_GATE);
    Point2D from = local(EMPTY_LON, EMPTY_LAT);
    AtomicBoolean stopped = new AtomicBoolean();
    fx(() -> {
      map.focus(gate);
      Event.fireEvent(map, mouse(MouseEvent.MOUSE_PRESSED, from.getX(), from.getY(), true));
      Event.fireEvent(map, mouse(MouseEvent.MOUSE_DRAGGED, from.getX() + 30, from.getY(), true));
      stopped.set(!map.interaction().animator().runningProperty().get());
    });
    assertThat(stopped).isTrue();
    Point2D at = local(gate.lon(), gate.lat());
    assertThat(Math.hypot(at.getX() - W / 2, at.getY() - H / 2)).isGreaterThan(1);
  }

  private MouseEvent mouse(javafx.event.EventType<MouseEvent> type, double x, double y, boolean primaryDown) {
    Point2D s = map.localToScreen(x, y);
    return new MouseEvent(map, map, type, x, y, s.getX(), s.getY(), MouseButton.PRIMARY, 1,
        false, false, false, false, primaryDown, false, false, true, false, type == MouseEvent.MOUSE_PRESSED, null);
  }

  // --- overlays ------------------------------------------------------------------------------

  @Test
  void theScaleBarStandsForItsLengthAtTheCurrentScale(FxRobot robot) {
    ScaleBar bar = map.interaction().scaleBar();
    assertScaleBarTrue(bar, robot);
    robot.moveTo(screen(EMPTY_LON, EMPTY_LAT)).scroll(10, VerticalDirection.UP);
    WaitForAsyncUtils.waitForFxEvents();
    assertScaleBarTrue(bar, robot);
  }

  private void assertScaleBarTrue(ScaleBar bar, FxRobot robot) {
    double scale = viewport().scale();
    assertThat(bar.barPixels()).isCloseTo(bar.metres() * scale, within(1e-9));
    assertThat(bar.barPixels()).isBetween(ScaleBar.MAX_BAR_PX / 2.5, ScaleBar.MAX_BAR_PX);
    assertThat(bar.text()).isEqualTo(ScaleBar.label(bar.metres()));
    Node drawn = robot.from(bar).lookup(".map-scale-bar-bar").query();
    assertThat(drawn.getLayoutBounds().getWidth()).isCloseTo(bar.barPixels(), within(0.5));
  }

  @Test
  void theCursorPositionIsShownInWgs84(FxRobot robot) {
    robot.moveTo(screen(EMPTY_LON, EMPTY_LAT));
    WaitForAsyncUtils.waitForFxEvents();
    Label coordinates = robot.lookup(".map-cursor-coordinates").queryAs(Label.class);
    assertThat(coordinates.getText()).isEqualTo(Coordinates.format(EMPTY_LON, EMPTY_LAT));
  }

  @Test
  void clickingAControlDoesNotSelectWhatIsUnderIt(FxRobot robot) {
    robot.clickOn("#map-search");
    assertThat(map.state().selectionProperty().get()).isNull();
  }
}
