package io.cordon.client.timeline;

import io.cordon.api.v1.Event;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.SubjectRef;
import io.cordon.api.v1.Timeline;
import io.cordon.api.v1.TimelineEntry;
import io.cordon.api.v1.TimelineLane;
import io.cordon.api.v1.TrackPoint;
import io.cordon.api.v1.VehicleTimelineTrack;
import java.time.Instant;

/** Timelines as the server answers them, for the view-model tests. */
final class TimelineFixture {
  /** 10:00–11:00 park time. */
  static final Instant FROM = Instant.parse("2024-05-01T02:00:00Z");
  static final Instant TO = Instant.parse("2024-05-01T03:00:00Z");
  static final String TANKER = "苏E12345";

  private TimelineFixture() {}

  static TimelineEntry entry(TimelineLane lane, long seq, Instant at, String type, Instant end, String... subject) {
    Event.Builder e = Event.newBuilder().setSeq(seq).setTime(TimelineClient.timestamp(at)).setType(type)
        .setSummary(type + " " + seq);
    if (subject.length == 2) {
      e.addSubjects(SubjectRef.newBuilder().setKind(subject[0]).setId(subject[1]));
    }
    TimelineEntry.Builder b = TimelineEntry.newBuilder().setLane(lane).setEvent(e);
    if (end != null) {
      b.setEnd(TimelineClient.timestamp(end));
    }
    return b.build();
  }

  /**
   * A hazmat tanker's hour: it passes G3 at 10:05, speeds at 10:20 (an alarm open until 10:35), the
   * operator acknowledges at 10:22; its track has a fix a minute from 10:05 to 10:40, 0.001° east
   * each.
   */
  static Timeline tankerHour() {
    Timeline.Builder t = Timeline.newBuilder().setFrom(TimelineClient.timestamp(FROM))
        .setTo(TimelineClient.timestamp(TO))
        .addEntries(entry(TimelineLane.TIMELINE_LANE_ACCESS, 1, FROM.plusSeconds(300), "gate.passage", null,
            "vehicle", TANKER))
        .addEntries(entry(TimelineLane.TIMELINE_LANE_VEHICLE, 2, FROM.plusSeconds(1200), "track.violation.started",
            null, "vehicle", TANKER))
        .addEntries(entry(TimelineLane.TIMELINE_LANE_ALARM, 3, FROM.plusSeconds(1200), "alarm.raised",
            FROM.plusSeconds(2100), "alarm", "A-000012"))
        .addEntries(entry(TimelineLane.TIMELINE_LANE_OPERATOR, 4, FROM.plusSeconds(1320), "alarm.acknowledge", null,
            "user", "operator"))
        .addCameraIds("CAM-G3-01");
    VehicleTimelineTrack.Builder track = VehicleTimelineTrack.newBuilder().setPlate(TANKER).setVehicleClass("hazmat")
        .setTotalPoints(36);
    for (int i = 0; i <= 35; i++) {
      track.addPoints(TrackPoint.newBuilder().setTime(TimelineClient.timestamp(FROM.plusSeconds(300 + 60L * i)))
          .setPosition(LonLat.newBuilder().setLon(118.700 + 0.001 * i).setLat(32.2)).setSpeedKmh(36)
          .setHeadingDeg(90));
    }
    return t.addTracks(track).build();
  }
}
