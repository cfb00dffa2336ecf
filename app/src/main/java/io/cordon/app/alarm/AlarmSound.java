package io.cordon.app.alarm;

import java.net.URL;
import java.util.Objects;
import javafx.scene.media.Media;
import javafx.scene.media.MediaPlayer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert tone of a new critical alarm (javafx-media). Sound is a courtesy, never a condition:
 * without a sound device (Xvfb, CI, a muted workstation) or media support, it logs once and stays
 * silent for the rest of the session, and the app goes on. A {@link MediaPlayer} rather than an
 * {@code AudioClip}: its failures reach {@link MediaPlayer#setOnError}, where an AudioClip's are
 * only printed by its own thread on every play.
 */
public final class AlarmSound {
  /** Our own tone: three 988/1319 Hz two-tone beeps, 0.9 s, 22 kHz mono, generated once with javax.sound. */
  public static final String TONE = "/io/cordon/app/alarm/alert-critical.wav";
  static final double NORMAL_VOLUME = 0.7;
  static final double ESCALATION_VOLUME = 1.0;

  private static final Logger log = LoggerFactory.getLogger(AlarmSound.class);

  private MediaPlayer player;
  private boolean failed;
  private int requests;

  /** A new critical alarm. Call on the FX thread. */
  public void playCritical() {
    play(NORMAL_VOLUME);
  }

  /** An escalated alarm: louder. Call on the FX thread. */
  public void playEscalation() {
    play(ESCALATION_VOLUME);
  }

  /**
   * Loads the tone now (the media player takes a few hundred ms to make, or to fail to make), so the
   * first critical alarm does not wait for it. Call on the FX thread, once the window is up.
   */
  public void prepare() {
    if (failed || player != null) {
      return;
    }
    try {
      player();
    } catch (RuntimeException | LinkageError e) {
      silence(e.toString());
    }
  }

  /** How many times a tone was asked for (played or not), for tests. */
  public int requests() {
    return requests;
  }

  /** True once the tone proved unplayable in this session. */
  public boolean isSilenced() {
    return failed;
  }

  private void play(double volume) {
    requests++;
    if (failed) {
      return;
    }
    try {
      MediaPlayer player = player();
      player.stop();
      player.setVolume(volume);
      player.play();
    } catch (RuntimeException | LinkageError e) {
      silence(e.toString());
    }
  }

  private MediaPlayer player() {
    if (player == null) {
      URL tone = Objects.requireNonNull(AlarmSound.class.getResource(TONE), TONE);
      MediaPlayer made = new MediaPlayer(new Media(tone.toExternalForm()));
      made.setOnError(() -> silence(String.valueOf(made.getError())));
      player = made;
    }
    return player;
  }

  private void silence(String why) {
    if (!failed) {
      failed = true; // once: no device now means no device for this session
      log.warn("alarm sound unavailable, continuing silently: {}", why);
    }
    if (player != null) {
      try {
        player.dispose();
      } catch (RuntimeException ignored) {
        // already broken
      }
      player = null;
    }
  }
}
