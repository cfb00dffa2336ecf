package io.cordon.server.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.Event;
import io.cordon.api.v1.LinearRing;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.Polygon;
import io.cordon.api.v1.SubjectRef;
import io.cordon.api.v1.Timeline;
import io.cordon.api.v1.TimelineEntry;
import io.cordon.api.v1.TimelineLane;
import io.cordon.api.v1.TimelineRequest;
import io.cordon.api.v1.VehicleTimelineTrack;
import io.cordon.server.event.SubjectKey;
import io.cordon.server.persistence.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timelines assembled from the journal and stored positions, asked over gRPC. */
class TimelineAssemblyOverGrpcTest {

  /** Tuesday 14:00 in the park (Asia/Shanghai). */
  static final Instant T0 = Instant.parse("2026-11-17T06:00:00Z");
  static final String TRUCK = "苏A12345";
  static final String OTHER = "苏B54321";
  /** Inside zone Z-CORE-1 (120.954897..120.963356 × 31.948037..31.952546). */
  static final double IN_LON = 120.958;
  static final double IN_LAT = 31.950;

  @TempDir
  Path dir;
  TimelineTestServer server;

  /** The database the test runs on: H2 here, PostgreSQL in the OnPostgres subclass. */
  TestDatabase freshDatabase(Path dir) {
    return TestDatabase.h2(dir);
  }

  @BeforeEach
  void start() {
    server = new TimelineTestServer(freshDatabase(dir), Optional.empty());
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (server != null) { // null when the database was skipped
      server.close();
    }
  }

  private static TimelineRequest.Builder window(Instant from, Instant to) {
    return TimelineRequest.newBuilder().setFrom(Times.timestamp(from)).setTo(Times.timestamp(to));
  }

  private static SubjectKey key(String kind, String id) {
    return new SubjectKey(kind, id);
  }

  private static SubjectRef ref(String kind, String id) {
    return SubjectRef.newBuilder().setKind(kind).setId(id).build();
  }

  private static List<String> types(Timeline t) {
    return t.getEntriesList().stream().map(e -> e.getEvent().getType()).toList();
  }

  @Test
  void entriesComeOldestFirstEachInTheLaneOfItsKind() {
    server.event(T0.plusSeconds(300), "gate.access", List.of(key("gate", "G3"), key("vehicle", TRUCK)));
    server.event(T0.plusSeconds(100), "alarm.raised", List.of(key("alarm", "AL-1")));
    server.event(T0.plusSeconds(200), "user.login", List.of(key("user", "op1")));
    server.event(T0.plusSeconds(400), "emergency.opened", List.of(key("emergency", "E-1")));
    server.event(T0.plusSeconds(500), "track.violation_started", List.of(key("vehicle", TRUCK)));
    server.event(T0.plusSeconds(600), "sensor.fault", List.of(key("sensor", "S-1")));
    server.event(T0.plusSeconds(700), "gate.command", List.of(key("gate", "G3")));
    server.event(T0.plusSeconds(800), "permit.issued", List.of(key("permit", "P-1")));

    Timeline t = server.timelineStub().getTimeline(window(T0, T0.plusSeconds(3_600)).build());

    assertThat(t.getEntriesList()).extracting(TimelineEntry::getLane).containsExactly(
        TimelineLane.TIMELINE_LANE_ALARM, TimelineLane.TIMELINE_LANE_OPERATOR, TimelineLane.TIMELINE_LANE_ACCESS,
        TimelineLane.TIMELINE_LANE_EMERGENCY, TimelineLane.TIMELINE_LANE_VEHICLE, TimelineLane.TIMELINE_LANE_DEVICE,
        TimelineLane.TIMELINE_LANE_GATE, TimelineLane.TIMELINE_LANE_OTHER);
    assertThat(t.getTruncated()).isFalse();
  }

  @Test
  void eventsOutsideTheWindowAndHeartbeatsAreLeftOut() {
    server.event(T0.minusSeconds(1), "sensor.fault", List.of(key("sensor", "S-1")));
    server.event(T0, "sensor.fault", List.of(key("sensor", "S-1")));
    server.event(T0.plusSeconds(10), "sensor.heartbeat", List.of(key("sensor", "S-1")));
    server.event(T0.plusSeconds(3_600), "sensor.fault", List.of(key("sensor", "S-1")));

    Timeline t = server.timelineStub().getTimeline(window(T0, T0.plusSeconds(3_600)).build());

    assertThat(t.getEntriesList()).extracting(e -> Times.instant(e.getEvent().getTime())).containsExactly(T0);
  }

  @Test
  void anAlarmClosedInTheWindowSpansFromItsRaiseToItsClose() {
    server.alarm("AL-1", T0.plusSeconds(60), T0.plusSeconds(900), "sensor", "S-1", "", List.of());
    server.alarm("AL-2", T0.plusSeconds(120), T0.plusSeconds(7_200), "sensor", "S-2", "", List.of());
    server.event(T0.plusSeconds(60), "alarm.raised", List.of(key("alarm", "AL-1"), key("sensor", "S-1")));
    server.event(T0.plusSeconds(120), "alarm.raised", List.of(key("alarm", "AL-2"), key("sensor", "S-2")));
    server.event(T0.plusSeconds(900), "alarm.close", List.of(key("alarm", "AL-1"), key("user", "op1")));

    Timeline t = server.timelineStub().getTimeline(window(T0, T0.plusSeconds(3_600)).build());

    assertThat(t.getEntries(0).hasEnd()).isTrue();
    assertThat(Times.instant(t.getEntries(0).getEnd())).isEqualTo(T0.plusSeconds(900));
    assertThat(t.getEntries(1).hasEnd()).as("closed after the window").isFalse();
    assertThat(t.getEntries(2).hasEnd()).as("the close itself is an instant").isFalse();
  }

  @Test
  void aSubjectFilterKeepsOnlyTheEventsAboutThatSubject() {
    server.event(T0.plusSeconds(10), "gate.access", List.of(key("gate", "G2"), key("vehicle", TRUCK)));
    server.event(T0.plusSeconds(20), "gate.access", List.of(key("gate", "G2"), key("vehicle", OTHER)));
    server.event(T0.plusSeconds(30), "track.violation_started", List.of(key("vehicle", TRUCK)));
    server.event(T0.minusSeconds(30), "track.violation_started", List.of(key("vehicle", TRUCK)));

    Timeline t = server.timelineStub().getTimeline(window(T0, T0.plusSeconds(3_600))
        .addSubjects(ref("vehicle", TRUCK)).build());

    assertThat(types(t)).containsExactly("gate.access", "track.violation_started");
    assertThat(t.getEntriesList()).allSatisfy(e -> assertThat(e.getEvent().getSubjectsList())
        .contains(ref("vehicle", TRUCK)));
  }

  @Test
  void anAreaKeepsEventsLocatedInsideThePolygonOnly() {
    // a triangle: the second point lies in its bounding box but outside it
    Polygon triangle = polygon(120.95, 31.94, 120.96, 31.94, 120.95, 31.95);
    server.event(T0.plusSeconds(10), "sensor.intrusion", List.of(key("sensor", "S-1")), 120.952, 31.942);
    server.event(T0.plusSeconds(20), "sensor.intrusion", List.of(key("sensor", "S-2")), 120.959, 31.949);
    server.event(T0.plusSeconds(30), "sensor.intrusion", List.of(key("sensor", "S-3")));

    Timeline t = server.timelineStub().getTimeline(window(T0, T0.plusSeconds(3_600)).setArea(triangle).build());

    assertThat(t.getEntriesList()).extracting(e -> e.getEvent().getSubjects(0).getId()).containsExactly("S-1");
  }

  @Test
  void everyoneWhoPassedAGateInTheHourIsTheGateFilterInTheAccessLane() {
    server.event(T0.plusSeconds(10), "gate.access", List.of(key("gate", "G3"), key("vehicle", TRUCK)));
    server.event(T0.plusSeconds(20), "gate.access", List.of(key("gate", "G3"), key("person", "P-7")));
    server.event(T0.plusSeconds(30), "gate.access", List.of(key("gate", "G2"), key("vehicle", OTHER)));
    server.event(T0.plusSeconds(40), "gate.command", List.of(key("gate", "G3"), key("user", "op1")));

    Timeline t = server.timelineStub().getTimeline(window(T0, T0.plusSeconds(3_600)).addGateIds("G3")
        .addLanes(TimelineLane.TIMELINE_LANE_ACCESS).build());

    assertThat(t.getEntriesList()).extracting(e -> e.getEvent().getSubjects(1).getId()).containsExactly(TRUCK, "P-7");
    assertThat(t.getCameraIdsList()).as("the gate's cameras, for the synced video").isNotEmpty();
  }

  @Test
  void aZoneFilterKeepsEventsAboutTheZoneAndEventsInsideIt() {
    server.event(T0.plusSeconds(10), "alarm.raised", List.of(key("alarm", "AL-1"), key("zone", "Z-CORE-1")));
    server.event(T0.plusSeconds(20), "sensor.intrusion", List.of(key("sensor", "S-1")), IN_LON, IN_LAT);
    server.event(T0.plusSeconds(30), "sensor.intrusion", List.of(key("sensor", "S-2")), 120.93, 31.935);

    Timeline t = server.timelineStub().getTimeline(window(T0, T0.plusSeconds(3_600)).addZoneIds("Z-CORE-1").build());

    assertThat(types(t)).containsExactly("alarm.raised", "sensor.intrusion");
    assertThat(t.getEntries(1).getEvent().getSubjects(0).getId()).isEqualTo("S-1");
  }

  @Test
  void moreEventsThanMaxEntriesKeepTheOldestAndSayTruncated() {
    for (int i = 0; i < 5; i++) {
      server.event(T0.plusSeconds(10L * (5 - i)), "sensor.fault", List.of(key("sensor", "S-" + i)));
    }

    Timeline t = server.timelineStub().getTimeline(window(T0, T0.plusSeconds(3_600)).setMaxEntries(2).build());

    assertThat(t.getTruncated()).isTrue();
    assertThat(t.getEntriesList()).extracting(e -> e.getEvent().getSubjects(0).getId()).containsExactly("S-4", "S-3");
  }

  @Test
  void aSubjectVehiclesTrackIsThinnedKeepingItsFirstAndLastFix() {
    for (int i = 0; i < 100; i++) {
      server.fix(TRUCK, 120.94 + i * 0.0001, 31.94, T0.plusSeconds(10L * i));
    }
    server.fix(TRUCK, 120.94, 31.94, T0.minusSeconds(5));
    server.fix(OTHER, 120.94, 31.94, T0.plusSeconds(5));

    Timeline t = server.timelineStub().getTimeline(window(T0, T0.plusSeconds(3_600))
        .addSubjects(ref("vehicle", TRUCK)).setIncludeTracks(true).setMaxTrackPoints(10).build());

    assertThat(t.getTracksList()).singleElement().satisfies(track -> {
      assertThat(track.getPlate()).isEqualTo(TRUCK);
      assertThat(track.getVehicleClass()).isEqualTo("HAZMAT");
      assertThat(track.getTotalPoints()).isEqualTo(100);
      assertThat(track.getPointsList()).extracting(p -> p.getTime().getSeconds() - T0.getEpochSecond())
          .containsExactly(0L, 110L, 220L, 330L, 440L, 550L, 660L, 770L, 880L, 990L);
    });
  }

  @Test
  void areaTracksHoldEachVehiclesFixesInsideTheArea() {
    server.fix(TRUCK, IN_LON, IN_LAT, T0.plusSeconds(10));
    server.fix(TRUCK, 120.93, 31.935, T0.plusSeconds(20));
    server.fix(TRUCK, IN_LON + 0.001, IN_LAT, T0.plusSeconds(30));
    server.fix(OTHER, 120.93, 31.935, T0.plusSeconds(10));

    Timeline t = server.timelineStub().getTimeline(window(T0, T0.plusSeconds(3_600)).addZoneIds("Z-CORE-1")
        .setIncludeTracks(true).build());

    assertThat(t.getTracksList()).extracting(VehicleTimelineTrack::getPlate).containsExactly(TRUCK);
    assertThat(t.getTracks(0).getPointsList()).extracting(p -> p.getTime().getSeconds() - T0.getEpochSecond())
        .containsExactly(10L, 30L);
  }

  @Test
  void aVehicleNamedInTheAreaComesWithItsWholeTrackOthersOnlyWithTheirFixesInsideOnce() {
    server.event(T0.plusSeconds(15), "track.violation", List.of(key("vehicle", OTHER)), IN_LON, IN_LAT);
    server.fix(OTHER, 120.93, 31.935, T0.plusSeconds(5));
    server.fix(OTHER, IN_LON, IN_LAT, T0.plusSeconds(15));
    server.fix(TRUCK, IN_LON, IN_LAT, T0.plusSeconds(10));
    server.fix(TRUCK, 120.93, 31.935, T0.plusSeconds(20));
    Polygon aroundTheFix = polygon(IN_LON - 0.001, IN_LAT - 0.001, IN_LON + 0.001, IN_LAT - 0.001,
        IN_LON + 0.001, IN_LAT + 0.001, IN_LON - 0.001, IN_LAT + 0.001);

    Timeline t = server.timelineStub().getTimeline(window(T0, T0.plusSeconds(3_600)).addZoneIds("Z-CORE-1")
        .setArea(aroundTheFix).setIncludeTracks(true).build());

    assertThat(t.getTracksList()).extracting(VehicleTimelineTrack::getPlate).containsExactlyInAnyOrder(TRUCK, OTHER);
    Map<String, List<Long>> seconds = t.getTracksList().stream().collect(Collectors.toMap(
        VehicleTimelineTrack::getPlate,
        track -> track.getPointsList().stream().map(p -> p.getTime().getSeconds() - T0.getEpochSecond()).toList()));
    assertThat(seconds.get(OTHER)).as("named by an event in the area: its whole track").containsExactly(5L, 15L);
    assertThat(seconds.get(TRUCK)).as("inside both areas, taken once; the fix outside left out").containsExactly(10L);
  }

  @Test
  void aPlateWithQuotesNamedInTheAreaIsReadAsAValueNotAsSql() {
    String odd = "A') or ('1'='1";
    server.event(T0.plusSeconds(15), "track.violation", List.of(key("vehicle", odd)), IN_LON, IN_LAT);
    server.fix(odd, 120.93, 31.935, T0.plusSeconds(5));
    server.fix(TRUCK, 120.93, 31.935, T0.plusSeconds(20));

    Timeline t = server.timelineStub().getTimeline(window(T0, T0.plusSeconds(3_600)).addZoneIds("Z-CORE-1")
        .setIncludeTracks(true).build());

    assertThat(t.getTracksList()).extracting(VehicleTimelineTrack::getPlate).containsExactly(odd);
  }

  @Test
  void camerasLinkedToTheAlarmsComeWithTheTimeline() {
    server.alarm("AL-1", T0.plusSeconds(60), null, "sensor", "S-1", "", List.of("C-07", "C-08"));
    server.event(T0.plusSeconds(60), "alarm.raised", List.of(key("alarm", "AL-1"), key("sensor", "S-1")));

    Timeline t = server.timelineStub().getTimeline(window(T0, T0.plusSeconds(3_600)).build());

    assertThat(t.getCameraIdsList()).startsWith("C-07", "C-08");
  }

  static Polygon polygon(double... lonLat) {
    LinearRing.Builder ring = LinearRing.newBuilder();
    for (int i = 0; i < lonLat.length; i += 2) {
      ring.addPoints(LonLat.newBuilder().setLon(lonLat[i]).setLat(lonLat[i + 1]));
    }
    ring.addPoints(LonLat.newBuilder().setLon(lonLat[0]).setLat(lonLat[1]));
    return Polygon.newBuilder().addRings(ring).build();
  }

  static Event first(Timeline t) {
    return t.getEntries(0).getEvent();
  }
}
