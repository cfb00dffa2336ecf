package io.cordon.app.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cordon.api.v1.TimelineLane;
import io.cordon.app.i18n.I18n;
import io.cordon.app.theme.Styles;
import io.cordon.client.incident.IncidentClient;
import io.cordon.client.incident.IncidentsViewModel;
import io.cordon.client.timeline.TimelineClient;
import io.cordon.client.timeline.TimelineMark;
import io.cordon.client.timeline.TimelineViewModel;
import io.cordon.domain.vehicle.VehicleClass;
import io.cordon.map.live.LiveVehicles;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The timeline window as a supervisor uses it (headless Monocle), fed a timeline built in the test
 * through the view model — as the server's answer will be.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineViewTest {
  private final ExecutorService background = Executors.newSingleThreadExecutor();
  /** Nothing listens there: the view is fed by hand and must not call the server. */
  private final ManagedChannel nowhere = NettyChannelBuilder.forAddress("127.0.0.1", 9).usePlaintext().build();
  private final List<Instant> videoSeeks = new CopyOnWriteArrayList<>();
  private TimelineView view;
  private TimelineViewModel vm;
  private final I18n i18n = new I18n(I18n.CHINESE);

  /** The sample park and the hour are built before the toolkit's setup timeout starts counting. */
  @org.junit.jupiter.api.BeforeAll
  static void loadPark() {
    TimelineDemoData.hour();
  }

  @Start
  void start(Stage stage) {
    vm = new TimelineViewModel(new TimelineClient(nowhere, null, background), Platform::runLater,
        Clock.fixed(TimelineDemoData.TO, ZoneOffset.UTC));
    view = new TimelineView(vm, new IncidentsViewModel(new IncidentClient(nowhere, null, background), Platform::runLater),
        new SimpleObjectProperty<>(TimelineDemoData.PARK), i18n);
    view.setVideoSync(videoSeeks::add);
    Scene scene = new Scene(view.root(), 1280, 800); // the headless screen is 1280 × 800
    Styles.apply(scene);
    stage.setScene(scene);
    stage.show();
    vm.show(TimelineDemoData.request(), TimelineDemoData.hour());
  }

  @AfterEach
  void stop() throws InterruptedException {
    Platform.runLater(view::close);
    WaitForAsyncUtils.waitForFxEvents();
    nowhere.shutdownNow();
    background.shutdownNow();
  }

  private TimelineMark markOf(String type, Instant at) {
    return vm.lanes().stream().flatMap(r -> r.marks().stream())
        .filter(m -> m.type().equals(type) && m.time().equals(at)).findFirst().orElseThrow();
  }

  private Point2D onScreen(TimelineLanesView.DrawnMark drawn) {
    return view.lanes().canvas().localToScreen(drawn.x() + drawn.width() / 2, drawn.y() + drawn.height() / 2);
  }

  private TimelineLanesView.DrawnMark drawnOf(TimelineMark mark) {
    return view.lanes().drawnMarks().stream().filter(d -> d.mark().equals(mark)).findFirst().orElseThrow();
  }

  private record Seen(String plate, VehicleClass vehicleClass, double lon, double lat) {}

  private List<Seen> vehiclesOnTheMap() {
    List<Seen> seen = new ArrayList<>();
    LiveVehicles live = view.map().map().state().vehiclesProperty().get();
    live.forEach((plate, cls, current, trail) -> seen.add(new Seen(plate, cls, current.lon(), current.lat())));
    return seen;
  }

  @Test
  void everyLaneWithEntriesIsARowNamedInChinese(FxRobot robot) {
    assertThat(robot.lookup("#" + TimelineLanesView.LANE_LABEL_PREFIX + "ALARM").queryAs(Label.class).getText())
        .isEqualTo("报警  2");
    assertThat(vm.lanes()).extracting(r -> r.lane()).containsExactly(TimelineLane.TIMELINE_LANE_ALARM,
        TimelineLane.TIMELINE_LANE_ACCESS, TimelineLane.TIMELINE_LANE_VEHICLE, TimelineLane.TIMELINE_LANE_GATE,
        TimelineLane.TIMELINE_LANE_OPERATOR, TimelineLane.TIMELINE_LANE_EMERGENCY, TimelineLane.TIMELINE_LANE_DEVICE);
    assertThat(robot.lookup("#" + TimelineLanesView.LANE_LABEL_PREFIX + "ACCESS").queryAs(Label.class).getText())
        .isEqualTo("通行  8");
  }

  @Test
  void marksAreDrawnAtTheirTimeInTheirLane() {
    TimelineMark passage = markOf("gate.passage", TimelineDemoData.PASSAGE_AT_G3);

    TimelineLanesView.DrawnMark drawn = drawnOf(passage);

    assertThat(drawn.x() + drawn.width() / 2).isCloseTo(view.lanes().xOf(TimelineDemoData.PASSAGE_AT_G3), within(0.01));
    assertThat(drawn.y() + drawn.height() / 2).isCloseTo(TimelineLanesView.rowCentre(1), within(0.01));
    assertThat(view.lanes().drawnMarks()).hasSize(vm.timelineProperty().get().getEntriesCount());
  }

  @Test
  void anAlarmIsABarFromItsRaisingToItsResolution() {
    TimelineMark speeding = markOf("alarm.raised", TimelineDemoData.SPEEDING);

    TimelineLanesView.DrawnMark bar = drawnOf(speeding);

    double minutes = bar.width() / (view.lanes().xOf(TimelineDemoData.FROM.plusSeconds(60)) - view.lanes().xOf(TimelineDemoData.FROM));
    assertThat(minutes).isCloseTo(18, within(0.01));
  }

  @Test
  void clickingAMarkSelectsItShowsItsDetailsAndMovesTheCursor(FxRobot robot) {
    TimelineMark passage = markOf("gate.passage", TimelineDemoData.PASSAGE_AT_G3);

    robot.clickOn(onScreen(drawnOf(passage)));
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(vm.selectedProperty().get()).isEqualTo(passage);
    assertThat(vm.cursorProperty().get()).isEqualTo(TimelineDemoData.PASSAGE_AT_G3);
    assertThat(robot.lookup("#" + TimelineDetails.DETAIL_ID).queryAs(Label.class).getText())
        .contains("2024-05-01 10:11:00", "车辆：" + TimelineDemoData.CAR, "卡口：G3");
    assertThat(videoSeeks).contains(TimelineDemoData.PASSAGE_AT_G3);
  }

  @Test
  void theCursorMovesTheVehiclesOnTheMap(FxRobot robot) {
    robot.interact(() -> vm.seek(TimelineDemoData.PASSAGE_AT_G3.plusSeconds(60)));
    List<Seen> atFirst = vehiclesOnTheMap();
    robot.interact(() -> vm.seek(TimelineDemoData.PASSAGE_AT_G3.plusSeconds(300)));
    List<Seen> later = vehiclesOnTheMap();

    assertThat(atFirst).extracting(Seen::plate).containsExactlyInAnyOrder(TimelineDemoData.TANKER, TimelineDemoData.CAR);
    assertThat(atFirst).filteredOn(s -> s.plate().equals(TimelineDemoData.TANKER)).singleElement()
        .extracting(Seen::vehicleClass).isEqualTo(VehicleClass.HAZMAT);
    Seen carThen = atFirst.stream().filter(s -> s.plate().equals(TimelineDemoData.CAR)).findFirst().orElseThrow();
    Seen carLater = later.stream().filter(s -> s.plate().equals(TimelineDemoData.CAR)).findFirst().orElseThrow();
    assertThat(carLater.lat() - carThen.lat()).isCloseTo(0.0004 * 16, within(1e-9)); // 4 minutes, a fix every 15 s
  }

  @Test
  void draggingTheCursorOnTheAxisMovesItAndTheVideoFollows(FxRobot robot) {
    robot.interact(() -> vm.seek(TimelineDemoData.FROM.plusSeconds(600)));
    double x = view.lanes().xOf(TimelineDemoData.FROM.plusSeconds(600));
    Point2D from = view.lanes().canvas().localToScreen(x, TimelineLanesView.AXIS_H / 2);
    videoSeeks.clear();

    robot.drag(from).dropTo(from.add(200, 0));
    WaitForAsyncUtils.waitForFxEvents();

    Instant expected = vm.cursorProperty().get();
    assertThat(view.lanes().xOf(expected)).isCloseTo(x + 200, within(2.0));
    assertThat(videoSeeks).isNotEmpty().last().isEqualTo(expected);
  }

  @Test
  void thePlayingVideoMovesTheCursorAndTheMapWithoutSeekingItself(FxRobot robot) {
    robot.interact(() -> vm.seek(TimelineDemoData.PASSAGE_AT_G3.plusSeconds(60)));
    List<Seen> atFirst = vehiclesOnTheMap();
    videoSeeks.clear();

    Instant playedTo = TimelineDemoData.PASSAGE_AT_G3.plusSeconds(300);
    robot.interact(() -> view.followVideo(TimelineDemoData.PASSAGE_AT_G3.plusSeconds(60).plusMillis(100)));
    assertThat(vm.cursorProperty().get()).isEqualTo(TimelineDemoData.PASSAGE_AT_G3.plusSeconds(60)); // a tick's step
    robot.interact(() -> view.followVideo(playedTo));

    assertThat(vm.cursorProperty().get()).isEqualTo(playedTo);
    assertThat(vehiclesOnTheMap()).isNotEqualTo(atFirst);
    assertThat(videoSeeks).isEmpty();
    robot.interact(() -> vm.seek(playedTo.plusSeconds(60))); // a supervisor's move still seeks the video
    assertThat(videoSeeks).containsExactly(playedTo.plusSeconds(60));
  }

  @Test
  void theWheelZoomsAroundThePointer(FxRobot robot) {
    double x = view.lanes().xOf(TimelineDemoData.SPEEDING);

    Point2D scene = view.lanes().canvas().localToScene(x, 100); // a fired event's x is taken from its scene x

    robot.interact(() -> view.lanes().canvas().fireEvent(new ScrollEvent(ScrollEvent.SCROLL, scene.getX(),
        scene.getY(), 0, 0, false,
        false, false, false, false, false, 0, 120, 0, 120, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
        ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));

    assertThat(vm.axisProperty().get().spanMillis()).isEqualTo(Math.round(3_600_000 / 1.25));
    assertThat(view.lanes().xOf(TimelineDemoData.SPEEDING)).isCloseTo(x, within(1.0));
  }

  @Test
  void hoveringAMarkShowsItsSummary(FxRobot robot) {
    TimelineMark speeding = markOf("alarm.raised", TimelineDemoData.SPEEDING);

    robot.moveTo(onScreen(drawnOf(speeding)));
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(view.lanes().tooltipText()).contains("报警", "A-000012", "超速");
  }

  @Test
  void theEntriesAtTheCursorWithAPlaceAreMarkedOnTheMap(FxRobot robot) {
    robot.interact(() -> vm.seek(TimelineDemoData.SPEEDING));

    assertThat(view.map().markedOnMap()).extracting(TimelineMark::type)
        .contains("alarm.raised", "track.violation_started");
    assertThat(view.map().map().state().replay().markers()).hasSize(view.map().markedOnMap().size());
  }

  @Test
  void newIncidentFromTheAlarmQueueFillsTheFormWithItsAlarms(FxRobot robot) {
    robot.interact(() -> view.newIncidentFrom(List.of("A-000012", "A-000013")));

    assertThat(robot.lookup("#" + IncidentsPanel.ALARMS_ID).queryAs(TextField.class).getText())
        .isEqualTo("A-000012, A-000013");
    robot.interact(() -> robot.lookup("#" + IncidentsPanel.TITLE_ID).queryAs(TextField.class).setText("G1 危化品车辆超速"));
    assertThat(view.incidents().viewModel().createCommand().isExecutable()).isTrue();
  }

  @Test
  void switchingToEnglishRenamesTheLanes(FxRobot robot) {
    robot.interact(() -> i18n.setLocale(I18n.ENGLISH));

    assertThat(robot.lookup("#" + TimelineLanesView.LANE_LABEL_PREFIX + "ALARM").queryAs(Label.class).getText())
        .isEqualTo("Alarms  2");
  }
}
