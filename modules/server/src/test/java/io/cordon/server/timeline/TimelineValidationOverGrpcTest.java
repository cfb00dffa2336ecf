package io.cordon.server.timeline;

import static io.cordon.server.timeline.Refusals.assertRefused;
import static io.cordon.server.timeline.TimelineAssemblyOverGrpcTest.polygon;

import io.cordon.api.v1.LinearRing;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.Polygon;
import io.cordon.api.v1.PositionsAtRequest;
import io.cordon.api.v1.TimelineLane;
import io.cordon.api.v1.TimelineRequest;
import io.grpc.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad timeline requests are refused with the offending field named. */
class TimelineValidationOverGrpcTest {

  static final Instant T0 = Instant.parse("2026-11-17T06:00:00Z");

  @TempDir
  static Path dir;
  static TimelineTestServer server;

  @BeforeAll
  static void start() {
    server = new TimelineTestServer(dir);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    server.close();
  }

  private static TimelineRequest.Builder hour() {
    return TimelineRequest.newBuilder().setFrom(Times.timestamp(T0)).setTo(Times.timestamp(T0.plusSeconds(3_600)));
  }

  private static void refused(TimelineRequest request, Status.Code code, String field) {
    assertRefused(() -> server.timelineStub().getTimeline(request), code, field);
  }

  @Test
  void fromIsRequired() {
    refused(hour().clearFrom().build(), Status.Code.INVALID_ARGUMENT, "from");
  }

  @Test
  void toIsRequired() {
    refused(hour().clearTo().build(), Status.Code.INVALID_ARGUMENT, "to");
  }

  @Test
  void toMustComeAfterFrom() {
    refused(hour().setTo(Times.timestamp(T0)).build(), Status.Code.INVALID_ARGUMENT, "to");
  }

  @Test
  void aWindowLongerThanADayIsRefused() {
    refused(hour().setTo(Times.timestamp(T0.plus(Duration.ofHours(24)).plusSeconds(1))).build(),
        Status.Code.INVALID_ARGUMENT, "to");
  }

  @Test
  void maxEntriesAboveTheLimitIsRefused() {
    refused(hour().setMaxEntries(20_001).build(), Status.Code.INVALID_ARGUMENT, "max_entries");
  }

  @Test
  void aTrackOfOnePointIsRefused() {
    refused(hour().setMaxTrackPoints(1).build(), Status.Code.INVALID_ARGUMENT, "max_track_points");
  }

  @Test
  void aRingOfThreePointsIsRefused() {
    Polygon open = Polygon.newBuilder().addRings(LinearRing.newBuilder()
        .addPoints(lonLat(120.95, 31.94)).addPoints(lonLat(120.96, 31.94)).addPoints(lonLat(120.95, 31.94))).build();
    refused(hour().setArea(open).build(), Status.Code.INVALID_ARGUMENT, "area.rings[0].points");
  }

  @Test
  void anUnclosedRingIsRefused() {
    Polygon open = Polygon.newBuilder().addRings(LinearRing.newBuilder().addPoints(lonLat(120.95, 31.94))
        .addPoints(lonLat(120.96, 31.94)).addPoints(lonLat(120.96, 31.95)).addPoints(lonLat(120.95, 31.95))).build();
    refused(hour().setArea(open).build(), Status.Code.INVALID_ARGUMENT, "area.rings[0]");
  }

  @Test
  void aSelfIntersectingPolygonIsRefused() {
    Polygon bowTie = polygon(120.95, 31.94, 120.96, 31.95, 120.96, 31.94, 120.95, 31.95);
    refused(hour().setArea(bowTie).build(), Status.Code.INVALID_ARGUMENT, "area");
  }

  @Test
  void coordinatesOutOfRangeAreRefused() {
    Polygon far = polygon(120.95, 31.94, 190.0, 31.94, 120.96, 31.95);
    refused(hour().setArea(far).build(), Status.Code.INVALID_ARGUMENT, "area.rings[0].points[1]");
  }

  @Test
  void anUnknownGateIsNotFound() {
    refused(hour().addGateIds("G3").addGateIds("G99").build(), Status.Code.NOT_FOUND, "gate_ids[1]");
  }

  @Test
  void anUnknownZoneIsNotFound() {
    refused(hour().addZoneIds("Z-NOWHERE").build(), Status.Code.NOT_FOUND, "zone_ids[0]");
  }

  @Test
  void anUnknownIncidentIsNotFound() {
    refused(hour().setIncidentId("INC-20261117-999").build(), Status.Code.NOT_FOUND, "incident_id");
  }

  @Test
  void anUnspecifiedLaneIsRefused() {
    refused(hour().addLanes(TimelineLane.TIMELINE_LANE_UNSPECIFIED).build(), Status.Code.INVALID_ARGUMENT,
        "lanes[0]");
  }

  @Test
  void positionsNeedTheMoment() {
    assertRefused(() -> server.timelineStub().getPositionsAt(PositionsAtRequest.getDefaultInstance()),
        Status.Code.INVALID_ARGUMENT, "at");
  }

  private static LonLat lonLat(double lon, double lat) {
    return LonLat.newBuilder().setLon(lon).setLat(lat).build();
  }
}
