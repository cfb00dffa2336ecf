package io.cordon.server.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.Event;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.SubjectRef;
import io.cordon.api.v1.Timeline;
import io.cordon.api.v1.TimelineEntry;
import io.cordon.api.v1.TimelineLane;
import io.cordon.api.v1.TimelineRequest;
import io.cordon.api.v1.TrackPoint;
import io.cordon.api.v1.VehicleTimelineTrack;
import io.cordon.server.event.SubjectKey;
import io.cordon.server.persistence.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The size of a timeline answer against gRPC's default 4 MiB inbound limit: measured for the largest answer a request
 * may ask for, and kept within the budget by the server, over gRPC with a client channel left at its defaults.
 */
class TimelineAnswerSizeTest {

  static final Instant T0 = Instant.parse("2026-11-17T06:00:00Z");
  /** gRPC's default inbound message limit (GRPC_DEFAULT_LIMIT), which the client keeps. */
  static final int GRPC_DEFAULT_LIMIT = 4 * 1024 * 1024;

  @TempDir
  Path dir;

  /** A gate passage as the journal holds it (AccessEvents' attributes), as a timeline entry. */
  private static TimelineEntry passage(int i) {
    Instant at = T0.plusMillis(4_000L * i);
    Map<String, String> a = new LinkedHashMap<>();
    a.put("record_id", UUID.nameUUIDFromBytes(("r" + i).getBytes()).toString());
    a.put("lane", "L1");
    a.put("direction", "ENTRY");
    a.put("passed", "true");
    a.put("rule", "PERMIT_VALID");
    a.put("holder_class", "HAZMAT");
    a.put("holder_name", "江苏某危险品运输有限公司");
    a.put("credential_kind", "plate");
    a.put("snapshot", "snap/G3/2026-11-17/" + i + ".jpg");
    a.put("offline", "false");
    a.put("enterprise", "E-000123");
    a.put("passage_time", at.plusSeconds(3).toString());
    Event event = Event.newBuilder().setSeq(1_000_000L + i).setTime(Times.timestamp(at))
        .setRecordedAt(Times.timestamp(at)).setType("gate.access")
        .addSubjects(SubjectRef.newBuilder().setKind("gate").setId("G3"))
        .addSubjects(SubjectRef.newBuilder().setKind("vehicle").setId("苏E" + (10_000 + i % 90_000)))
        .addSubjects(SubjectRef.newBuilder().setKind("permit").setId("A-" + (100_000 + i)))
        .setLocation(LonLat.newBuilder().setLon(120.941234).setLat(31.931234))
        .setSummary("Pass at G3/L1 entry: 苏E" + (10_000 + i % 90_000) + " (PERMIT_VALID)").putAllAttributes(a).build();
    return TimelineEntry.newBuilder().setLane(TimelineLane.TIMELINE_LANE_ACCESS).setEvent(event).build();
  }

  private static VehicleTimelineTrack track(String plate, int points) {
    VehicleTimelineTrack.Builder track = VehicleTimelineTrack.newBuilder().setPlate(plate).setVehicleClass("HAZMAT")
        .setTotalPoints(points);
    for (int i = 0; i < points; i++) {
      track.addPoints(TrackPoint.newBuilder().setTime(Times.timestamp(T0.plusSeconds(i)))
          .setPosition(LonLat.newBuilder().setLon(120.94 + i * 1e-6).setLat(31.93 + i * 1e-6))
          .setSpeedKmh(23.5 + i % 10).setHeadingDeg(i % 360));
    }
    return track.build();
  }

  /** The largest answer a request may ask for: max_entries passages, the tracks at their overall cap. */
  private static Timeline largest() {
    Timeline.Builder t = Timeline.newBuilder().setFrom(Times.timestamp(T0))
        .setTo(Times.timestamp(T0.plusSeconds(86_400)));
    for (int i = 0; i < TimelineRequests.MAX_ENTRIES; i++) {
      t.addEntries(passage(i));
    }
    int perTrack = TimelineRequests.MAX_TRACK_POINTS;
    for (int v = 0; v < JournalTimelines.MAX_TOTAL_TRACK_POINTS / perTrack; v++) {
      t.addTracks(track("苏E0000" + v, perTrack));
    }
    return t.build();
  }

  @Test
  void theLargestAnswerARequestMayAskForIsOverGrpcsDefaultLimit() {
    Timeline largest = largest();

    System.out.printf("largest timeline answer: %,d bytes (%,d in entries, %,d in tracks)%n",
        largest.getSerializedSize(), largest.toBuilder().clearTracks().build().getSerializedSize(),
        largest.toBuilder().clearEntries().build().getSerializedSize());
    assertThat(largest.getSerializedSize()).isGreaterThan(GRPC_DEFAULT_LIMIT);
    assertThat(AnswerBudget.DEFAULT_MAX_BYTES).isLessThan(GRPC_DEFAULT_LIMIT);
  }

  @Test
  void theBudgetKeepsTheOldestEntriesThinsTheTracksAndSaysTruncated() {
    Timeline largest = largest();

    Timeline fitted = AnswerBudget.fit(largest, AnswerBudget.DEFAULT_MAX_BYTES);

    assertThat(fitted.getSerializedSize()).isLessThanOrEqualTo(AnswerBudget.DEFAULT_MAX_BYTES);
    assertThat(fitted.getTruncated()).isTrue();
    assertThat(fitted.getEntriesCount()).isBetween(1, TimelineRequests.MAX_ENTRIES - 1);
    assertThat(fitted.getEntriesList()).isEqualTo(largest.getEntriesList().subList(0, fitted.getEntriesCount()));
    assertThat(fitted.getTracksList()).hasSameSizeAs(largest.getTracksList()).allSatisfy(track -> {
      assertThat(track.getPointsCount()).isBetween(2, TimelineRequests.MAX_TRACK_POINTS - 1);
      assertThat(track.getTotalPoints()).isEqualTo(TimelineRequests.MAX_TRACK_POINTS);
      assertThat(track.getPoints(track.getPointsCount() - 1).getTime())
          .isEqualTo(Times.timestamp(T0.plusSeconds(TimelineRequests.MAX_TRACK_POINTS - 1)));
    });
    assertThat(fitted.toBuilder().clearEntries().build().getSerializedSize()).as("the tracks' quarter")
        .isBetween(AnswerBudget.DEFAULT_MAX_BYTES / 5, AnswerBudget.DEFAULT_MAX_BYTES / 4);
  }

  @Test
  void anAnswerThatFitsIsLeftAlone() {
    Timeline small = Timeline.newBuilder().addEntries(passage(1)).addTracks(track("苏E1", 10)).build();

    assertThat(AnswerBudget.fit(small, AnswerBudget.DEFAULT_MAX_BYTES)).isSameAs(small);
  }

  @Test
  void overGrpcTheServerAnswersWhatFitsAndSaysTruncated() throws InterruptedException {
    int budget = 10_000;
    try (TimelineTestServer server = new TimelineTestServer(TestDatabase.h2(dir), Optional.empty(), budget)) {
      for (int i = 0; i < 300; i++) {
        server.event(T0.plusSeconds(i), "sensor.fault", List.of(new SubjectKey("sensor", "S-" + i)));
      }

      Timeline t = server.timelineStub().getTimeline(TimelineRequest.newBuilder().setFrom(Times.timestamp(T0))
          .setTo(Times.timestamp(T0.plusSeconds(3_600))).build());

      assertThat(t.getSerializedSize()).isLessThanOrEqualTo(budget);
      assertThat(t.getTruncated()).isTrue();
      assertThat(t.getEntriesCount()).isBetween(10, 299);
      assertThat(t.getEntriesList()).extracting(e -> e.getEvent().getSubjects(0).getId())
          .startsWith("S-0", "S-1", "S-2");
    }
  }
}
