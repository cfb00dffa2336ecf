package io.cordon.client.timeline;

import static io.cordon.client.timeline.TimelineFixture.FROM;
import static io.cordon.client.timeline.TimelineFixture.TANKER;
import static io.cordon.client.timeline.TimelineFixture.TO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.PositionAt;
import io.cordon.api.v1.PositionsAt;
import io.cordon.api.v1.SubjectRef;
import io.cordon.api.v1.TimelineLane;
import io.cordon.api.v1.TimelineRequest;
import io.cordon.api.v1.TrackPoint;
import io.cordon.client.alarm.TestClock;
import io.grpc.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The timeline view model against a TimelineService on a loopback port. */
class TimelineViewModelTest {
  /** 2024-05-01 11:00 park time. */
  private static final Instant NOW = TO;

  private final FakeTimelineServer server = new FakeTimelineServer();
  private final UiQueue ui = new UiQueue();
  private final TestClock clock = new TestClock(NOW);
  private final TimelineViewModel vm = new TimelineViewModel(server.timelineClient, ui, clock);

  @AfterEach
  void stop() throws InterruptedException {
    vm.close();
    server.close();
  }

  private void loadTankerHour() {
    server.timeline = TimelineFixture.tankerHour();
    vm.setAxisWidth(1200);
    vm.loadCommand().execute();
    ui.runNext();
  }

  @Test
  void theWindowIsTheLastHourUntilChanged() {
    assertThat(vm.fromProperty().get()).isEqualTo(NOW.minus(Duration.ofHours(1)));
    assertThat(vm.toProperty().get()).isEqualTo(NOW);
    assertThat(vm.presetProperty().get()).isEqualTo(TimelinePreset.LAST_HOUR);
  }

  @Test
  void todayStartsAtMidnightInThePark() {
    vm.applyPreset(TimelinePreset.TODAY);

    assertThat(vm.fromProperty().get()).isEqualTo(Instant.parse("2024-04-30T16:00:00Z"));
    assertThat(vm.toProperty().get()).isEqualTo(NOW);
  }

  @Test
  void editingTheWindowMakesItCustom() {
    vm.fromProperty().set(NOW.minus(Duration.ofHours(3)));

    assertThat(vm.presetProperty().get()).isEqualTo(TimelinePreset.CUSTOM);
  }

  @Test
  void queryingTheLastHourAgainLaterAsksForTheHourBeforeTheNewNow() {
    vm.loadCommand().execute();
    ui.runNext();
    clock.advance(Duration.ofMinutes(25));

    vm.loadCommand().execute();
    ui.runNext();

    Instant later = NOW.plus(Duration.ofMinutes(25));
    assertThat(server.timelineRequests).hasSize(2);
    assertThat(window(server.timelineRequests.get(0))).containsExactly(NOW.minus(Duration.ofHours(1)), NOW);
    assertThat(window(server.timelineRequests.get(1))).containsExactly(later.minus(Duration.ofHours(1)), later);
    assertThat(vm.fromProperty().get()).isEqualTo(later.minus(Duration.ofHours(1)));
    assertThat(vm.toProperty().get()).isEqualTo(later);
    assertThat(vm.presetProperty().get()).isEqualTo(TimelinePreset.LAST_HOUR);
  }

  @Test
  void queryingTodayAfterMidnightAsksForTheNewDay() {
    vm.applyPreset(TimelinePreset.TODAY);
    clock.advance(Duration.ofHours(13).plusMinutes(30)); // 2024-05-02 00:30 park time

    vm.loadCommand().execute();
    ui.runNext();

    assertThat(window(server.timelineRequests.get(0))).containsExactly(Instant.parse("2024-05-01T16:00:00Z"),
        Instant.parse("2024-05-01T16:30:00Z"));
    assertThat(vm.presetProperty().get()).isEqualTo(TimelinePreset.TODAY);
  }

  @Test
  void aWindowTheUserSetStaysWhereItIsWhenQueriedAgainLater() {
    Instant from = NOW.minus(Duration.ofHours(3));
    Instant to = NOW.minus(Duration.ofHours(2));
    vm.fromProperty().set(from);
    vm.toProperty().set(to);
    vm.loadCommand().execute();
    ui.runNext();
    clock.advance(Duration.ofMinutes(25));

    vm.loadCommand().execute();
    ui.runNext();

    assertThat(server.timelineRequests).extracting(TimelineViewModelTest::window)
        .containsExactly(List.of(from, to), List.of(from, to));
    assertThat(vm.presetProperty().get()).isEqualTo(TimelinePreset.CUSTOM);
  }

  @Test
  void anIncidentsWindowStaysWhereItIsEvenWhenItIsTheLastHour() {
    Instant from = vm.fromProperty().get();
    Instant to = vm.toProperty().get();
    vm.loadIncident("INC-20240501-001", from, to); // the very instants of the preset
    ui.runNext();
    clock.advance(Duration.ofMinutes(25));

    vm.loadCommand().execute();
    ui.runNext();

    assertThat(window(server.timelineRequests.get(1))).containsExactly(from, to);
    assertThat(vm.presetProperty().get()).isEqualTo(TimelinePreset.CUSTOM);
  }

  private static List<Instant> window(TimelineRequest request) {
    return List.of(TimelineClient.instant(request.getFrom()), TimelineClient.instant(request.getTo()));
  }

  @Test
  void aWindowEndingBeforeItStartsCannotBeLoaded() {
    vm.toProperty().set(vm.fromProperty().get());

    assertThat(vm.validationProperty().get()).isEqualTo(TimelineViewModel.ERROR_ORDER);
    assertThat(vm.loadCommand().isExecutable()).isFalse();
  }

  @Test
  void aWindowLongerThanADayCannotBeLoaded() {
    vm.fromProperty().set(NOW.minus(Duration.ofHours(24)).minusSeconds(1));

    assertThat(vm.validationProperty().get()).isEqualTo(TimelineViewModel.ERROR_TOO_LONG);
    vm.loadCommand().execute();
    assertThat(server.timelineRequests).isEmpty();
  }

  @Test
  void withEveryLaneSwitchedOffNothingCanBeLoaded() {
    TimelineLanes.ALL.forEach(l -> vm.laneShownProperty(l).set(false));

    assertThat(vm.validationProperty().get()).isEqualTo(TimelineViewModel.ERROR_NO_LANE);
  }

  @Test
  void theFiltersMakeTheRequest() {
    vm.platesProperty().set(" 苏E12345，苏A0001挂 ");
    vm.personIdProperty().set("320102199001011234");
    vm.gateIdsProperty().set("G3");
    vm.zoneIdsProperty().set("Z-CORE-1, Z-KEY-2");
    vm.laneShownProperty(TimelineLane.TIMELINE_LANE_DEVICE).set(false);
    vm.laneShownProperty(TimelineLane.TIMELINE_LANE_OTHER).set(false);

    TimelineRequest request = vm.request();

    assertThat(request.getSubjectsList()).extracting(SubjectRef::getKind, SubjectRef::getId).containsExactly(
        org.assertj.core.groups.Tuple.tuple("vehicle", "苏E12345"), org.assertj.core.groups.Tuple.tuple("vehicle", "苏A0001挂"),
        org.assertj.core.groups.Tuple.tuple("person", "320102199001011234"));
    assertThat(request.getGateIdsList()).containsExactly("G3");
    assertThat(request.getZoneIdsList()).containsExactly("Z-CORE-1", "Z-KEY-2");
    assertThat(request.getLanesList()).containsExactly(TimelineLane.TIMELINE_LANE_ALARM,
        TimelineLane.TIMELINE_LANE_ACCESS, TimelineLane.TIMELINE_LANE_VEHICLE, TimelineLane.TIMELINE_LANE_GATE,
        TimelineLane.TIMELINE_LANE_OPERATOR, TimelineLane.TIMELINE_LANE_EMERGENCY);
    assertThat(TimelineClient.instant(request.getFrom())).isEqualTo(NOW.minus(Duration.ofHours(1)));
    assertThat(TimelineClient.instant(request.getTo())).isEqualTo(NOW);
    assertThat(request.getIncludeTracks()).isTrue();
    assertThat(request.getMaxEntries()).isEqualTo(TimelineViewModel.MAX_ENTRIES);
  }

  @Test
  void withEveryLaneShownTheRequestLeavesTheLanesToTheServer() {
    assertThat(vm.request().getLanesList()).isEmpty();
    assertThat(vm.request().getSubjectsList()).isEmpty();
  }

  @Test
  void loadingLaysTheEntriesOutInLanesAndPutsTheCursorAtTheFirstAlarm() {
    loadTankerHour();

    assertThat(server.timelineRequests).hasSize(1);
    assertThat(vm.lanes()).extracting(TimelineLaneRow::lane).containsExactly(TimelineLane.TIMELINE_LANE_ALARM,
        TimelineLane.TIMELINE_LANE_ACCESS, TimelineLane.TIMELINE_LANE_VEHICLE, TimelineLane.TIMELINE_LANE_OPERATOR);
    assertThat(vm.cursorProperty().get()).isEqualTo(FROM.plusSeconds(1200));
    assertThat(vm.axisProperty().get().startMillis()).isEqualTo(FROM.toEpochMilli());
    assertThat(vm.axisProperty().get().endMillis()).isEqualTo(TO.toEpochMilli());
    assertThat(vm.cameraIds()).containsExactly("CAM-G3-01");
    assertThat(vm.errorKeyProperty().get()).isEmpty();
  }

  @Test
  void theCursorMovesTheVehiclesAlongTheirTracks() {
    loadTankerHour();

    vm.seek(FROM.plusSeconds(330)); // half a minute after the first fix

    assertThat(vm.vehiclesAtCursor()).singleElement().satisfies(v -> {
      assertThat(v.plate()).isEqualTo(TANKER);
      assertThat(v.lon()).isCloseTo(118.7005, within(1e-9));
      assertThat(v.interpolated()).isTrue();
    });
    vm.seek(FROM.plusSeconds(60)); // before it appeared
    assertThat(vm.vehiclesAtCursor()).isEmpty();
  }

  @Test
  void theCursorStaysInsideTheWindow() {
    loadTankerHour();

    vm.seek(TO.plusSeconds(3600));

    assertThat(vm.cursorProperty().get()).isEqualTo(TO);
  }

  @Test
  void theMarksAtTheCursorIncludeSpansThatCoverIt() {
    loadTankerHour();

    vm.seek(FROM.plusSeconds(1320)); // the acknowledgement, while the alarm is open

    assertThat(vm.marksAtCursor()).extracting(TimelineMark::type).containsExactly("alarm.raised", "alarm.acknowledge");
  }

  @Test
  void clickingAMarkSelectsItAndMovesTheCursorThere() {
    loadTankerHour();
    TimelineMark passage = vm.lanes().get(1).marks().get(0);

    vm.select(passage);

    assertThat(vm.selectedProperty().get()).isEqualTo(passage);
    assertThat(vm.cursorProperty().get()).isEqualTo(FROM.plusSeconds(300));
  }

  @Test
  void withoutTracksTheMapAsksWhereTheVehiclesWereAtTheCursor() {
    server.timeline = TimelineFixture.tankerHour().toBuilder().clearTracks().build();
    server.positions = PositionsAt.newBuilder().addVehicles(PositionAt.newBuilder().setPlate(TANKER)
        .setVehicleClass("hazmat").setPoint(TrackPoint.newBuilder().setTime(TimelineClient.timestamp(FROM))
            .setPosition(LonLat.newBuilder().setLon(118.71).setLat(32.21)))).build();
    vm.includeTracksProperty().set(false);
    vm.platesProperty().set(TANKER);
    vm.loadCommand().execute();
    ui.runNext();

    ui.runNext(); // the positions at the cursor

    assertThat(server.positionRequests).singleElement().satisfies(r -> {
      assertThat(r.getPlatesList()).containsExactly(TANKER);
      assertThat(TimelineClient.instant(r.getAt())).isEqualTo(FROM.plusSeconds(1200));
    });
    assertThat(vm.vehiclesAtCursor()).singleElement().satisfies(v -> assertThat(v.lon()).isEqualTo(118.71));
  }

  @Test
  void zoomAndPanMoveTheAxisInsideTheWindow() {
    loadTankerHour();

    vm.zoomAt(4, 600);
    vm.panBy(10_000);

    assertThat(vm.axisProperty().get().spanMillis()).isEqualTo(900_000);
    assertThat(vm.axisProperty().get().startMillis()).isEqualTo(FROM.toEpochMilli());
    vm.fitAxis();
    assertThat(vm.axisProperty().get().spanMillis()).isEqualTo(3_600_000);
  }

  @Test
  void aServerWithoutTheTimelineServiceIsSaidSo() {
    server.timelineFailure = Status.UNIMPLEMENTED;

    vm.loadCommand().execute();
    ui.runNext();

    assertThat(vm.errorKeyProperty().get()).isEqualTo(TimelineErrors.UNIMPLEMENTED);
    assertThat(vm.loadingProperty().get()).isFalse();
  }

  @Test
  void anEmptyWindowIsSaidSo() {
    vm.loadCommand().execute();
    ui.runNext();

    assertThat(vm.errorKeyProperty().get()).isEqualTo(TimelineViewModel.ERROR_EMPTY);
  }

  @Test
  void anIncidentsTimelineAsksForTheIncidentAndItsWindow() {
    server.timeline = TimelineFixture.tankerHour();

    vm.loadIncident("INC-20240501-001", FROM, TO);
    ui.runNext();

    assertThat(server.timelineRequests).singleElement().satisfies(r -> {
      assertThat(r.getIncidentId()).isEqualTo("INC-20240501-001");
      assertThat(TimelineClient.instant(r.getFrom())).isEqualTo(FROM);
    });
    assertThat(vm.lanes()).isNotEmpty();
  }
}
