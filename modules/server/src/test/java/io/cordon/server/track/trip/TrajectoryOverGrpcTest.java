package io.cordon.server.track.trip;

import static io.cordon.server.track.trip.TripCalls.OTHER_TRUCK;
import static io.cordon.server.track.trip.TripCalls.TERMINAL;
import static io.cordon.server.track.trip.TripCalls.TRUCK;
import static io.cordon.server.track.trip.TripCalls.issue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cordon.api.v1.TrackEvent;
import io.cordon.api.v1.Trajectory;
import io.cordon.api.v1.TrajectoryPoint;
import io.cordon.api.v1.TrajectoryRequest;
import io.cordon.server.event.Location;
import io.cordon.server.event.NewEvent;
import io.cordon.server.event.SubjectKey;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 轨迹回放 over gRPC: stored fixes in a range, thinned, with road limits and the events along them. */
class TrajectoryOverGrpcTest {

  private static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");
  /** On road R-02 (hazmat, 30 km/h), heading east about 9.4 m per fix. */
  private static final double LAT_R02 = 31.947135;
  private static final double LON_START = 120.935;
  private static final double STEP = 0.0001;

  @TempDir
  Path dir;
  private TripServer server;
  private TripSeed seed;

  @BeforeEach
  void start() {
    server = new TripServer(dir);
    seed = new TripSeed(server.database);
    for (int i = 0; i < 100; i++) {
      seed.fix(TRUCK, LON_START + i * STEP, LAT_R02, i % 50, T0.plusSeconds(10L * i));
    }
    seed.fix(TRUCK, LON_START, LAT_R02, 99, T0.minusSeconds(1)); // before the range
    seed.fix(TRUCK, LON_START, LAT_R02, 99, T0.plusSeconds(1_000)); // the range's end is exclusive
    seed.fix(OTHER_TRUCK, LON_START, LAT_R02, 99, T0.plusSeconds(5));
  }

  @AfterEach
  void stop() throws InterruptedException {
    server.close();
  }

  @Test
  void everyStoredFixInTheRangeComesOldestFirst() {
    Trajectory t = server.stub().getTrajectory(range(T0, T0.plusSeconds(1_000), 0));

    assertThat(t.getStoredPoints()).isEqualTo(100);
    assertThat(t.getThinned()).isFalse();
    assertThat(t.getPointsList()).hasSize(100);
    assertThat(t.getPointsList()).extracting(p -> p.getTime().getSeconds())
        .isSortedAccordingTo(Long::compare)
        .startsWith(T0.getEpochSecond())
        .endsWith(T0.plusSeconds(990).getEpochSecond());
    assertThat(t.getMaxSpeedKmh()).isEqualTo(49);
  }

  @Test
  void thinningKeepsTheFirstAndLastFixesEvenlySpaced() {
    Trajectory t = server.stub().getTrajectory(range(T0, T0.plusSeconds(1_000), 10));

    assertThat(t.getThinned()).isTrue();
    assertThat(t.getStoredPoints()).isEqualTo(100);
    assertThat(t.getPointsList()).extracting(p -> p.getTime().getSeconds() - T0.getEpochSecond())
        .containsExactly(0L, 110L, 220L, 330L, 440L, 550L, 660L, 770L, 880L, 990L);
  }

  @Test
  void distanceIsMeasuredAlongEveryStoredFixNotTheThinnedOnes() {
    Trajectory all = server.stub().getTrajectory(range(T0, T0.plusSeconds(1_000), 0));
    Trajectory thinned = server.stub().getTrajectory(range(T0, T0.plusSeconds(1_000), 2));

    double expectedKm = Trajectories.distanceKm(LON_START, LAT_R02, LON_START + 99 * STEP, LAT_R02);
    assertThat(all.getDistanceKm()).isCloseTo(expectedKm, within(0.001));
    assertThat(thinned.getDistanceKm()).isEqualTo(all.getDistanceKm());
    assertThat(expectedKm).isBetween(0.9, 1.0);
  }

  @Test
  void eachPointCarriesTheLimitOfTheRoadUnderIt() {
    seed.fix(TRUCK, 120.94, 31.9425, 20, T0.plusSeconds(995)); // ~400 m from any road

    List<TrajectoryPoint> points = server.stub().getTrajectory(range(T0, T0.plusSeconds(1_000), 0)).getPointsList();

    assertThat(points.get(0).getSpeedLimitKmh()).isEqualTo(30);
    assertThat(points.get(points.size() - 1).getSpeedLimitKmh()).isZero();
  }

  @Test
  void eventsOfTheVehicleInTheRangeComeWithChineseTexts() {
    event(T0.plusSeconds(5), "gate.access", List.of(new SubjectKey("gate", "G2"), new SubjectKey("vehicle", TRUCK)),
        Map.of("direction", "ENTRY", "passed", "true", "lane", "L1", "rule", "PERMIT"));
    event(T0.plusSeconds(100), "track.violation_started", List.of(new SubjectKey("vehicle", TRUCK)),
        Map.of("rule", "OVERSPEED", "speed_kmh", "58.2", "limit_kmh", "40", "alarm_id", "AL-7"));
    event(T0.plusSeconds(130), "track.violation_ended", List.of(new SubjectKey("vehicle", TRUCK)),
        Map.of("rule", "OVERSPEED", "alarm_id", "AL-7"));
    event(T0.minusSeconds(10), "track.violation_started", List.of(new SubjectKey("vehicle", TRUCK)),
        Map.of("rule", "LINGERING"));
    event(T0.plusSeconds(50), "track.violation_started", List.of(new SubjectKey("vehicle", OTHER_TRUCK)),
        Map.of("rule", "LINGERING"));

    List<TrackEvent> events = server.stub().getTrajectory(range(T0, T0.plusSeconds(1_000), 2)).getEventsList();

    assertThat(events).extracting(TrackEvent::getKind)
        .containsExactly("gate.entry", "violation.started", "violation.ended");
    assertThat(events).extracting(TrackEvent::getText)
        .containsExactly("入园 G2/L1", "超速 58 km/h（限速 40）", "超速结束");
    assertThat(events.get(1).getRule()).isEqualTo("OVERSPEED");
    assertThat(events.get(1).getAlarmId()).isEqualTo("AL-7");
    assertThat(events.get(1).getPosition().getLon()).isEqualTo(LON_START);
  }

  @Test
  void issuingATerminalShowsOnTheTrack() {
    Instant now = Instant.now();
    seed.enterprise(TripSeed.HOST, TripSeed.HOST_NAME).permit(TripSeed.hazmatPermit("A-000001", TRUCK,
        now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(8))));
    server.stub().issueTerminal(issue("r1", TERMINAL, TRUCK, "A-000001", "G2"));

    List<TrackEvent> events = server.stub().getTrajectory(range(now.minus(Duration.ofHours(1)),
        now.plus(Duration.ofHours(1)), 0)).getEventsList();

    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.getKind()).isEqualTo("terminal.issued");
      assertThat(e.getText()).isEqualTo("发放定位终端 " + TERMINAL + " @ G2");
      assertThat(e.hasPosition()).isTrue();
    });
  }

  @Test
  void aRangeWithoutFixesIsEmpty() {
    Trajectory t = server.stub().getTrajectory(range(T0.minus(Duration.ofDays(1)), T0.minus(Duration.ofHours(1)), 0));

    assertThat(t.getPointsList()).isEmpty();
    assertThat(t.getStoredPoints()).isZero();
    assertThat(t.getDistanceKm()).isZero();
  }

  private void event(Instant at, String type, List<SubjectKey> subjects, Map<String, String> attributes) {
    server.journal.append(new NewEvent(at, type, subjects, Optional.of(new Location(LON_START, LAT_R02)), type,
        attributes));
  }

  private static TrajectoryRequest range(Instant from, Instant to, int maxPoints) {
    return TrajectoryRequest.newBuilder().setPlate(TRUCK).setFrom(TripSeed.ts(from)).setTo(TripSeed.ts(to))
        .setMaxPoints(maxPoints).build();
  }
}
