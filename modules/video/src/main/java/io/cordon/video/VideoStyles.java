package io.cordon.video;

/** Style-class names of the wall; the rules live in io/cordon/video/video-wall.css. */
public final class VideoStyles {
  public static final String STYLESHEET = "/io/cordon/video/video-wall.css";
  public static final String WALL = "video-wall";
  public static final String TILE = "video-tile";
  public static final String TILE_EMPTY = "video-tile-empty";
  public static final String TILE_ALARM = "video-tile-alarm";
  public static final String TILE_MAXIMISED = "video-tile-maximised";
  public static final String PICTURE = "video-picture";
  public static final String CAMERA_NAME = "video-camera-name";
  public static final String ZONE_NAME = "video-zone-name";
  public static final String CLOCK = "video-clock";
  public static final String STATE = "video-state";
  public static final String STATE_CONNECTING = "video-state-connecting";
  public static final String STATE_LIVE = "video-state-live";
  public static final String STATE_RECONNECTING = "video-state-reconnecting";
  public static final String STATE_NO_SIGNAL = "video-state-no-signal";
  public static final String MESSAGE = "video-message";
  public static final String STALE = "video-stale";
  public static final String PLAYBACK_TILE = "video-playback-tile";
  public static final String PLAYBACK_TITLE = "video-playback-title";
  public static final String PLAYBACK_VIEW = "video-playback-view";
  public static final String PLAYBACK_BAR = "video-playback-bar";
  public static final String PLAYBACK_TIME_BAR = "video-playback-time-bar";
  public static final String PLAYBACK_RECORDED = "video-playback-recorded";
  public static final String PLAYBACK_POSITION = "video-playback-position";

  private VideoStyles() {
  }

  /** Adds the wall's stylesheet to a parent once. */
  public static void addStylesheet(javafx.scene.Parent parent) {
    String url = VideoStyles.class.getResource(STYLESHEET).toExternalForm();
    if (!parent.getStylesheets().contains(url)) {
      parent.getStylesheets().add(url);
    }
  }
}
