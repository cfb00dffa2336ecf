package io.cordon.video.vlc;

import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.co.caprica.vlcj.factory.MediaPlayerFactory;
import uk.co.caprica.vlcj.media.VideoTrackInfo;
import uk.co.caprica.vlcj.player.base.MediaPlayer;
import uk.co.caprica.vlcj.player.base.MediaPlayerEventAdapter;
import uk.co.caprica.vlcj.player.embedded.EmbeddedMediaPlayer;

/**
 * One native player feeding one {@link FrameSurface}. Failures are reported once through the
 * listener (from a vlcj thread); the owner decides about reconnecting. Native calls that may
 * block run on the runtime's control thread.
 */
public final class TilePlayer {
  /** Low caching: a control room wants the picture now, not smooth playback 2 s late. */
  static final String NETWORK_CACHING_MS = "300";
  /** Playback of recordings: a second of buffer rides over disk and network hiccups. */
  static final String RECORDING_CACHING_MS = "1000";

  /** Told when the stream fails; called on a vlcj thread. */
  @FunctionalInterface
  public interface Listener {
    void failed(TilePlayer player, Failure failure);
  }

  /** Why a stream stopped delivering. */
  public enum Failure { ERROR, ENDED }

  private static final Logger LOG = LoggerFactory.getLogger(TilePlayer.class);

  private final EmbeddedMediaPlayer player;
  private final ExecutorService control;
  private final FrameSurface surface;
  private final Runnable onReleased;
  private volatile boolean released;

  TilePlayer(MediaPlayerFactory factory, ExecutorService control, FrameSurface surface, Listener listener,
      Runnable onReleased) {
    this.control = control;
    this.surface = surface;
    this.onReleased = onReleased;
    this.player = factory.mediaPlayers().newEmbeddedMediaPlayer();
    player.videoSurface().set(factory.videoSurfaces().newVideoSurface(surface, surface, true));
    player.events().addMediaPlayerEventListener(new MediaPlayerEventAdapter() {
      @Override
      public void error(MediaPlayer mediaPlayer) {
        report(listener, Failure.ERROR);
      }

      @Override
      public void finished(MediaPlayer mediaPlayer) {
        report(listener, Failure.ENDED);
      }

      @Override
      public void timeChanged(MediaPlayer mediaPlayer, long newTime) {
        long now = System.nanoTime();
        long wallMillis = (now - mediaTimeNanos) / 1_000_000;
        if (measuring && mediaTimeMillis > 0 && newTime > mediaTimeMillis && wallMillis > 0 && steppedMillis == 0) {
          playedRate = (double) (newTime - mediaTimeMillis) / wallMillis;
        }
        measuring = true;
        mediaTimeMillis = newTime;
        steppedMillis = 0;
        mediaTimeNanos = now;
      }
    });
  }

  private void report(Listener listener, Failure failure) {
    if (!released) {
      listener.failed(this, failure);
    }
  }

  public FrameSurface surface() {
    return surface;
  }

  /**
   * When libVLC last decoded a new picture, as {@link System#nanoTime()}. A stalled input does not
   * stop the display callbacks (VLC shows its last picture again), so the tile's stall check needs
   * the decoder's count. Updated by {@link #sampleDecoding()}.
   */
  public long lastDecodedNanos() {
    return lastDecodedNanos;
  }

  /** Reads libVLC's decoded-picture count on the control thread (cheap; the tile asks every second). */
  public void sampleDecoding() {
    submit(() -> {
      if (released) {
        return;
      }
      try {
        int decoded = player.media().info().statistics().decodedVideo();
        if (decoded != lastDecoded) {
          lastDecoded = decoded;
          lastDecodedNanos = System.nanoTime();
        }
      } catch (RuntimeException e) {
        // no media yet: nothing decoded
      }
    });
  }

  private volatile int lastDecoded = -1;
  private volatile long lastDecodedNanos = System.nanoTime();

  public void play(URI url) {
    submit(() -> {
      if (!released) {
        // a live wall shows every picture it gets: late ones are not dropped or skipped
        player.media().play(url.toString(), ":network-caching=" + NETWORK_CACHING_MS, ":no-audio",
            ":no-drop-late-frames", ":no-skip-frames", ":avcodec-threads=1");
      }
    });
  }

  /**
   * Plays a recording (playback, not the live wall): more caching, since smooth pictures matter more than
   * latency here, and late frames may be dropped so fast speeds keep up.
   */
  public void playRecording(URI url) {
    submit(() -> {
      if (!released) {
        resetTime();
        player.media().play(url.toString(), ":network-caching=" + RECORDING_CACHING_MS, ":no-audio",
            ":avcodec-threads=1");
      }
    });
  }

  /** Pauses (true) or resumes (false) on the control thread. */
  public void setPaused(boolean paused) {
    forgetPlayedRate();
    submit(() -> {
      if (!released) {
        player.controls().setPause(paused);
      }
    });
  }

  /** Playback speed, 1 = real time. */
  public void setRate(float rate) {
    forgetPlayedRate();
    submit(() -> {
      if (!released) {
        player.controls().setRate(rate);
      }
    });
  }

  /**
   * Shows the next frame (while paused). libVLC sends no time report for a stepped frame, so {@link #timeMillis()}
   * adds one frame's duration per step until its next report.
   */
  public void nextFrame() {
    submit(() -> {
      if (!released) {
        player.controls().nextFrame();
        steppedMillis += frameMillis();
      }
    });
  }

  /** One frame's duration from the video track's frame rate; 40 ms (25 fps, what the park's cameras send) unknown. */
  private long frameMillis() {
    try {
      for (VideoTrackInfo track : player.media().info().videoTracks()) {
        if (track.frameRate() > 0 && track.frameRateBase() > 0) {
          return Math.round(1000.0 * track.frameRateBase() / track.frameRate());
        }
      }
    } catch (RuntimeException e) {
      // no media info yet
    }
    return 40;
  }

  private volatile long mediaTimeMillis;
  private volatile long mediaTimeNanos = System.nanoTime();
  /** Frames stepped since libVLC's last time report, in milliseconds (added to on the control thread). */
  private volatile long steppedMillis;
  private volatile double playedRate;
  /** False until a report after a pause, a speed change or new media: that one only starts a measurement. */
  private volatile boolean measuring;

  /**
   * The media time libVLC last reported, in milliseconds from the start of what is playing (0 before it is
   * known). Kept from its time-changed events: asking libVLC directly may block while it opens or buffers, and
   * the FX thread reads this several times a second.
   */
  public long timeMillis() {
    return mediaTimeMillis + steppedMillis;
  }

  /**
   * How fast the media time ran between libVLC's last two reports (1 = real time; 0 before two reports). Slower
   * than the rate asked for when the machine cannot decode that fast.
   */
  public double playedRate() {
    return playedRate;
  }

  /** {@link System#nanoTime()} when {@link #timeMillis()} was last reported. */
  public long timeReportedNanos() {
    return mediaTimeNanos;
  }

  /**
   * The speed changes or the player pauses: measured again from the next two reports, not across the change. The
   * last figure stays meanwhile: a guess too slow for a moment is harmless, one too fast made the position run ahead.
   */
  private void forgetPlayedRate() {
    measuring = false;
  }

  private void resetTime() {
    playedRate = 0;
    measuring = false;
    mediaTimeMillis = 0;
    steppedMillis = 0;
    mediaTimeNanos = System.nanoTime();
  }

  /** Stops and frees the native player; safe to call more than once. */
  public void release() {
    if (released) {
      return;
    }
    released = true;
    surface.detach();
    submit(() -> {
      try {
        player.controls().stop();
        player.release();
      } finally {
        onReleased.run();
      }
    });
  }

  private void submit(Runnable task) {
    try {
      control.execute(task);
    } catch (RejectedExecutionException e) {
      LOG.debug("video runtime closed; dropping a player call");
    }
  }
}
