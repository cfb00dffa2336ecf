package io.cordon.app.theme;

import java.util.Objects;
import javafx.scene.Scene;

/** Style-class names of the app and the one theme stylesheet. */
public final class Styles {
  public static final String STYLESHEET = "/io/cordon/app/theme/cordon.css";

  public static final String LOGIN_SCREEN = "login-screen";
  public static final String LOGIN_CARD = "login-card";
  public static final String LOGIN_HEADING = "login-heading";
  public static final String LOGIN_SUBTITLE = "login-subtitle";
  public static final String LOGIN_SERVER = "login-server";
  public static final String LOGIN_ERROR = "login-error";
  public static final String PRIMARY = "primary";

  public static final String DOCK_AREA = "dock-area";
  public static final String DOCKABLE = "dockable";
  public static final String DOCKABLE_HEADER = "dockable-header";
  public static final String DOCKABLE_TITLE = "dockable-title";
  public static final String DOCK_PLACEHOLDER = "dock-placeholder";

  public static final String MAP_LEGEND = "map-legend";
  public static final String LEGEND_TITLE = "legend-title";
  public static final String LEGEND_SWATCH = "legend-swatch";
  public static final String MAP_MESSAGE = "map-message";
  public static final String MAP_LEGEND_TOGGLE = "map-legend-toggle";
  public static final String MAP_NOTICE = "map-notice";

  public static final String DIALOG = "cordon-dialog";
  public static final String DIALOG_TITLE = "dialog-title";
  public static final String DIALOG_WARNING = "dialog-warning";
  public static final String DIALOG_NOTE = "dialog-note";
  public static final String DIALOG_ERROR = "dialog-error";
  public static final String DANGER_BUTTON = "danger";

  public static final String EVENT_TABLE = "event-table";
  public static final String EVENT_COUNT = "event-count";
  public static final String SEVERITY_PREFIX = "severity-";

  public static final String STATUS_DETAIL = "status-detail";
  public static final String STATUS_STATE = "status-state";
  public static final String STATUS_DOT = "status-dot";
  public static final String STATE_PREFIX = "state-";

  private Styles() {}

  public static void apply(Scene scene) {
    scene.getStylesheets().add(Objects.requireNonNull(Styles.class.getResource(STYLESHEET)).toExternalForm());
  }
}
