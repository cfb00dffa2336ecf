package io.cordon.video.playback;

import io.cordon.video.VideoStyles;
import io.cordon.video.VideoTexts;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.CacheHint;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * One playback player on screen: its picture, the camera's name, the recorded time shown (date and time, in the
 * park's zone) and what the player is doing (playing ×4, paused, live, no recording). Like a wall tile, but its
 * clock is the recording's. {@link #close()} releases the player. FX thread only.
 */
public final class PlaybackTile extends StackPane implements AutoCloseable {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final PlaybackPlayer player;
  private final VideoTexts texts;
  private final ZoneId zone;
  private final ImageView picture = new ImageView();
  private final Label clock = new Label();
  private final Label state = new Label();
  private final Label message = new Label();
  private final Timeline ticker;

  /** @param title shown above the camera name (e.g. "pre-alarm playback"); empty for none */
  public PlaybackTile(PlaybackPlayer player, VideoTexts texts, ZoneId zone, String title) {
    this.player = player;
    this.texts = texts;
    this.zone = zone;
    VideoStyles.addStylesheet(this);
    getStyleClass().addAll(VideoStyles.TILE, VideoStyles.PLAYBACK_TILE);
    setMinSize(0, 0);
    picture.getStyleClass().add(VideoStyles.PICTURE);
    picture.setPreserveRatio(true);
    picture.setSmooth(true);
    picture.fitWidthProperty().bind(widthProperty().subtract(4));
    picture.fitHeightProperty().bind(heightProperty().subtract(4));
    player.setOnFrame(surface -> {
      if (picture.getImage() != surface.image()) {
        picture.setImage(surface.image());
      }
      picture.setViewport(surface.viewport());
    });
    getChildren().addAll(picture, overlay(title));
    ticker = new Timeline(new KeyFrame(Duration.millis(250), e -> refresh()));
    ticker.setCycleCount(Animation.INDEFINITE);
    ticker.play();
    player.modeProperty().addListener(o -> refresh());
    player.problemProperty().addListener(o -> refresh());
    refresh();
  }

  private BorderPane overlay(String title) {
    Label name = label(player.camera().name(), VideoStyles.CAMERA_NAME);
    Label heading = label(title, VideoStyles.PLAYBACK_TITLE);
    heading.setVisible(!title.isBlank());
    heading.setManaged(!title.isBlank());
    VBox who = new VBox(2, heading, name);
    who.setMinWidth(0);
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    clock.getStyleClass().add(VideoStyles.CLOCK);
    clock.setMinWidth(Region.USE_PREF_SIZE);
    HBox top = new HBox(6, who, gap, clock);
    top.setAlignment(Pos.TOP_LEFT);
    state.getStyleClass().add(VideoStyles.STATE);
    HBox bottom = new HBox(state);
    bottom.setAlignment(Pos.BOTTOM_LEFT);
    message.getStyleClass().add(VideoStyles.MESSAGE);
    message.setWrapText(true);
    BorderPane overlay = new BorderPane(message, top, null, bottom, null);
    overlay.setPadding(new Insets(6));
    overlay.setMouseTransparent(true);
    overlay.setMinSize(0, 0);
    return overlay;
  }

  private static Label label(String text, String style) {
    Label label = new Label(text);
    label.getStyleClass().add(style);
    label.setMinWidth(0);
    label.setCache(true);
    label.setCacheHint(CacheHint.QUALITY);
    return label;
  }

  public PlaybackPlayer player() {
    return player;
  }

  /** The picture node (tests read its image). */
  public ImageView pictureView() {
    return picture;
  }

  /** The time the overlay shows now, as text. */
  public String clockText() {
    return clock.getText();
  }

  private void refresh() {
    clock.setText(player.shownTime().map(t -> TIME.format(t.atZone(zone))).orElse(""));
    PlaybackMode mode = player.mode();
    String rate = player.rate() == Math.rint(player.rate()) ? String.valueOf((long) player.rate())
        : String.valueOf(player.rate());
    state.setText(modeText(mode, rate));
    state.getStyleClass().removeAll(VideoStyles.STATE_LIVE, VideoStyles.STATE_CONNECTING, VideoStyles.STATE_NO_SIGNAL);
    state.getStyleClass().add(mode == PlaybackMode.FAILED ? VideoStyles.STATE_NO_SIGNAL
        : mode == PlaybackMode.OPENING ? VideoStyles.STATE_CONNECTING : VideoStyles.STATE_LIVE);
    boolean problem = mode == PlaybackMode.FAILED || mode == PlaybackMode.ENDED;
    message.setText(problem ? texts.get(mode == PlaybackMode.FAILED ? "playback.noRecording" : "playback.ended")
        + (player.problemProperty().get().isBlank() ? "" : "\n" + player.problemProperty().get()) : "");
    message.setVisible(problem);
    picture.setOpacity(problem ? 0.45 : 1);
  }

  private String modeText(PlaybackMode mode, String rate) {
    if (mode == PlaybackMode.OPENING) {
      return texts.get("playback.mode.opening");
    } else if (mode == PlaybackMode.PLAYING) {
      return texts.format("playback.mode.playing", rate);
    } else if (mode == PlaybackMode.PAUSED) {
      return texts.get("playback.mode.paused");
    } else if (mode == PlaybackMode.LIVE) {
      return texts.get("playback.mode.live");
    } else if (mode == PlaybackMode.ENDED) {
      return texts.get("playback.mode.ended");
    }
    return texts.get("playback.mode.failed");
  }

  @Override
  public void close() {
    ticker.stop();
    player.close();
  }
}
