package io.cordon.video.playback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Several players on one clock: the master position runs from the last seek at the chosen speed, and every
 * {@link #TICK} each player is compared with it. A player behind by more than {@link #DRIFT} plays faster until
 * it is within {@link #IN_STEP}; one ahead waits; one off by more than {@link #RESEEK} (a stall, a gap in its
 * recording) is sought again. The three are of viewing time: at ×8 they span eight times as much recording, because
 * libVLC reports a player's time only every 250 ms (2 s of recording at ×8) — finer corrections chased that noise,
 * holding and racing the players in turn, and a re-sought player arrived further behind than RESEEK every time (the
 * clock ran on while it opened). Small drifts are not sought away because a seek lands on a key frame, up to a GOP
 * early — it would not get closer. After a seek the clock waits (at most {@link #READY_WITHIN}) until every player
 * shows a picture. This is the one place an external cursor drives the video: {@link #seekAll(Instant)}
 * and {@link #positionProperty()} (the incident timeline's cursor). FX thread only; no scene graph.
 */
public final class PlaybackGroup implements AutoCloseable {
  static final Duration TICK = Duration.ofMillis(200);
  static final Duration DRIFT = Duration.ofMillis(500);
  static final Duration IN_STEP = Duration.ofMillis(100);
  static final Duration RESEEK = Duration.ofSeconds(4);
  static final Duration READY_WITHIN = Duration.ofSeconds(5);
  /** How much faster a late player runs while catching up. */
  static final double CATCH_UP = 2.0;
  /** The speeds an operator can choose. */
  public static final List<Double> RATES = List.of(1.0, 2.0, 4.0, 8.0);

  private final Clock clock;
  private final LongSupplier nanos;
  private final List<SyncedPlayer> players = new ArrayList<>();
  private final List<Boolean> correcting = new ArrayList<>();
  private final ReadOnlyObjectWrapper<Instant> position = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyDoubleWrapper rate = new ReadOnlyDoubleWrapper(1);
  private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper();
  private final Timeline ticker;
  /** Master clock: at {@code anchorNanos} it read {@code anchor}; it runs at {@code rate} unless held. */
  private Instant anchor;
  private long anchorNanos;
  private boolean waitingForPictures;
  private long seekNanos;

  public PlaybackGroup() {
    this(Clock.systemUTC(), System::nanoTime, true);
  }

  /**
   * @param nanos a monotonic clock in nanoseconds (the master clock runs on it)
   * @param tick false in tests that call {@link #tick()} themselves
   */
  PlaybackGroup(Clock clock, LongSupplier nanos, boolean tick) {
    this.clock = clock;
    this.nanos = nanos;
    this.ticker = new Timeline(new KeyFrame(javafx.util.Duration.millis(TICK.toMillis()), e -> tick()));
    ticker.setCycleCount(Animation.INDEFINITE);
    if (tick) {
      ticker.play();
    }
  }

  /** Adds a player; it joins at the group's position (or live, if the group is live). */
  public void add(SyncedPlayer player) {
    players.add(player);
    correcting.add(false);
    player.setRate(rate.get());
    player.setPaused(paused.get());
    if (live.get()) {
      player.goLive();
    } else if (anchor != null) {
      player.seek(masterNow());
    }
  }

  public void remove(SyncedPlayer player) {
    int i = players.indexOf(player);
    if (i >= 0) {
      players.remove(i);
      correcting.remove(i);
    }
  }

  public List<SyncedPlayer> players() {
    return Collections.unmodifiableList(players);
  }

  /** The shared position (wall-clock time of what the players show); null before the first seek. */
  public ReadOnlyObjectProperty<Instant> positionProperty() {
    return position.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty rateProperty() {
    return rate.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty pausedProperty() {
    return paused.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty liveProperty() {
    return live.getReadOnlyProperty();
  }

  /** Every player to {@code at}; the clock starts there once they all show a picture. */
  public void seekAll(Instant at) {
    live.set(false);
    anchor = at;
    anchorNanos = nanos.getAsLong();
    seekNanos = anchorNanos;
    waitingForPictures = true;
    position.set(at);
    for (int i = 0; i < players.size(); i++) {
      correcting.set(i, false);
      players.get(i).setCorrection(1);
      players.get(i).seek(at);
    }
  }

  /** Speed for all (1, 2, 4, 8 are offered); the position so far is kept. */
  public void setRate(double newRate) {
    reanchor();
    rate.set(newRate);
    players.forEach(p -> p.setRate(newRate));
  }

  public void setPaused(boolean pause) {
    reanchor();
    paused.set(pause);
    players.forEach(p -> p.setPaused(pause));
  }

  public void togglePaused() {
    setPaused(!paused.get());
  }

  /** One frame forward on every player (pauses first); the clock follows the first player. */
  public void stepAll() {
    if (!paused.get()) {
      setPaused(true);
    }
    players.forEach(SyncedPlayer::stepFrame);
  }

  /** Every player back to its live stream; a later seek returns to the recording. */
  public void goLive() {
    live.set(true);
    paused.set(false);
    anchor = null;
    players.forEach(SyncedPlayer::goLive);
    position.set(clock.instant());
  }

  /** Compares each player with the master clock and corrects it; run every {@link #TICK}. */
  void tick() {
    if (live.get()) {
      position.set(clock.instant());
      return;
    }
    if (anchor == null) {
      return;
    }
    if (waitingForPictures) {
      boolean allReady = players.stream().allMatch(p -> p.position().isPresent() || settled(p.mode()));
      if (!allReady && nanos.getAsLong() - seekNanos < READY_WITHIN.toNanos()) {
        for (SyncedPlayer p : players) {
          Optional<Instant> at = p.position();
          // ready ones wait for the rest at the asked instant
          p.setCorrection(at.isPresent() && !at.get().isBefore(anchor) ? 0 : 1);
        }
        anchorNanos = nanos.getAsLong();
        return;
      }
      waitingForPictures = false;
      anchorNanos = nanos.getAsLong();
      // the clock starts: the ones that waited play on (a wait of less than DRIFT would otherwise never end)
      players.forEach(p -> p.setCorrection(1));
    }
    if (paused.get()) {
      // stepping moves the players: the clock follows the first one that shows a picture
      players.stream().map(SyncedPlayer::position).flatMap(Optional::stream).findFirst().ifPresent(at -> {
        anchor = at;
        anchorNanos = nanos.getAsLong();
      });
      position.set(anchor);
      return;
    }
    Instant master = masterNow();
    position.set(master);
    long speed = Math.max(1, Math.round(rate.get()));
    Duration reseek = RESEEK.multipliedBy(speed);
    Duration tolerated = DRIFT.multipliedBy(speed);
    Duration inStep = IN_STEP.multipliedBy(speed);
    for (int i = 0; i < players.size(); i++) {
      SyncedPlayer p = players.get(i);
      Optional<Instant> at = p.position();
      if (at.isEmpty() || (p.mode() != PlaybackMode.PLAYING)) {
        continue;
      }
      Duration drift = Duration.between(master, at.get());
      Duration size = drift.abs();
      if (size.compareTo(reseek) > 0) {
        correcting.set(i, false);
        p.setCorrection(1);
        p.seek(master);
      } else if (size.compareTo(tolerated) > 0 || (correcting.get(i) && size.compareTo(inStep) > 0)) {
        correcting.set(i, true);
        p.setCorrection(drift.isNegative() ? CATCH_UP : 0);
      } else if (correcting.get(i)) {
        correcting.set(i, false);
        p.setCorrection(1);
      }
    }
  }

  private static boolean settled(PlaybackMode mode) {
    return mode == PlaybackMode.FAILED || mode == PlaybackMode.ENDED || mode == PlaybackMode.LIVE;
  }

  private Instant masterNow() {
    if (anchor == null) {
      return clock.instant();
    }
    if (paused.get() || waitingForPictures) {
      return anchor;
    }
    long elapsed = nanos.getAsLong() - anchorNanos;
    return anchor.plusNanos((long) (elapsed * rate.get()));
  }

  private void reanchor() {
    if (anchor != null && !waitingForPictures) {
      anchor = masterNow();
      anchorNanos = nanos.getAsLong();
    }
  }

  /** Stops the clock; the players belong to their owner (the view closes them). */
  @Override
  public void close() {
    ticker.stop();
  }
}
