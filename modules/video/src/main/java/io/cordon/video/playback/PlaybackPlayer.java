package io.cordon.video.playback;

import io.cordon.video.camera.StreamProfile;
import io.cordon.video.camera.StreamUrls;
import io.cordon.video.camera.WallCamera;
import io.cordon.video.stream.StreamChoice;
import io.cordon.video.vlc.FrameSurface;
import io.cordon.video.vlc.TilePlayer;
import io.cordon.video.vlc.VlcRuntime;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays one camera's recording at any time through the relay, on the wall's vlcj path ({@link TilePlayer} into a
 * {@link FrameSurface}). A seek asks for a playback URL, asks the relay (HEAD) at which key frame it starts
 * ({@link RecordingStarts}), and plays it; the position is that start plus libVLC's media time, so it is true
 * wall time within one GOP of the asked instant. Speed, pause, frame step and back to live act on the same native
 * player. When the recording runs out (the relay sent all there was), the player asks again from where it is, so
 * playback runs on into what was recorded meanwhile; when nothing new came it ends. FX thread only.
 */
public final class PlaybackPlayer implements SyncedPlayer, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PlaybackPlayer.class);
  /** A continuation must start later than this after the previous start, else the recording has really ended. */
  private static final Duration PROGRESS = Duration.ofMillis(500);
  /**
   * Between two time reports of libVLC (it sends one every 250 ms while playing) the position is carried on for at
   * most this long; a longer silence is a stall. A whole second was 8 s of recording at ×8: the group saw a
   * buffering player seconds ahead, held it, then saw it behind.
   */
  private static final long MAX_INTERPOLATION_NANOS = 400_000_000L;

  private final VlcRuntime vlc;
  private final WallCamera camera;
  private final PlaybackUrls recordings;
  private final StreamUrls live;
  private final Clock clock;
  private final FrameSurface surface;
  private final TilePlayer player;
  private final int targetWidth;
  private final int targetHeight;
  private final ReadOnlyObjectWrapper<PlaybackMode> mode = new ReadOnlyObjectWrapper<>(PlaybackMode.OPENING);
  private final ReadOnlyObjectWrapper<URI> playingUrl = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
  private Consumer<FrameSurface> onFrame = s -> { };
  private long generation;
  private boolean firstFrameSeen;
  private Instant target;
  private Instant start;
  private double rate = 1;
  private double correction = 1;
  private boolean paused;
  private Double appliedRate;
  private Boolean appliedPaused;
  private boolean closed;
  private Instant endedAt;

  /**
   * @param targetWidth the most pixels VLC should deliver (the tile's size); VLC scales down to it
   */
  public PlaybackPlayer(VlcRuntime vlc, WallCamera camera, PlaybackUrls recordings, StreamUrls live,
      int targetWidth, int targetHeight) {
    this(vlc, camera, recordings, live, targetWidth, targetHeight, Clock.systemUTC());
  }

  public PlaybackPlayer(VlcRuntime vlc, WallCamera camera, PlaybackUrls recordings, StreamUrls live,
      int targetWidth, int targetHeight, Clock clock) {
    this.vlc = Objects.requireNonNull(vlc, "vlc");
    this.camera = Objects.requireNonNull(camera, "camera");
    this.recordings = Objects.requireNonNull(recordings, "recordings");
    this.live = Objects.requireNonNull(live, "live");
    this.clock = clock;
    this.targetWidth = targetWidth;
    this.targetHeight = targetHeight;
    StreamProfile largest = camera.largestStream();
    this.surface = new FrameSurface(targetWidth, targetHeight, largest.width(), largest.height(), this::frameShown);
    this.player = vlc.available() ? vlc.newPlayer(surface, (p, failure) -> Platform.runLater(() -> failed(p, failure)))
        : null;
    if (player == null) {
      fail("libVLC is not installed");
    }
  }

  public WallCamera camera() {
    return camera;
  }

  public FrameSurface surface() {
    return surface;
  }

  /** Called on the FX thread after each new picture (the tile shows it). */
  public void setOnFrame(Consumer<FrameSurface> listener) {
    this.onFrame = listener == null ? s -> { } : listener;
  }

  public ReadOnlyObjectProperty<PlaybackMode> modeProperty() {
    return mode.getReadOnlyProperty();
  }

  @Override
  public PlaybackMode mode() {
    return mode.get();
  }

  /** The URL libVLC plays now (a playback or a live URL); null before the first one. */
  public ReadOnlyObjectProperty<URI> playingUrlProperty() {
    return playingUrl.getReadOnlyProperty();
  }

  /** Why the player failed or ended, in the relay's or the server's words; empty otherwise. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  /** Wall-clock time of the key frame the current recording started at (what the relay said); empty live. */
  public Optional<Instant> recordingStart() {
    return mode.get() == PlaybackMode.LIVE ? Optional.empty() : Optional.ofNullable(start);
  }

  /** The instant last asked for. */
  public Optional<Instant> target() {
    return Optional.ofNullable(target);
  }

  public double rate() {
    return rate;
  }

  public boolean paused() {
    return paused;
  }

  @Override
  public Optional<Instant> position() {
    PlaybackMode m = mode.get();
    if (m == PlaybackMode.LIVE) {
      return Optional.of(clock.instant());
    }
    if (m == PlaybackMode.ENDED) {
      return Optional.ofNullable(endedAt);
    }
    if ((m != PlaybackMode.PLAYING && m != PlaybackMode.PAUSED) || !firstFrameSeen
        || start == null) {
      return Optional.empty();
    }
    long t = player.timeMillis();
    // libVLC reports its time a few times a second: in between, the clock runs on at the speed it plays
    long sinceReport = System.nanoTime() - player.timeReportedNanos();
    boolean running = m == PlaybackMode.PLAYING && correction > 0 && appliedPaused != Boolean.TRUE;
    // at the speed libVLC reached between its last reports, if slower than asked (a loaded machine at ×8): carried
    // on at the asked speed, the position ran ahead and jumped back at every report, and the group chased that
    double asked = rate * correction;
    double speed = player.playedRate() > 0 ? Math.min(asked, player.playedRate()) : asked;
    long extra = running && t > 0 ? (long) (Math.min(sinceReport, MAX_INTERPOLATION_NANOS) / 1e6 * speed) : 0;
    return Optional.of(start.plusMillis(Math.max(0, t) + extra));
  }

  /** What the overlay shows: the position, or the asked instant while opening. */
  public Optional<Instant> shownTime() {
    return position().or(() -> Optional.ofNullable(target));
  }

  @Override
  public void seek(Instant at) {
    open(Objects.requireNonNull(at, "at"), null);
  }

  private void open(Instant at, Instant continuingAfter) {
    if (closed || player == null) {
      return;
    }
    long gen = ++generation;
    target = at;
    endedAt = continuingAfter == null ? null : at;
    firstFrameSeen = false;
    problem.set("");
    mode.set(PlaybackMode.OPENING);
    recordings.playbackUrl(camera.id(), at).toCompletableFuture()
        .thenCompose(url -> RecordingStarts.probe(url).thenApply(s -> new Opened(url, s)))
        .whenComplete((opened, error) -> Platform.runLater(() -> opened(gen, opened, error, continuingAfter)));
  }

  private record Opened(URI url, Instant start) {
  }

  private void opened(long gen, Opened opened, Throwable error, Instant continuingAfter) {
    if (closed || gen != generation) {
      return;
    }
    if (error != null) {
      Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
      if (continuingAfter != null) {
        end("");
      } else {
        fail(cause.getMessage() == null ? cause.toString() : cause.getMessage());
      }
      return;
    }
    if (continuingAfter != null && !opened.start().isAfter(continuingAfter.plus(PROGRESS))) {
      end("");
      return;
    }
    start = opened.start();
    playingUrl.set(opened.url());
    appliedRate = null;
    appliedPaused = null;
    player.playRecording(opened.url());
    mode.set(paused ? PlaybackMode.PAUSED : PlaybackMode.PLAYING);
    apply();
    LOG.debug("playback {} from {} (asked {})", camera.id().value(), start, target);
  }

  private void frameShown(FrameSurface s) {
    if (!firstFrameSeen && mode.get() != PlaybackMode.OPENING) {
      firstFrameSeen = true;
      // a player paused before its first picture pauses once it has one, so the operator sees where it is
      appliedPaused = null;
      apply();
    }
    onFrame.accept(s);
  }

  private void failed(TilePlayer p, TilePlayer.Failure failure) {
    if (closed || p != player) {
      return;
    }
    PlaybackMode m = mode.get();
    if (failure == TilePlayer.Failure.ENDED && (m == PlaybackMode.PLAYING || m == PlaybackMode.PAUSED)) {
      Instant reached = position().orElse(start);
      Instant previousStart = start;
      open(reached, previousStart);
    } else if (m != PlaybackMode.OPENING) {
      fail(failure == TilePlayer.Failure.ENDED ? "stream ended" : "stream error");
    }
  }

  @Override
  public void setRate(double rate) {
    if (rate <= 0) {
      throw new IllegalArgumentException("rate must be positive: " + rate);
    }
    this.rate = rate;
    apply();
  }

  @Override
  public void setCorrection(double factor) {
    this.correction = Math.max(0, factor);
    apply();
  }

  @Override
  public void setPaused(boolean paused) {
    this.paused = paused;
    PlaybackMode m = mode.get();
    if (m == PlaybackMode.PLAYING || m == PlaybackMode.PAUSED) {
      mode.set(paused ? PlaybackMode.PAUSED : PlaybackMode.PLAYING);
    }
    apply();
  }

  @Override
  public void stepFrame() {
    PlaybackMode m = mode.get();
    if (m != PlaybackMode.PLAYING && m != PlaybackMode.PAUSED) {
      return;
    }
    if (!paused) {
      setPaused(true);
    }
    player.nextFrame();
  }

  @Override
  public void goLive() {
    if (closed || player == null) {
      return;
    }
    long gen = ++generation;
    target = null;
    firstFrameSeen = false;
    problem.set("");
    mode.set(PlaybackMode.OPENING);
    StreamProfile profile = StreamChoice.choose(camera.streams(), targetWidth, targetHeight);
    live.urlFor(camera.id(), profile.name()).whenComplete((url, error) -> Platform.runLater(() -> {
      if (closed || gen != generation) {
        return;
      }
      if (error != null) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        fail(cause.getMessage() == null ? cause.toString() : cause.getMessage());
        return;
      }
      playingUrl.set(url);
      paused = false;
      appliedRate = null;
      appliedPaused = null;
      player.play(url);
      mode.set(PlaybackMode.LIVE);
    }));
  }

  /** Tells libVLC the effective speed and pause (the operator's choice times the group's correction). */
  private void apply() {
    PlaybackMode m = mode.get();
    if (player == null || (m != PlaybackMode.PLAYING && m != PlaybackMode.PAUSED)) {
      return;
    }
    boolean hold = paused || correction == 0;
    double effective = rate * (correction == 0 ? 1 : correction);
    if (appliedRate == null || appliedRate != effective) {
      appliedRate = effective;
      player.setRate((float) effective);
    }
    if (firstFrameSeen && (appliedPaused == null || appliedPaused != hold)) {
      appliedPaused = hold;
      player.setPaused(hold);
    }
  }

  private void fail(String why) {
    problem.set(why == null ? "" : why);
    mode.set(PlaybackMode.FAILED);
  }

  private void end(String why) {
    problem.set(why);
    mode.set(PlaybackMode.ENDED);
  }

  /** Stops and frees the native player. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    generation++;
    if (player != null) {
      player.release();
    }
  }
}
