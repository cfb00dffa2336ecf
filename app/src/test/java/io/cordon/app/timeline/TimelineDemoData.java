package io.cordon.app.timeline;

import io.cordon.api.v1.Event;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.SubjectRef;
import io.cordon.api.v1.Timeline;
import io.cordon.api.v1.TimelineEntry;
import io.cordon.api.v1.TimelineLane;
import io.cordon.api.v1.TimelineRequest;
import io.cordon.api.v1.TrackPoint;
import io.cordon.api.v1.VehicleTimelineTrack;
import io.cordon.client.timeline.TimelineClient;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.Road;
import io.cordon.domain.park.RoadClass;
import io.cordon.server.park.ParkFileLoader;
import java.time.Instant;
import java.util.Comparator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.linearref.LengthIndexedLine;

/**
 * A realistic hour on the sample park, as the server would answer it (10:00–11:00 park time): the
 * hazmat tanker 苏E12345 is refused at G3 (an ordinary gate), enters at G1, speeds on the dangerous-goods
 * road (an alarm from 10:20 until it is resolved at 10:38), while cars pass G3; a fence fault and
 * later an intrusion (a critical alarm) at the perimeter; the operators' steps and a gate command.
 */
final class TimelineDemoData {
  static final Park PARK = ParkFileLoader.loadSample();
  static final Instant FROM = Instant.parse("2024-05-01T02:00:00Z");
  static final Instant TO = Instant.parse("2024-05-01T03:00:00Z");
  static final String TANKER = "苏E12345";
  static final String CAR = "苏A66A88";
  static final Road ROAD = PARK.roads().stream().filter(r -> r.roadClass() == RoadClass.HAZMAT)
      .max(Comparator.comparingDouble(r -> r.line().getLength())).orElseThrow();
  /** The tanker drives the road from 10:09 to 10:40, a fix every 30 s. */
  static final Instant DRIVE_FROM = FROM.plusSeconds(9 * 60);
  static final Instant DRIVE_TO = FROM.plusSeconds(40 * 60);
  static final Instant SPEEDING = FROM.plusSeconds(20 * 60);
  static final Instant PASSAGE_AT_G3 = FROM.plusSeconds(11 * 60);

  private TimelineDemoData() {}

  static TimelineRequest request() {
    return TimelineRequest.newBuilder().setFrom(ts(FROM)).setTo(ts(TO)).setIncludeTracks(true).build();
  }

  static Gate gate(String id) {
    return PARK.gates().stream().filter(g -> g.id().value().equals(id)).findFirst().orElseThrow();
  }

  static LonLat at(Gate gate) {
    return LonLat.newBuilder().setLon(gate.position().getX()).setLat(gate.position().getY()).build();
  }

  static io.cordon.api.v1.Timeline hour() {
    Timeline.Builder t = Timeline.newBuilder().setFrom(ts(FROM)).setTo(ts(TO)).addCameraIds("CAM-G3-01")
        .addCameraIds("CAM-G1-02").addCameraIds("CAM-R2-05");
    long seq = 1000;
    LonLat g3 = at(gate("G3"));
    LonLat g1 = at(gate("G1"));
    // passages at G3 through the hour
    int[] minutes = {2, 11, 15, 31, 44, 52};
    String[] plates = {"苏A12B34", CAR, "苏F99Q01", "苏A0C7D2", "苏E5E555", "苏A12B34"};
    for (int i = 0; i < minutes.length; i++) {
      t.addEntries(with(entry(TimelineLane.TIMELINE_LANE_ACCESS, seq++, FROM.plusSeconds(minutes[i] * 60L),
          "gate.passage", null, g3, "车辆 " + plates[i] + " 经 G3 驶入", "vehicle", plates[i], "gate", "G3"),
          "lane", "V1", "direction", "ENTRY"));
    }
    t.addEntries(entry(TimelineLane.TIMELINE_LANE_ACCESS, seq++, FROM.plusSeconds(5 * 60), "gate.entry_denied", null,
        g3, "hazmat vehicle refused at an ordinary gate", "vehicle", TANKER, "gate", "G3"));
    t.addEntries(with(entry(TimelineLane.TIMELINE_LANE_ACCESS, seq++, DRIVE_FROM, "gate.passage", null, g1,
        "tanker entered at G1", "vehicle", TANKER, "gate", "G1"), "lane", "V2", "direction", "ENTRY"));
    // the tanker speeds: a violation, then an alarm open until resolved
    LonLat speedingAt = point(ROAD.line(), share(SPEEDING));
    t.addEntries(with(entry(TimelineLane.TIMELINE_LANE_VEHICLE, seq++, SPEEDING, "track.violation_started", null,
        speedingAt, "overspeed 58 km/h (limit 40)", "vehicle", TANKER),
        "plate", TANKER, "rule", "OVERSPEED", "place", ROAD.name(), "speed_kmh", "58", "limit_kmh", "40"));
    t.addEntries(with(entry(TimelineLane.TIMELINE_LANE_VEHICLE, seq++, FROM.plusSeconds(22 * 60),
        "track.violation_ended", null, point(ROAD.line(), share(FROM.plusSeconds(22 * 60))), "overspeed ended",
        "vehicle", TANKER), "plate", TANKER, "rule", "OVERSPEED", "place", ROAD.name()));
    t.addEntries(alarm(seq++, SPEEDING, FROM.plusSeconds(38 * 60), "A-000012", "VEHICLE_SPEEDING", "MAJOR",
        speedingAt, "vehicle", TANKER));
    // the perimeter: a fault, then an intrusion (critical)
    LonLat fence = LonLat.newBuilder().setLon(g3.getLon() + 0.004).setLat(g3.getLat() + 0.0008).build();
    t.addEntries(entry(TimelineLane.TIMELINE_LANE_DEVICE, seq++, FROM.plusSeconds(12 * 60), "sensor.fault", null, fence,
        "sensor fault", "sensor", "S-0034"));
    t.addEntries(entry(TimelineLane.TIMELINE_LANE_DEVICE, seq++, FROM.plusSeconds(41 * 60), "sensor.intrusion", null,
        fence, "intrusion", "sensor", "S-0035"));
    t.addEntries(alarm(seq++, FROM.plusSeconds(41 * 60), FROM.plusSeconds(55 * 60), "A-000013", "PERIMETER_INTRUSION",
        "CRITICAL", fence, "sensor", "S-0035"));
    // the operators
    t.addEntries(operator(seq++, FROM.plusSeconds(21 * 60), "alarm.acknowledge", "A-000012", "VEHICLE_SPEEDING"));
    t.addEntries(operator(seq++, FROM.plusSeconds(23 * 60), "alarm.dispatch", "A-000012", "VEHICLE_SPEEDING"));
    t.addEntries(operator(seq++, FROM.plusSeconds(38 * 60), "alarm.resolve", "A-000012", "VEHICLE_SPEEDING"));
    t.addEntries(operator(seq++, FROM.plusSeconds(42 * 60), "alarm.acknowledge", "A-000013", "PERIMETER_INTRUSION"));
    t.addEntries(entry(TimelineLane.TIMELINE_LANE_GATE, seq++, FROM.plusSeconds(43 * 60), "gate.state", null, g3,
        "G3 closed", "gate", "G3").toBuilder()
        .setEvent(entry(TimelineLane.TIMELINE_LANE_GATE, seq - 1, FROM.plusSeconds(43 * 60), "gate.state", null, g3,
            "G3 closed", "gate", "G3").getEvent().toBuilder().putAttributes("state", "CLOSED")).build());
    t.addEntries(entry(TimelineLane.TIMELINE_LANE_EMERGENCY, seq++, FROM.plusSeconds(45 * 60), "broadcast.started", null,
        fence, "broadcast: leave the south fence", "zone", "Z-GEN"));
    // entries oldest first, as the server sends them
    java.util.List<TimelineEntry> sorted = new java.util.ArrayList<>(t.getEntriesList());
    sorted.sort(Comparator.comparingLong(e -> e.getEvent().getTime().getSeconds()));
    t.clearEntries().addAllEntries(sorted);
    t.addTracks(tankerTrack());
    t.addTracks(carTrack(g3));
    return t.build();
  }

  /** Where along the road (0..1) the tanker is at a time. */
  static double share(Instant at) {
    double f = (at.toEpochMilli() - DRIVE_FROM.toEpochMilli()) / (double) (DRIVE_TO.toEpochMilli() - DRIVE_FROM.toEpochMilli());
    return Math.max(0, Math.min(1, f));
  }

  static LonLat point(LineString line, double share) {
    Coordinate c = new LengthIndexedLine(line).extractPoint(share * line.getLength());
    return LonLat.newBuilder().setLon(c.x).setLat(c.y).build();
  }

  private static VehicleTimelineTrack tankerTrack() {
    VehicleTimelineTrack.Builder b = VehicleTimelineTrack.newBuilder().setPlate(TANKER).setVehicleClass("hazmat");
    for (Instant t = DRIVE_FROM; !t.isAfter(DRIVE_TO); t = t.plusSeconds(30)) {
      double speed = t.isAfter(SPEEDING.minusSeconds(60)) && t.isBefore(SPEEDING.plusSeconds(120)) ? 58 : 36;
      b.addPoints(TrackPoint.newBuilder().setTime(ts(t)).setPosition(point(ROAD.line(), share(t))).setSpeedKmh(speed)
          .setHeadingDeg(90));
    }
    return b.setTotalPoints(b.getPointsCount() * 10L).build();
  }

  private static VehicleTimelineTrack carTrack(LonLat g3) {
    VehicleTimelineTrack.Builder b = VehicleTimelineTrack.newBuilder().setPlate(CAR).setVehicleClass("ordinary");
    for (int i = 0; i <= 40; i++) {
      b.addPoints(TrackPoint.newBuilder().setTime(ts(PASSAGE_AT_G3.plusSeconds(15L * i)))
          .setPosition(LonLat.newBuilder().setLon(g3.getLon() + 0.0001 * i).setLat(g3.getLat() + 0.0004 * i))
          .setSpeedKmh(30).setHeadingDeg(15));
    }
    return b.setTotalPoints(41).build();
  }

  private static TimelineEntry alarm(long seq, Instant at, Instant end, String id, String type, String severity,
      LonLat where, String kind, String subject) {
    TimelineEntry e = entry(TimelineLane.TIMELINE_LANE_ALARM, seq, at, "alarm.raised", end, where, "alarm raised",
        "alarm", id, kind, subject);
    return e.toBuilder().setEvent(e.getEvent().toBuilder().putAttributes("alarm_id", id).putAttributes("type", type)
        .putAttributes("severity", severity)).build();
  }

  private static TimelineEntry operator(long seq, Instant at, String type, String alarmId, String alarmType) {
    TimelineEntry e = entry(TimelineLane.TIMELINE_LANE_OPERATOR, seq, at, type, null, null, type, "alarm", alarmId,
        "user", "operator");
    return e.toBuilder().setEvent(e.getEvent().toBuilder().putAttributes("alarm_id", alarmId)
        .putAttributes("type", alarmType).putAttributes("by", "王值班").putAttributes("severity", "INFO")).build();
  }

  static TimelineEntry entry(TimelineLane lane, long seq, Instant at, String type, Instant end, LonLat where,
      String summary, String... subjects) {
    Event.Builder e = Event.newBuilder().setSeq(seq).setTime(ts(at)).setRecordedAt(ts(at)).setType(type)
        .setSummary(summary);
    for (int i = 0; i + 1 < subjects.length; i += 2) {
      e.addSubjects(SubjectRef.newBuilder().setKind(subjects[i]).setId(subjects[i + 1]));
    }
    if (where != null) {
      e.setLocation(where);
    }
    TimelineEntry.Builder b = TimelineEntry.newBuilder().setLane(lane).setEvent(e);
    if (end != null) {
      b.setEnd(ts(end));
    }
    return b.build();
  }

  /** The entry with the attributes its type carries on a real server (the client's sentences need them). */
  static TimelineEntry with(TimelineEntry entry, String... attributes) {
    Event.Builder e = entry.getEvent().toBuilder();
    for (int i = 0; i + 1 < attributes.length; i += 2) {
      e.putAttributes(attributes[i], attributes[i + 1]);
    }
    return entry.toBuilder().setEvent(e).build();
  }

  static com.google.protobuf.Timestamp ts(Instant t) {
    return TimelineClient.timestamp(t);
  }
}
