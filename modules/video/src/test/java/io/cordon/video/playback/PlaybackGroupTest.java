package io.cordon.video.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The shared clock's corrections, with players that do exactly what they are told (no video). */
class PlaybackGroupTest {
  private static final Instant T = Instant.parse("2026-11-26T06:00:00Z");
  private final AtomicLong nanos = new AtomicLong();
  private final PlaybackGroup group = new PlaybackGroup(Clock.fixed(T, ZoneOffset.UTC), nanos::get, false);

  /** A player whose position the test sets. */
  static final class Scripted implements SyncedPlayer {
    Instant at;
    PlaybackMode mode = PlaybackMode.OPENING;
    double correction = 1;
    double rate = 1;
    boolean paused;
    final List<Instant> seeks = new ArrayList<>();
    int steps;
    boolean live;

    @Override
    public Optional<Instant> position() {
      return Optional.ofNullable(at);
    }

    @Override
    public PlaybackMode mode() {
      return mode;
    }

    @Override
    public void seek(Instant to) {
      seeks.add(to);
      at = null;
      mode = PlaybackMode.OPENING;
    }

    @Override
    public void setRate(double r) {
      rate = r;
    }

    @Override
    public void setPaused(boolean p) {
      paused = p;
    }

    @Override
    public void setCorrection(double factor) {
      correction = factor;
    }

    @Override
    public void stepFrame() {
      steps++;
    }

    @Override
    public void goLive() {
      live = true;
    }

    void shows(Instant position) {
      at = position;
      mode = PlaybackMode.PLAYING;
    }
  }

  private void elapse(Duration d) {
    nanos.addAndGet(d.toNanos());
    group.tick();
  }

  private Scripted[] twoPlayersSoughtTo(Instant at) {
    Scripted a = new Scripted();
    Scripted b = new Scripted();
    group.add(a);
    group.add(b);
    group.seekAll(at);
    return new Scripted[] {a, b};
  }

  @Test
  void aSeekGoesToEveryPlayer() {
    Scripted[] p = twoPlayersSoughtTo(T);

    assertThat(p[0].seeks).containsExactly(T);
    assertThat(p[1].seeks).containsExactly(T);
    assertThat(group.positionProperty().get()).isEqualTo(T);
  }

  @Test
  void theClockWaitsAtTheAskedInstantUntilEveryPlayerShowsAPicture() {
    Scripted[] p = twoPlayersSoughtTo(T);
    p[0].shows(T);

    elapse(Duration.ofSeconds(1));

    assertThat(group.positionProperty().get()).isEqualTo(T);
    assertThat(p[0].correction).as("the ready one waits").isZero();
  }

  @Test
  void whenTheLastPlayerShowsAPictureTheOnesThatWaitedPlayOn() {
    Scripted[] p = twoPlayersSoughtTo(T);
    p[0].shows(T);
    elapse(Duration.ofMillis(200)); // the first one waits
    p[1].shows(T.minusMillis(300)); // its key frame was earlier: within the drift, no correction needed

    elapse(Duration.ofMillis(200));

    assertThat(p[0].correction).as("the clock runs: the waiting one plays on").isEqualTo(1);
    assertThat(p[1].correction).isEqualTo(1);
  }

  @Test
  void thePlayerThatStartedAtAnEarlierKeyFrameCatchesUpAndThenPlaysInStep() {
    Scripted[] p = twoPlayersSoughtTo(T);
    p[0].shows(T);
    p[1].shows(T.minusMillis(900)); // its key frame was 0.9 s before
    elapse(Duration.ofMillis(200)); // both ready: the clock starts

    elapse(Duration.ofMillis(200));
    assertThat(p[1].correction).isEqualTo(PlaybackGroup.CATCH_UP);
    assertThat(p[0].correction).isEqualTo(1);

    p[1].shows(group.positionProperty().get().plusMillis(200)); // where the clock is at the next tick
    elapse(Duration.ofMillis(200));
    assertThat(p[1].correction).isEqualTo(1);
  }

  @Test
  void aPlayerAheadOfTheClockWaitsForIt() {
    Scripted[] p = twoPlayersSoughtTo(T);
    p[0].shows(T);
    p[1].shows(T);
    elapse(Duration.ofMillis(200));

    p[1].shows(T.plusSeconds(2));
    elapse(Duration.ofMillis(200));

    assertThat(p[1].correction).isZero();
  }

  @Test
  void aPlayerFarOffTheClockIsSoughtAgainToIt() {
    Scripted[] p = twoPlayersSoughtTo(T);
    p[0].shows(T);
    p[1].shows(T);
    elapse(Duration.ofMillis(200));

    p[1].shows(T.minusSeconds(20)); // stalled
    elapse(Duration.ofMillis(200));

    assertThat(p[1].seeks).hasSize(2);
    assertThat(p[1].seeks.get(1)).isEqualTo(group.positionProperty().get());
  }

  @Test
  void atEightTimesThePlayerSoughtAgainCatchesUpInsteadOfBeingSoughtOnceMore() {
    Scripted[] p = twoPlayersSoughtTo(T);
    p[0].shows(T);
    p[1].shows(T);
    elapse(Duration.ZERO);
    group.setRate(8);

    // opening took ¾ s: the clock ran 6 s of recording meanwhile
    p[1].shows(group.positionProperty().get());
    elapse(Duration.ofMillis(750));

    assertThat(p[1].seeks).hasSize(1);
    assertThat(p[1].correction).isEqualTo(PlaybackGroup.CATCH_UP);
  }

  @Test
  void atEightTimesADriftWithinTheNoiseOfLibVlcsTimeReportsIsLeftAlone() {
    Scripted[] p = twoPlayersSoughtTo(T);
    p[0].shows(T);
    p[1].shows(T);
    elapse(Duration.ZERO);
    group.setRate(8);
    elapse(Duration.ofMillis(200));

    // where the clock will be at the next tick (200 ms at ×8), and 2 s of recording (one report of libVLC's) more
    p[1].shows(group.positionProperty().get().plusMillis(1600).plusSeconds(2));
    elapse(Duration.ofMillis(200));

    assertThat(p[1].correction).isEqualTo(1);
    p[1].shows(group.positionProperty().get().plusMillis(1600).plusSeconds(5)); // really ahead
    elapse(Duration.ofMillis(200));
    assertThat(p[1].correction).isZero();
  }

  @Test
  void theClockRunsAtTheChosenSpeed() {
    Scripted[] p = twoPlayersSoughtTo(T);
    p[0].shows(T);
    p[1].shows(T);
    elapse(Duration.ZERO);

    group.setRate(4);
    elapse(Duration.ofSeconds(1));

    assertThat(group.positionProperty().get()).isEqualTo(T.plusSeconds(4));
    assertThat(p[0].rate).isEqualTo(4);
    assertThat(p[1].rate).isEqualTo(4);
  }

  @Test
  void pausedTheClockStandsAndAStepMovesEveryPlayer() {
    Scripted[] p = twoPlayersSoughtTo(T);
    p[0].shows(T);
    p[1].shows(T);
    elapse(Duration.ZERO);

    group.stepAll();
    p[0].shows(T.plusMillis(40));
    elapse(Duration.ofSeconds(1));

    assertThat(group.pausedProperty().get()).isTrue();
    assertThat(p[0].paused).isTrue();
    assertThat(p[0].steps).isEqualTo(1);
    assertThat(p[1].steps).isEqualTo(1);
    assertThat(group.positionProperty().get()).isEqualTo(T.plusMillis(40));
  }

  @Test
  void backToLiveTakesEveryPlayerLive() {
    Scripted[] p = twoPlayersSoughtTo(T);

    group.goLive();

    assertThat(p[0].live).isTrue();
    assertThat(p[1].live).isTrue();
    assertThat(group.liveProperty().get()).isTrue();
  }
}
