package io.cordon.client.track;

import static io.cordon.client.track.FakeTripServer.ts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.TrackEvent;
import io.cordon.api.v1.Trajectory;
import io.cordon.api.v1.TrajectoryPoint;
import io.cordon.client.alarm.TestClock;
import io.cordon.client.gate.ManualScheduler;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Trajectory replay against a TripService on a loopback port, with the clock and the timer driven by hand. */
class TrajectoryReplayViewModelTest {
  private static final String PLATE = "苏E12345";
  private static final Instant NOW = Instant.parse("2024-05-01T03:00:00Z");
  /** Fixes every 10 s for a minute, 0.001° east per fix, 36 km/h on a road limited to 40. */
  private static final Instant T0 = NOW.minus(Duration.ofMinutes(30));

  private final FakeTripServer server = new FakeTripServer();
  private final UiQueue ui = new UiQueue();
  private final ManualScheduler timer = new ManualScheduler();
  private final TestClock clock = new TestClock(NOW);
  private final TrajectoryReplayViewModel replay = new TrajectoryReplayViewModel(server.client, ui, timer, clock);

  @AfterEach
  void stop() throws InterruptedException {
    replay.close();
    server.close();
  }

  private static Trajectory minuteOfDriving() {
    Trajectory.Builder t = Trajectory.newBuilder().setPlate(PLATE).setStoredPoints(7).setDistanceKm(0.56)
        .setMaxSpeedKmh(58);
    for (int i = 0; i <= 6; i++) {
      t.addPoints(TrajectoryPoint.newBuilder()
          .setPosition(LonLat.newBuilder().setLon(118.700 + i * 0.001).setLat(32.2))
          .setSpeedKmh(i == 3 ? 58 : 36).setHeadingDeg(90).setSpeedLimitKmh(40)
          .setTime(ts(T0.plusSeconds(10L * i))));
    }
    t.addEvents(TrackEvent.newBuilder().setTime(ts(T0.plusSeconds(30))).setKind("violation.started")
        .setRule("OVERSPEED").setText("超速 58 km/h（限速 40）")
        .setPosition(LonLat.newBuilder().setLon(118.703).setLat(32.2)));
    t.addEvents(TrackEvent.newBuilder().setTime(ts(T0.plusSeconds(40))).setKind("violation.ended")
        .setRule("OVERSPEED").setText("超速结束"));
    return t.build();
  }

  private void loadMinute() {
    server.trajectories.put(PLATE, minuteOfDriving());
    replay.plateProperty().set(PLATE);
    replay.fromProperty().set(T0.minusSeconds(60));
    replay.toProperty().set(T0.plusSeconds(120));
    replay.loadCommand().execute();
    ui.runNext();
  }

  /** One second of real time passes and the timer fires. */
  private void oneSecondPasses() {
    clock.advance(Duration.ofSeconds(1));
    timer.runPending();
    ui.runPending();
  }

  @Test
  void theRangeIsTheLastHourUntilChanged() {
    assertThat(replay.toProperty().get()).isEqualTo(NOW);
    assertThat(replay.fromProperty().get()).isEqualTo(NOW.minus(Duration.ofHours(1)));
  }

  @Test
  void aRangeWhoseEndIsNotAfterItsStartCannotBeLoaded() {
    replay.plateProperty().set(PLATE);
    replay.toProperty().set(replay.fromProperty().get());

    assertThat(replay.validationProperty().get()).isEqualTo(TrajectoryReplayViewModel.ERROR_ORDER);
    assertThat(replay.loadCommand().isExecutable()).isFalse();
  }

  @Test
  void aRangeLongerThanADayCannotBeLoaded() {
    replay.plateProperty().set(PLATE);
    replay.fromProperty().set(NOW.minus(Duration.ofHours(24)).minusSeconds(1));

    assertThat(replay.validationProperty().get()).isEqualTo(TrajectoryReplayViewModel.ERROR_TOO_LONG);
    replay.loadCommand().execute();
    assertThat(server.trajectoryRequests).isEmpty();
  }

  @Test
  void aDayExactlyCanBeLoaded() {
    replay.plateProperty().set(PLATE);
    replay.fromProperty().set(NOW.minus(Duration.ofHours(24)));

    assertThat(replay.validationProperty().get()).isEmpty();
    assertThat(replay.loadCommand().isExecutable()).isTrue();
  }

  @Test
  void withoutAPlateNothingCanBeLoaded() {
    assertThat(replay.validationProperty().get()).isEqualTo(TrajectoryReplayViewModel.ERROR_PLATE);
  }

  @Test
  void loadingAsksForThePlateAndRangeAndPutsTheCursorAtTheFirstFix() {
    loadMinute();

    assertThat(server.trajectoryRequests).singleElement().satisfies(r -> {
      assertThat(r.getPlate()).isEqualTo(PLATE);
      assertThat(TripClient.instant(r.getFrom())).isEqualTo(T0.minusSeconds(60));
      assertThat(TripClient.instant(r.getTo())).isEqualTo(T0.plusSeconds(120));
    });
    assertThat(replay.trackProperty().get().size()).isEqualTo(7);
    assertThat(replay.events()).extracting(ReplayEvent::kind).containsExactly("violation.started", "violation.ended");
    assertThat(replay.cursorProperty().get()).isEqualTo(T0);
    assertThat(replay.atCursorProperty().get().lon()).isEqualTo(118.700);
    assertThat(replay.distanceKmProperty().get()).isEqualTo(0.56);
  }

  @Test
  void playingMovesTheCursorByTheElapsedTimeTimesTheSpeed() {
    loadMinute();
    replay.speedProperty().set(4);

    replay.playCommand().execute();
    oneSecondPasses();

    assertThat(replay.playingProperty().get()).isTrue();
    assertThat(replay.cursorProperty().get()).isEqualTo(T0.plusSeconds(4));
  }

  @Test
  void theCursorGivesThePositionAndSpeedBetweenTwoFixes() {
    loadMinute();

    replay.seek(T0.plusSeconds(25)); // halfway between 36 km/h at 20 s and 58 km/h at 30 s

    ReplayPoint at = replay.atCursorProperty().get();
    assertThat(at.lon()).isCloseTo(118.7025, within(1e-9));
    assertThat(at.speedKmh()).isCloseTo(47, within(1e-9));
    assertThat(at.speedLimitKmh()).isEqualTo(40);
  }

  @Test
  void pausingStopsTheCursor() {
    loadMinute();
    replay.playCommand().execute();
    oneSecondPasses();

    replay.playCommand().execute();
    oneSecondPasses();

    assertThat(replay.playingProperty().get()).isFalse();
    assertThat(replay.cursorProperty().get()).isEqualTo(T0.plusSeconds(1));
  }

  @Test
  void playingStopsAtTheLastFix() {
    loadMinute();
    replay.speedProperty().set(16);
    replay.playCommand().execute();

    for (int i = 0; i < 5; i++) {
      oneSecondPasses();
    }

    assertThat(replay.playingProperty().get()).isFalse();
    assertThat(replay.cursorProperty().get()).isEqualTo(T0.plusSeconds(60));
  }

  @Test
  void onlyTheOfferedSpeedsAreTaken() {
    replay.speedProperty().set(8);
    replay.speedProperty().set(3);

    assertThat(replay.speedProperty().get()).isEqualTo(8);
  }

  @Test
  void jumpingToAnEventPausesThereAndMarksItAsTheCurrentEvent() {
    loadMinute();
    replay.playCommand().execute();

    replay.jumpTo(replay.events().get(0));

    assertThat(replay.playingProperty().get()).isFalse();
    assertThat(replay.cursorProperty().get()).isEqualTo(T0.plusSeconds(30));
    assertThat(replay.atCursorProperty().get().speedKmh()).isEqualTo(58);
    assertThat(replay.eventAtCursorProperty().get()).isZero();
  }

  @Test
  void steppingMovesFromFixToFix() {
    loadMinute();
    replay.seek(T0.plusSeconds(25));

    replay.stepForward();
    assertThat(replay.cursorProperty().get()).isEqualTo(T0.plusSeconds(30));
    replay.stepBack();
    replay.stepBack();
    assertThat(replay.cursorProperty().get()).isEqualTo(T0.plusSeconds(10));
  }

  @Test
  void aRangeTheServerRefusesSaysTheInputIsInvalid() {
    com.google.rpc.Status status = com.google.rpc.Status.newBuilder().setCode(Code.INVALID_ARGUMENT_VALUE)
        .setMessage("to must be after from")
        .addDetails(Any.pack(BadRequest.newBuilder().addFieldViolations(
            BadRequest.FieldViolation.newBuilder().setField("to").setDescription("not after from")).build()))
        .build();
    server.failures.put(PLATE, StatusProto.toStatusRuntimeException(status));
    replay.plateProperty().set(PLATE);

    replay.loadCommand().execute();
    ui.runNext();

    assertThat(replay.errorKeyProperty().get()).isEqualTo(TrackErrors.INVALID);
    assertThat(replay.trackProperty().get().isEmpty()).isTrue();
  }

  @Test
  void aRangeWithoutFixesSaysSo() {
    replay.plateProperty().set(PLATE);

    replay.loadCommand().execute();
    ui.runNext();

    assertThat(replay.errorKeyProperty().get()).isEqualTo(TrajectoryReplayViewModel.ERROR_EMPTY);
    assertThat(replay.playCommand().isExecutable()).isFalse();
  }
}
