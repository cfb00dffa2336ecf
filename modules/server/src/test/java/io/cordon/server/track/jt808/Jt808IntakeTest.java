package io.cordon.server.track.jt808;

import static io.cordon.server.track.jt808.IntakeFixture.ROAD_LAT;
import static io.cordon.server.track.jt808.IntakeFixture.ROAD_LON;
import static io.cordon.server.track.jt808.IntakeFixture.await;
import static io.cordon.server.track.jt808.SocketTerminal.fix;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.devices.jt808.Jt808Message;
import io.cordon.domain.alarm.AlarmType;
import io.cordon.domain.park.EnterpriseId;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.ParkingLot;
import io.cordon.domain.permit.Permit;
import io.cordon.domain.permit.PermitId;
import io.cordon.domain.permit.PermitScope;
import io.cordon.domain.permit.TimeWindow;
import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.vehicle.PlateColor;
import io.cordon.domain.vehicle.VehicleClass;
import io.cordon.server.event.JournalEvent;
import io.cordon.server.park.ParkFileLoader;
import io.cordon.server.track.trip.OpenTrip;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Point;

/** The JT/T 808 position pipeline end to end: terminals on real TCP, a real H2 database and alarm center. */
class Jt808IntakeTest {

  private static final String TERMINAL = "013912345678";
  private static final String OTHER = "013912345679";
  private static final double LAT_PER_METRE = 1 / 111_320.0;

  @TempDir
  Path dir;
  private IntakeFixture fixture;

  private IntakeFixture start(Park park) {
    fixture = new IntakeFixture(dir, park, Jt808IntakeSettings.defaults().withTick(Duration.ofHours(1)));
    return fixture;
  }

  private IntakeFixture start() {
    return start(ParkFileLoader.loadSample());
  }

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private static Instant secondsAgo(long seconds) {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(seconds);
  }

  private void bind(String terminal, String plate) {
    fixture.trips.byTerminal.put(terminal, new OpenTrip("TRIP-" + terminal, terminal, new Plate(plate),
        PlateColor.YELLOW, VehicleClass.HAZMAT, Optional.empty(), true, Instant.now()));
  }

  @Test
  void aTerminalsReportsAreAnsweredInTheOrderSentAndTheNewestIsItsLivePosition() throws IOException {
    start();
    bind(TERMINAL, "苏E12345");
    try (SocketTerminal terminal = fixture.terminal(TERMINAL)) {
      terminal.logIn();
      int first = -1;
      for (int i = 0; i < 50; i++) { // all sent before any answer is read: they queue in the pipeline
        int serial = terminal.send(new Jt808Message.LocationReport(
            fix(secondsAgo(100 - i), ROAD_LON, ROAD_LAT + i * 5 * LAT_PER_METRE, 18)));
        first = first < 0 ? serial : first;
      }
      List<Integer> answered = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        SocketTerminal.Answer answer = terminal.read();
        assertThat(answer.result()).isZero();
        answered.add(answer.replySerial());
      }
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        expected.add(first + i);
      }
      assertThat(answered).isEqualTo(expected);
    }
    assertThat(fixture.count("plate = '苏E12345' and terminal_number = '" + TERMINAL + "'")).isEqualTo(50);
    assertThat(fixture.intake.vehicle("苏E12345")).get()
        .satisfies(v -> assertThat(v.getCurrent().getPosition().getLat()).isCloseTo(ROAD_LAT + 49 * 5 * LAT_PER_METRE,
            org.assertj.core.data.Offset.offset(1e-6)));
  }

  @Test
  void aReportRepeatedWithTheSameFixTimeIsAnsweredButStoredOnce() throws IOException {
    start();
    try (SocketTerminal terminal = fixture.terminal(TERMINAL)) {
      terminal.logIn();
      Instant at = secondsAgo(10);
      assertThat(terminal.report(fix(at, ROAD_LON, ROAD_LAT, 20))).isZero();
      assertThat(terminal.report(fix(at, ROAD_LON, ROAD_LAT, 20))).isZero();
    }
    assertThat(fixture.count("terminal_number = '" + TERMINAL + "'")).isEqualTo(1);
    assertThat(fixture.intake.counters().duplicates()).isEqualTo(1);
  }

  @Test
  void aFixImplyingAnImpossibleJumpIsDroppedAndCounted() throws IOException {
    start();
    try (SocketTerminal terminal = fixture.terminal(TERMINAL)) {
      terminal.logIn();
      assertThat(terminal.report(fix(secondsAgo(20), ROAD_LON, ROAD_LAT, 20))).isZero();
      // 5 km north one second later: 18,000 km/h
      assertThat(terminal.report(fix(secondsAgo(19), ROAD_LON, ROAD_LAT + 5_000 * LAT_PER_METRE, 20))).isZero();
      assertThat(terminal.report(fix(secondsAgo(18), ROAD_LON, ROAD_LAT + 10 * LAT_PER_METRE, 20))).isZero();
    }
    assertThat(fixture.count("terminal_number = '" + TERMINAL + "'")).isEqualTo(2);
    assertThat(fixture.intake.counters().jumps()).isEqualTo(1);
  }

  @Test
  void aFixTakenWellAfterTheServersClockIsDroppedAndCounted() throws IOException {
    start();
    try (SocketTerminal terminal = fixture.terminal(TERMINAL)) {
      terminal.logIn();
      assertThat(terminal.report(fix(Instant.now().plus(Duration.ofHours(1)), ROAD_LON, ROAD_LAT, 20))).isZero();
      assertThat(terminal.report(fix(Instant.now().minus(Duration.ofDays(8)), ROAD_LON, ROAD_LAT, 20))).isZero();
    }
    assertThat(fixture.count("terminal_number = '" + TERMINAL + "'")).isZero();
    assertThat(fixture.intake.counters().aheadOfClock()).isEqualTo(1);
    assertThat(fixture.intake.counters().tooOld()).isEqualTo(1);
  }

  @Test
  void everyAcknowledgedPositionIsCommittedWhenTheAnswerArrives() throws IOException {
    start();
    try (SocketTerminal terminal = fixture.terminal(TERMINAL)) {
      terminal.logIn();
      for (int i = 0; i < 20; i++) {
        assertThat(terminal.report(fix(secondsAgo(60 - i), ROAD_LON, ROAD_LAT + i * 10 * LAT_PER_METRE, 30)))
            .isZero();
        assertThat(fixture.count("terminal_number = '" + TERMINAL + "'")).isEqualTo(i + 1);
      }
    }
  }

  @Test
  void acknowledgedPositionsAreStillThereAfterTheServerStops() throws IOException {
    start();
    try (SocketTerminal terminal = fixture.terminal(TERMINAL)) {
      terminal.logIn();
      for (int i = 0; i < 10; i++) {
        assertThat(terminal.report(fix(secondsAgo(60 - i), ROAD_LON, ROAD_LAT + i * 10 * LAT_PER_METRE, 30)))
            .isZero();
      }
    }
    fixture.closeAll();
    fixture.open();
    assertThat(fixture.count("terminal_number = '" + TERMINAL + "'")).isEqualTo(10);
  }

  @Test
  void aReportRepeatedAfterARestartIsStillADuplicate() throws IOException {
    start();
    Instant at = secondsAgo(30);
    try (SocketTerminal terminal = fixture.terminal(TERMINAL)) {
      terminal.logIn();
      assertThat(terminal.report(fix(at, ROAD_LON, ROAD_LAT, 20))).isZero();
    }
    fixture.closeAll();
    fixture.open();
    try (SocketTerminal terminal = fixture.terminal(TERMINAL)) {
      terminal.logIn();
      assertThat(terminal.report(fix(at, ROAD_LON, ROAD_LAT, 20))).isZero();
    }
    assertThat(fixture.count("terminal_number = '" + TERMINAL + "'")).isEqualTo(1);
  }

  @Test
  void anAuthCodeStillAuthenticatesAfterARestart() throws IOException {
    start();
    String code;
    try (SocketTerminal terminal = fixture.terminal(TERMINAL)) {
      code = terminal.logIn();
    }
    fixture.closeAll();
    fixture.open();
    try (SocketTerminal terminal = fixture.terminal(TERMINAL)) {
      assertThat(terminal.tryAuthenticate(code)).isZero();
      assertThat(terminal.tryAuthenticate("WRONG")).isNotZero();
    }
  }

  @Test
  void anUnboundTerminalsPositionsAreStoredFlaggedAndRaiseOneDeviceFaultAlarm() throws IOException {
    start();
    try (SocketTerminal terminal = fixture.terminal(TERMINAL)) {
      terminal.logIn();
      for (int i = 0; i < 3; i++) {
        assertThat(terminal.report(fix(secondsAgo(30 - i), ROAD_LON, ROAD_LAT + i * 10 * LAT_PER_METRE, 20)))
            .isZero();
      }
    }
    String key = "终端:" + TERMINAL;
    assertThat(fixture.count("plate = '" + key + "' and flags = 1")).isEqualTo(3);
    await("the device fault alarm", () -> !fixture.alarms.raised.isEmpty());
    assertThat(fixture.alarms.raised).singleElement().satisfies(report -> {
      assertThat(report.type()).isEqualTo(AlarmType.DEVICE_FAULT);
      assertThat(report.source().kind()).isEqualTo("device");
      assertThat(report.source().id()).isEqualTo(TERMINAL);
    });
    assertThat(fixture.intake.vehicle(key)).get().satisfies(v -> assertThat(v.getUnbound()).isTrue());
    assertThat(fixture.intake.terminals()).filteredOn(t -> t.getTerminalNumber().equals(TERMINAL)).singleElement()
        .satisfies(t -> {
          assertThat(t.getUnboundPositions()).isEqualTo(3);
          assertThat(t.getRegistered()).isTrue();
        });
  }

  @Test
  void aFixWithoutSatellitePositionIsStoredButNotShown() throws IOException {
    start();
    bind(TERMINAL, "苏E12345");
    try (SocketTerminal terminal = fixture.terminal(TERMINAL)) {
      terminal.logIn();
      assertThat(terminal.report(SocketTerminal.noFix(secondsAgo(5)))).isZero();
    }
    assertThat(fixture.count("terminal_number = '" + TERMINAL + "' and fix_valid = false")).isEqualTo(1);
    assertThat(fixture.intake.vehicle("苏E12345")).isEmpty();
  }

  @Test
  void aFixFarOutsideTheParkIsStoredFlaggedButNotShown() throws IOException {
    start();
    bind(TERMINAL, "苏E12345");
    try (SocketTerminal terminal = fixture.terminal(TERMINAL)) {
      terminal.logIn();
      assertThat(terminal.report(fix(secondsAgo(5), 116.397, 39.909, 40))).isZero(); // Beijing
    }
    assertThat(fixture.count("terminal_number = '" + TERMINAL + "' and flags = 2")).isEqualTo(1);
    assertThat(fixture.intake.vehicle("苏E12345")).isEmpty();
    assertThat(fixture.intake.counters().outsidePark()).isEqualTo(1);
  }

  @Test
  void anOverspeedRunRaisesOneAlarmWhoseConditionEndsBackBelowTheLimit() throws IOException {
    start();
    bind(TERMINAL, "苏E12345");
    double lat = ROAD_LAT;
    try (SocketTerminal terminal = fixture.terminal(TERMINAL)) {
      terminal.logIn();
      for (int s = 0; s < 30; s++) { // 30 s at 50 km/h where the limit is 30
        lat += 13.9 * LAT_PER_METRE;
        assertThat(terminal.report(fix(secondsAgo(60 - s), ROAD_LON, lat, 50))).isZero();
      }
      for (int s = 30; s < 45; s++) { // then 15 s at 20 km/h
        lat += 5.6 * LAT_PER_METRE;
        assertThat(terminal.report(fix(secondsAgo(60 - s), ROAD_LON, lat, 20))).isZero();
      }
    }
    await("the overspeed alarm and its end", () -> !fixture.alarms.ended.isEmpty());
    assertThat(fixture.alarms.raised).singleElement().satisfies(report -> {
      assertThat(report.type()).isEqualTo(AlarmType.VEHICLE_SPEEDING);
      assertThat(report.source().id()).isEqualTo("苏E12345");
    });
    String alarmId = fixture.alarms.raisedIds.get(0);
    assertThat(alarmId).isNotEmpty();
    assertThat(fixture.alarms.ended).containsExactly(alarmId);
    await("the journal's violation end", () -> !fixture.events(TrackEventPublisher.VIOLATION_ENDED).isEmpty());
    JournalEvent started = fixture.events(TrackEventPublisher.VIOLATION_STARTED).get(0);
    assertThat(started.attributes()).containsEntry("rule", "OVERSPEED").containsEntry("plate", "苏E12345")
        .containsEntry("alarm_id", alarmId).containsEntry("limit_kmh", "30").containsKey("place");
    assertThat(fixture.events("alarm.condition_ended")).singleElement()
        .satisfies(e -> assertThat(e.attributes()).containsEntry("alarm_id", alarmId));
    assertThat(fixture.intake.vehicle("苏E12345")).get().satisfies(v -> assertThat(v.getViolationsList()).isEmpty());
  }

  @Test
  void aTerminalWhoseClockLagsTwoHoursIsNotSignalLostWhileItKeepsReporting() throws Exception {
    fixture = new IntakeFixture(dir, ParkFileLoader.loadSample(),
        Jt808IntakeSettings.defaults().withTick(Duration.ofMillis(100)));
    bind(TERMINAL, "苏E12345");
    double lat = ROAD_LAT;
    try (SocketTerminal terminal = fixture.terminal(TERMINAL)) {
      terminal.logIn();
      for (int s = 0; s < 20; s++) { // its clock set two hours back (a wrong time zone), fresh reports
        lat += 5.6 * LAT_PER_METRE;
        assertThat(terminal.report(fix(secondsAgo(7200 + 20 - s), ROAD_LON, lat, 20))).isZero();
      }
      Thread.sleep(1_000); // ten ticks: judged on the server's clock, each would find 2 h of silence
      assertThat(fixture.intake.counters().stored()).isEqualTo(20);
    }
    assertThat(fixture.events(TrackEventPublisher.VIOLATION_STARTED)).isEmpty();
    assertThat(fixture.alarms.raised).isEmpty();
  }

  @Test
  void moreHazmatVehiclesInTheLotThanItHasPlacesRaiseAParkingAnomaly() throws IOException {
    Park sample = ParkFileLoader.loadSample();
    List<ParkingLot> lots = sample.parkingLots().stream()
        .map(l -> l.hazmat() ? new ParkingLot(l.id(), l.name(), l.area(), 1, true) : l).toList();
    start(new Park(sample.id(), sample.name(), sample.version(), sample.perimeter(), sample.zones(), sample.gates(),
        sample.roads(), sample.cameras(), sample.sensors(), lots, sample.enterprises()));
    ParkingLot lot = lots.stream().filter(ParkingLot::hazmat).findFirst().orElseThrow();
    double lon = lot.area().getCentroid().getX();
    double lat = lot.area().getCentroid().getY();
    bind(TERMINAL, "苏E12345");
    bind(OTHER, "苏E54321");
    for (String number : List.of(TERMINAL, OTHER)) {
      try (SocketTerminal terminal = fixture.terminal(number)) {
        terminal.logIn();
        for (int s = 0; s < 15; s++) { // parked 15 s: it counts as in after 10
          assertThat(terminal.report(fix(secondsAgo(30 - s), lon, lat, 0))).isZero();
        }
      }
    }
    await("the overflow alarm", () -> fixture.alarms.raised.stream()
        .anyMatch(r -> r.type() == AlarmType.PARKING_ANOMALY && r.source().id().equals(lot.id().value())));
    await("both entries journalled", () -> fixture.events(TrackEventPublisher.LOT_ENTERED).size() == 2);
    assertThat(fixture.intake.parkingLot("")).satisfies(state -> {
      assertThat(state.getOccupancy()).isEqualTo(2);
      assertThat(state.getOverflowing()).isTrue();
    });
    assertThat(fixture.events(TrackEventPublisher.LOT_ENTERED)).extracting(e -> e.attributes().get("plate"))
        .containsExactly("苏E12345", "苏E54321");
  }

  /** A hazmat delivery to ENT-01's loading point LP1 (the sample park's), as an open trip. */
  private void bindWithPermit(String terminal, String plate) {
    Instant now = Instant.now();
    Permit permit = Permit.issue(new PermitId("PM-" + plate), "APP-" + plate, Set.of(),
        Map.of(new Plate(plate), VehicleClass.HAZMAT), new EnterpriseId("ENT-01"),
        new PermitScope(List.of(), List.of(), Set.of()), TimeWindow.of(now.minusSeconds(3_600), Duration.ofHours(8)),
        Optional.empty(), Optional.of("LP1"), now.minusSeconds(3_600), "reviewer");
    fixture.trips.byTerminal.put(terminal, new OpenTrip("TRIP-" + terminal, terminal, new Plate(plate),
        PlateColor.YELLOW, VehicleClass.HAZMAT, Optional.of(permit), false, now.minusSeconds(600)));
  }

  @Test
  void aReleasedVehicleThatWasAtItsLoadingPointAndDroveOffFreesItsSlotForTheNextInTheQueue() throws IOException {
    Park park = ParkFileLoader.loadSample();
    start(park);
    ParkingLot lot = park.parkingLots().stream().filter(ParkingLot::hazmat).findFirst().orElseThrow();
    Point loadingPoint = park.enterprises().stream().filter(e -> e.id().value().equals("ENT-01")).findFirst()
        .orElseThrow().loadingPoints().get(0).position();
    double lotLon = lot.area().getCentroid().getX();
    double lotLat = lot.area().getCentroid().getY();
    bindWithPermit(TERMINAL, "苏E12345");
    bindWithPermit(OTHER, "苏E54321");
    try (SocketTerminal first = fixture.terminal(TERMINAL); SocketTerminal second = fixture.terminal(OTHER)) {
      first.logIn();
      second.logIn();
      for (int s = 0; s < 15; s++) { // both wait in the lot; the first takes LP1's only slot, the second queues
        assertThat(first.report(fix(secondsAgo(300 - s), lotLon, lotLat, 0))).isZero();
      }
      for (int s = 0; s < 15; s++) {
        assertThat(second.report(fix(secondsAgo(300 - s), lotLon, lotLat, 0))).isZero();
      }
      await("the first released", () -> fixture.events(TrackEventPublisher.LOT_RELEASED).size() == 1);
      for (int s = 0; s <= 30; s += 5) { // at the loading point for half a minute
        assertThat(first.report(fix(secondsAgo(200 - s), loadingPoint.getX(), loadingPoint.getY(), 0))).isZero();
      }
      assertThat(fixture.events(TrackEventPublisher.LOT_RELEASED)).hasSize(1);
      for (int s = 0; s <= 40; s += 5) { // then 300 m north, driving off
        assertThat(first.report(fix(secondsAgo(160 - s), loadingPoint.getX(),
            loadingPoint.getY() + 300 * LAT_PER_METRE, 30))).isZero();
      }
    }
    await("the second released", () -> fixture.events(TrackEventPublisher.LOT_RELEASED).size() == 2);
    List<JournalEvent> left = fixture.events(TrackEventPublisher.LOT_LOADING_POINT_LEFT);
    assertThat(left).singleElement().satisfies(e -> {
      assertThat(e.attributes()).containsEntry("plate", "苏E12345").containsEntry("enterprise_id", "ENT-01")
          .containsEntry("loading_point", "LP1");
    });
    List<JournalEvent> released = fixture.events(TrackEventPublisher.LOT_RELEASED);
    assertThat(released).extracting(e -> e.attributes().get("plate")).containsExactly("苏E12345", "苏E54321");
    assertThat(released.get(1).seq()).isGreaterThan(left.get(0).seq());
  }
}
