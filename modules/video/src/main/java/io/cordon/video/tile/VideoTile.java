package io.cordon.video.tile;

import io.cordon.video.VideoStyles;
import io.cordon.video.VideoTexts;
import io.cordon.video.camera.StreamProfile;
import io.cordon.video.camera.StreamUnavailableException;
import io.cordon.video.camera.StreamUrls;
import io.cordon.video.camera.WallCamera;
import io.cordon.video.stream.ReconnectBackoff;
import io.cordon.video.stream.StreamChoice;
import io.cordon.video.stream.StreamState;
import io.cordon.video.vlc.FrameSurface;
import io.cordon.video.vlc.TilePlayer;
import io.cordon.video.vlc.VlcRuntime;
import java.net.URI;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One camera on the wall: its picture through vlcj into a PixelBuffer-backed ImageView, and an
 * overlay with camera name, zone, local time and stream state. The tile picks its stream by its
 * size ({@link StreamChoice}), lets VLC scale to that size, reconnects with backoff when the stream
 * errors, ends or stalls, and switches stream or size without a black gap: the new player starts
 * beside the old one and takes over on its first frame. {@link #close()} releases every player.
 * FX thread only.
 */
public final class VideoTile extends StackPane implements AutoCloseable {
  static final long STALL_AFTER_SECONDS = 5;
  static final long FIRST_FRAME_WITHIN_SECONDS = 10;
  /** After this many failures in a row the overlay says "no signal" (retries go on). */
  static final int NO_SIGNAL_AFTER_ATTEMPTS = 3;
  /** Renegotiate VLC's output size when the tile grew or shrank by more than this factor. */
  static final double RENEGOTIATE_FACTOR = 1.5;
  private static final Duration RESIZE_SETTLE = Duration.millis(200);
  private static final long PENDING_RETRY_NANOS = 10_000_000_000L;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final Logger LOG = LoggerFactory.getLogger(VideoTile.class);

  private final VlcRuntime vlc;
  private final StreamUrls urls;
  private final VideoTexts texts;
  private final WallCamera camera;
  private final Clock clock;
  private final ImageView picture = new ImageView();
  private final Label stateLabel = new Label();
  private final Label clockLabel = new Label();
  private final Label message = new Label();
  private final ReadOnlyObjectWrapper<StreamState> state = new ReadOnlyObjectWrapper<>(new StreamState.Connecting());
  private final ReadOnlyObjectWrapper<StreamProfile> playingProfile = new ReadOnlyObjectWrapper<>();
  private final PauseTransition resizeSettle = new PauseTransition(RESIZE_SETTLE);
  private final PauseTransition retryTimer = new PauseTransition();
  private final Timeline ticker;

  private Playback current;
  private Playback pending;
  private int failuresInARow;
  private long pendingFailedAtNanos;
  private boolean closed;
  private boolean startQueued;
  private long ticksAtLastCount;
  private long shownAtLastCount;

  /** One player and what it was started for. */
  private static final class Playback {
    final StreamProfile profile;
    final int targetWidth;
    final int targetHeight;
    final long startedNanos = System.nanoTime();
    TilePlayer player;
    FrameSurface surface;
    boolean shown;
    /** Started on the smallest stream for a quick first picture; the wanted one follows once it shows. */
    boolean quickStart;

    Playback(StreamProfile profile, int targetWidth, int targetHeight) {
      this.profile = profile;
      this.targetWidth = targetWidth;
      this.targetHeight = targetHeight;
    }

    void release() {
      if (player != null) {
        player.release();
      }
    }
  }

  public VideoTile(VlcRuntime vlc, StreamUrls urls, VideoTexts texts, WallCamera camera) {
    this(vlc, urls, texts, camera, Clock.systemDefaultZone());
  }

  public VideoTile(VlcRuntime vlc, StreamUrls urls, VideoTexts texts, WallCamera camera, Clock clock) {
    this.vlc = vlc;
    this.urls = urls;
    this.texts = texts;
    this.camera = camera;
    this.clock = clock;
    VideoStyles.addStylesheet(this);
    getStyleClass().add(VideoStyles.TILE);
    setMinSize(0, 0);
    setPrefSize(320, 180);
    picture.getStyleClass().add(VideoStyles.PICTURE);
    picture.setPreserveRatio(true);
    picture.setSmooth(true);
    getChildren().addAll(picture, overlay());
    state.addListener((obs, old, now) -> showState(now));
    showState(state.get());
    resizeSettle.setOnFinished(e -> reconsider());
    retryTimer.setOnFinished(e -> reconnect());
    widthProperty().addListener((obs, old, now) -> resizeSettle.playFromStart());
    heightProperty().addListener((obs, old, now) -> resizeSettle.playFromStart());
    ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
    ticker.setCycleCount(Timeline.INDEFINITE);
    ticker.play();
    tickClock();
    if (!vlc.available()) {
      state.set(new StreamState.NoSignal(texts.get("reason.vlcMissing")));
    }
  }

  private BorderPane overlay() {
    Label name = label(camera.name(), VideoStyles.CAMERA_NAME);
    Label zone = label(camera.zoneName(), VideoStyles.ZONE_NAME);
    zone.setVisible(!camera.zoneName().isBlank());
    VBox who = new VBox(2, name, zone);
    who.setAlignment(Pos.TOP_LEFT);
    who.setMinWidth(0);
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox.setHgrow(who, Priority.SOMETIMES);
    clockLabel.getStyleClass().add(VideoStyles.CLOCK);
    cacheAsBitmap(clockLabel);
    clockLabel.setMinWidth(Region.USE_PREF_SIZE);
    HBox top = new HBox(6, who, gap, clockLabel);
    top.setAlignment(Pos.TOP_LEFT);
    stateLabel.getStyleClass().add(VideoStyles.STATE);
    cacheAsBitmap(stateLabel);
    stateLabel.setMinWidth(0);
    HBox bottom = new HBox(stateLabel);
    bottom.setAlignment(Pos.BOTTOM_LEFT);
    message.getStyleClass().add(VideoStyles.MESSAGE);
    message.setMinWidth(0);
    BorderPane overlay = new BorderPane(message, top, null, bottom, null);
    overlay.setPadding(new Insets(6));
    overlay.setPickOnBounds(false);
    overlay.setMouseTransparent(true);
    overlay.setMinSize(0, 0);
    return overlay;
  }

  private static Label label(String text, String styleClass) {
    Label label = new Label(text);
    label.getStyleClass().add(styleClass);
    label.setMinWidth(0);
    cacheAsBitmap(label);
    return label;
  }

  /**
   * The video under an overlay label changes every frame, so without a cache its text and translucent
   * background are drawn again 25 times a second per tile; cached, they are one bitmap blit until the
   * text changes (the clock once a second). This matters most on software rendering.
   */
  private static void cacheAsBitmap(Label label) {
    label.setCache(true);
    label.setCacheHint(javafx.scene.CacheHint.QUALITY);
  }

  public WallCamera camera() {
    return camera;
  }

  public ReadOnlyObjectProperty<StreamState> stateProperty() {
    return state.getReadOnlyProperty();
  }

  /** The stream whose picture the tile shows now; null before the first frame. */
  public ReadOnlyObjectProperty<StreamProfile> playingProfileProperty() {
    return playingProfile.getReadOnlyProperty();
  }

  /** The picture the operator sees now, for snapshots; empty before the first frame. */
  public Optional<FrameSurface.Picture> currentPicture() {
    return current == null || !current.shown ? Optional.empty() : Optional.ofNullable(current.surface.copyPicture());
  }

  /** Frames shown by the current player so far (what the fps in the overlay counts). */
  /** Pictures libVLC handed over (some may be merged before the FX thread shows them). */
  public long framesDecoded() {
    return current == null || current.surface == null ? 0 : current.surface.framesDecoded();
  }

  public long framesShown() {
    return current == null || current.surface == null ? 0 : current.surface.framesShown();
  }

  /** The picture node, for tests and for the app's drag-and-drop feedback. */
  public ImageView pictureView() {
    return picture;
  }

  @Override
  protected void layoutChildren() {
    Insets in = getInsets();
    double width = Math.max(1, getWidth() - in.getLeft() - in.getRight());
    double height = Math.max(1, getHeight() - in.getTop() - in.getBottom());
    javafx.geometry.Rectangle2D natural = picture.getViewport();
    double scale = renderScale();
    boolean oneToOne = natural != null
        && nearlyFills(natural.getWidth() / scale, natural.getHeight() / scale, width, height);
    if (oneToOne) {
      // VLC already scaled the picture to the tile: drawn 1:1 without filtering it is a copy, not a
      // filtered rescale of every pixel, which on software rendering is most of a frame's cost
      width = natural.getWidth() / scale;
      height = natural.getHeight() / scale;
    }
    picture.setSmooth(!oneToOne);
    picture.setFitWidth(width);
    picture.setFitHeight(height);
    super.layoutChildren();
    if (current == null && pending == null && retryTimer.getStatus() != Animation.Status.RUNNING && !startQueued) {
      // The first start needs no settling: an alarm pop-up must show its picture within a second.
      startQueued = true;
      Platform.runLater(() -> {
        startQueued = false;
        reconsider();
      });
    }
  }

  /** A picture that fits the box and fills it but for a few pixels (VLC's even width, rounding). */
  private static boolean nearlyFills(double pictureWidth, double pictureHeight, double boxWidth, double boxHeight) {
    return pictureWidth <= boxWidth + 0.5 && pictureHeight <= boxHeight + 0.5
        && Math.max(pictureWidth / boxWidth, pictureHeight / boxHeight) >= 0.97;
  }

  @Override
  protected double computePrefWidth(double height) {
    return 320;
  }

  @Override
  protected double computePrefHeight(double width) {
    return 180;
  }

  /** Starts, switches or renegotiates the stream for the tile's current size. */
  private void reconsider() {
    if (closed || !vlc.available() || getWidth() < 2 || getHeight() < 2) {
      return;
    }
    double scale = renderScale();
    // the picture's box inside the tile's border: VLC delivers at most that, so it is drawn 1:1
    Insets in = getInsets();
    int width = (int) Math.round(Math.max(2, getWidth() - in.getLeft() - in.getRight()) * scale);
    int height = (int) Math.round(Math.max(2, getHeight() - in.getTop() - in.getBottom()) * scale);
    StreamProfile wanted = StreamChoice.choose(camera.streams(), width, height);
    if (current == null && pending == null) {
      if (retryTimer.getStatus() != Animation.Status.RUNNING) {
        // A big tile shows the camera's smallest stream first: it is what the relay keeps warm
        // (standby), so an alarm's picture comes at once; the wanted stream takes over without a gap.
        StreamProfile quickest = StreamChoice.quickest(camera.streams());
        current = start(quickest, width, height);
        current.quickStart = !quickest.equals(wanted);
      }
      return;
    }
    Playback latest = pending != null ? pending : current;
    boolean different = !latest.profile.equals(wanted) || sizeDiffers(latest, wanted, width, height);
    if (!different) {
      return;
    }
    if (current != null && current.quickStart && !current.shown && pending == null) {
      return; // its first picture brings the wanted stream (frameShown)
    }
    if (current == null || !current.shown) {
      // Nothing on screen to keep: restart directly with the right settings.
      releaseCurrent();
      releasePending();
      current = start(wanted, width, height);
      return;
    }
    if (pending == null && pendingFailedAtNanos != 0 && System.nanoTime() - pendingFailedAtNanos < PENDING_RETRY_NANOS) {
      return;
    }
    releasePending();
    pending = start(wanted, width, height);
  }

  private boolean sizeDiffers(Playback p, StreamProfile wanted, int width, int height) {
    // What VLC would deliver for each box (capped at the source size): compare those, not the boxes.
    FrameSurface.Size was = fit(wanted, p.targetWidth, p.targetHeight);
    FrameSurface.Size now = fit(wanted, width, height);
    double ratio = (double) now.width() / was.width();
    return ratio > RENEGOTIATE_FACTOR || ratio < 1 / RENEGOTIATE_FACTOR;
  }

  private static FrameSurface.Size fit(StreamProfile s, int width, int height) {
    double scale = Math.min(1.0, Math.min((double) width / s.width(), (double) height / s.height()));
    return new FrameSurface.Size(Math.max(2, (int) Math.round(s.width() * scale)), Math.max(2, (int) Math.round(s.height() * scale)));
  }

  private double renderScale() {
    Window window = getScene() == null ? null : getScene().getWindow();
    return window == null ? 1.0 : Math.max(1.0, window.getRenderScaleX());
  }

  private Playback start(StreamProfile profile, int width, int height) {
    Playback p = new Playback(profile, width, height);
    urls.urlFor(camera.id(), profile.name())
        .whenComplete((url, error) -> Platform.runLater(() -> urlReady(p, url, error)));
    return p;
  }

  private void urlReady(Playback p, URI url, Throwable error) {
    if (closed || (p != current && p != pending)) {
      return;
    }
    if (error != null) {
      Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
      String reason = cause instanceof StreamUnavailableException
          ? cause.getMessage() : texts.format("reason.urlFailed", String.valueOf(cause.getMessage()));
      failed(p, reason);
      return;
    }
    p.surface = new FrameSurface(p.targetWidth, p.targetHeight, p.profile.width(), p.profile.height(), s -> frameShown(p));
    p.player = vlc.newPlayer(p.surface, (player, failure) -> Platform.runLater(() -> failed(p, reasonFor(failure))));
    LOG.debug("tile {} plays {} at {}x{}", camera.id(), p.profile.name(), p.targetWidth, p.targetHeight);
    p.player.play(url);
  }

  private String reasonFor(TilePlayer.Failure failure) {
    return failure == TilePlayer.Failure.ENDED ? texts.get("reason.streamEnded") : texts.get("reason.streamError");
  }

  private void frameShown(Playback p) {
    if (closed) {
      return;
    }
    if (p == pending) {
      // The new stream has its first picture: only now does the old one go (no black gap).
      releaseCurrent();
      current = p;
      pending = null;
    }
    if (p != current) {
      return;
    }
    if (picture.getImage() != p.surface.image()) {
      picture.setImage(p.surface.image());
      picture.setViewport(p.surface.viewport());
      requestLayout();
      picture.getStyleClass().remove(VideoStyles.STALE);
      playingProfile.set(p.profile);
    }
    if (!p.shown) {
      p.shown = true;
      failuresInARow = 0;
      shownAtLastCount = 0;
      ticksAtLastCount = System.nanoTime();
      state.set(new StreamState.Live(0));
      if (p.quickStart) {
        reconsider();
      }
    }
  }

  private void failed(Playback p, String reason) {
    if (closed) {
      return;
    }
    if (p == pending) {
      LOG.info("tile {}: {} stream failed while switching ({}); staying on {}", camera.id(), p.profile.name(), reason,
          current == null ? "nothing" : current.profile.name());
      releasePending();
      pendingFailedAtNanos = System.nanoTime();
      if (current == null) {
        scheduleRetry(reason);
      }
      return;
    }
    if (p != current) {
      return;
    }
    releaseCurrent();
    if (pending == null) {
      scheduleRetry(reason);
    }
  }

  private void scheduleRetry(String reason) {
    failuresInARow++;
    if (!picture.getStyleClass().contains(VideoStyles.STALE)) {
      picture.getStyleClass().add(VideoStyles.STALE);
    }
    state.set(failuresInARow > NO_SIGNAL_AFTER_ATTEMPTS
        ? new StreamState.NoSignal(reason) : new StreamState.Reconnecting(failuresInARow, reason));
    retryTimer.setDuration(Duration.millis(ReconnectBackoff.delayBefore(failuresInARow).toMillis()));
    retryTimer.playFromStart();
  }

  private void reconnect() {
    if (!closed && current == null && pending == null) {
      reconsider();
    }
  }

  private void releasePending() {
    if (pending != null) {
      pending.release();
      pending = null;
    }
  }

  private void releaseCurrent() {
    if (current != null) {
      current.release();
      current = null;
    }
  }

  private void tick() {
    tickClock();
    long now = System.nanoTime();
    if (current != null && current.surface != null && current.shown) {
      long shown = current.surface.framesShown();
      double seconds = (now - ticksAtLastCount) / 1e9;
      if (seconds > 0.5 && state.get() instanceof StreamState.Live) {
        state.set(new StreamState.Live((shown - shownAtLastCount) / seconds));
      }
      shownAtLastCount = shown;
      ticksAtLastCount = now;
      current.player.sampleDecoding();
      long lastProgress = Math.min(current.surface.lastFrameNanos(), current.player.lastDecodedNanos());
      if (now - lastProgress > STALL_AFTER_SECONDS * 1_000_000_000L) {
        failed(current, texts.format("reason.stalled", STALL_AFTER_SECONDS));
      }
    } else if (current != null && now - current.startedNanos > FIRST_FRAME_WITHIN_SECONDS * 1_000_000_000L) {
      failed(current, texts.format("reason.noFirstFrame", FIRST_FRAME_WITHIN_SECONDS));
    }
    if (pending != null && now - pending.startedNanos > FIRST_FRAME_WITHIN_SECONDS * 1_000_000_000L) {
      failed(pending, texts.format("reason.noFirstFrame", FIRST_FRAME_WITHIN_SECONDS));
    }
    if (pending == null && current != null && current.shown) {
      reconsider();
    }
  }

  private void tickClock() {
    clockLabel.setText(LocalTime.now(clock).format(TIME));
  }

  private void showState(StreamState s) {
    stateLabel.getStyleClass().removeAll(VideoStyles.STATE_CONNECTING, VideoStyles.STATE_LIVE,
        VideoStyles.STATE_RECONNECTING, VideoStyles.STATE_NO_SIGNAL);
    String text;
    String style;
    String centre = null;
    if (s instanceof StreamState.Live live) {
      text = live.fps() <= 0 ? texts.get("state.liveStarting") : texts.format("state.live", live.fps());
      style = VideoStyles.STATE_LIVE;
    } else if (s instanceof StreamState.Reconnecting r) {
      text = texts.format("state.reconnecting", r.attempt()) + " · " + r.reason();
      style = VideoStyles.STATE_RECONNECTING;
    } else if (s instanceof StreamState.NoSignal n) {
      text = texts.get("state.noSignal");
      style = VideoStyles.STATE_NO_SIGNAL;
      centre = n.reason();
    } else {
      text = texts.get("state.connecting");
      style = VideoStyles.STATE_CONNECTING;
    }
    stateLabel.setText(text);
    stateLabel.getStyleClass().add(style);
    message.setText(centre);
    message.setVisible(centre != null);
  }

  /** The text the overlay shows for the stream state (for tests and tooltips). */
  public String stateText() {
    return stateLabel.getText();
  }

  /** The centred message (the no-signal reason), empty when none. */
  public String messageText() {
    return message.isVisible() && message.getText() != null ? message.getText() : "";
  }

  /** Stops the overlay clock and releases every player of this tile. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    ticker.stop();
    resizeSettle.stop();
    retryTimer.stop();
    releaseCurrent();
    releasePending();
    picture.setImage(null);
  }
}
