package io.cordon.app.dock;

import io.cordon.app.i18n.I18n;
import io.cordon.app.theme.Styles;
import io.cordon.client.layout.ViewPlacement;
import io.cordon.client.layout.WindowBounds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Moves {@link DockableView}s between the main window's split area and windows of their own. The
 * area holds two rows: the first {@value #TOP_ROW} views registered (map, video wall, alarm queue)
 * on top, the rest (event list, gates) below — five views side by side left each too narrow to
 * read at 1920 px.
 * Closing a view's window docks it back; {@link #closeAllWindows()} (at exit) does not, so the
 * saved layout keeps the view detached.
 */
public final class DockManager {
  private static final double DEFAULT_DIVIDER = 0.70;
  static final int TOP_ROW = 3;
  private static final double[] TOP_DIVIDERS = {0.34, 0.62};
  private static final double[] BOTTOM_DIVIDERS = {0.45};
  private static final double ROWS_DIVIDER = 0.64;

  /** Vertical: the rows. */
  private final SplitPane dockArea;
  private final SplitPane top = new SplitPane();
  private final SplitPane bottom = new SplitPane();
  private final I18n i18n;
  private final Window owner;
  private final Runnable onChange;
  private final List<DockableView> views = new ArrayList<>();
  private final Map<String, Stage> windows = new LinkedHashMap<>();

  public DockManager(SplitPane dockArea, I18n i18n, Window owner, Runnable onChange) {
    this.dockArea = dockArea;
    dockArea.setOrientation(Orientation.VERTICAL);
    top.getStyleClass().add(Styles.DOCK_AREA);
    bottom.getStyleClass().add(Styles.DOCK_AREA);
    this.i18n = i18n;
    this.owner = owner;
    this.onChange = onChange;
  }

  /** Adds a view, docked, after the views registered before it. */
  public void register(DockableView view) {
    views.add(view);
    view.setOnToggle(() -> toggle(view.viewId()));
    row(view).getItems().add(view);
    resetDividers();
  }

  /** The dividers the rows start with; set again once the window is laid out. */
  public void defaultDividers() {
    if (top.getItems().size() == TOP_ROW) {
      top.setDividerPositions(TOP_DIVIDERS);
    }
    if (bottom.getItems().size() == BOTTOM_DIVIDERS.length + 1) {
      bottom.setDividerPositions(BOTTOM_DIVIDERS);
    }
    if (dockArea.getItems().size() == 2) {
      dockArea.setDividerPositions(ROWS_DIVIDER);
    }
  }

  private SplitPane row(DockableView view) {
    return views.indexOf(view) < TOP_ROW ? top : bottom;
  }

  public List<DockableView> views() {
    return List.copyOf(views);
  }

  public void toggle(String viewId) {
    if (windows.containsKey(viewId)) {
      dock(viewId);
    } else {
      detach(viewId, Optional.empty());
    }
  }

  public boolean isDetached(String viewId) {
    return windows.containsKey(viewId);
  }

  public Optional<Stage> windowOf(String viewId) {
    return Optional.ofNullable(windows.get(viewId));
  }

  /** Moves the view into its own window, at {@code bounds} or next to the main window. */
  public void detach(String viewId, Optional<WindowBounds> bounds) {
    DockableView view = view(viewId);
    if (windows.containsKey(viewId)) {
      return;
    }
    double width = view.getWidth() > 0 ? view.getWidth() : 800;
    double height = view.getHeight() > 0 ? view.getHeight() : 600;
    row(view).getItems().remove(view);
    resetDividers();

    Stage stage = new Stage();
    stage.titleProperty().bind(i18n.binding(() -> i18n.format("view.detached.title", view.title().get()), view.title()));
    Scene scene = new Scene(view, width, height);
    Styles.apply(scene);
    stage.setScene(scene);
    WindowBounds at =
        bounds.orElseGet(() -> new WindowBounds(owner.getX() + 60, owner.getY() + 60, width, height));
    stage.setX(at.x());
    stage.setY(at.y());
    stage.setWidth(at.width());
    stage.setHeight(at.height());
    stage.setOnCloseRequest(e -> dock(viewId));
    stage.xProperty().addListener(o -> onChange.run());
    stage.yProperty().addListener(o -> onChange.run());
    stage.widthProperty().addListener(o -> onChange.run());
    stage.heightProperty().addListener(o -> onChange.run());
    windows.put(viewId, stage);
    view.setDetached(true);
    stage.show();
    onChange.run();
  }

  /** Puts the view back into the main window, in its registration order. */
  public void dock(String viewId) {
    Stage stage = windows.remove(viewId);
    if (stage == null) {
      return;
    }
    DockableView view = view(viewId);
    stage.getScene().setRoot(new Region());
    stage.hide();
    SplitPane row = row(view);
    int index = 0;
    for (DockableView v : views) {
      if (v == view) {
        break;
      }
      if (row.getItems().contains(v)) {
        index++;
      }
    }
    row.getItems().add(index, view);
    view.setDetached(false);
    resetDividers();
    onChange.run();
  }

  /** Where every view is now, for the saved layout. */
  public List<ViewPlacement> placements() {
    List<ViewPlacement> result = new ArrayList<>();
    for (DockableView view : views) {
      Stage stage = windows.get(view.viewId());
      result.add(
          stage == null
              ? ViewPlacement.docked(view.viewId())
              : ViewPlacement.detached(
                  view.viewId(), new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight())));
    }
    return result;
  }

  /** At exit: closes the views' windows without docking them, so the layout stays as saved. */
  public void closeAllWindows() {
    for (Stage stage : windows.values()) {
      stage.setOnCloseRequest(null);
      stage.hide();
    }
  }

  private DockableView view(String viewId) {
    return views.stream()
        .filter(v -> v.viewId().equals(viewId))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no view " + viewId));
  }

  /** Shows only the rows that hold a view, and evens out a row that changed. */
  private void resetDividers() {
    List<SplitPane> rows = new ArrayList<>();
    if (!top.getItems().isEmpty()) {
      rows.add(top);
    }
    if (!bottom.getItems().isEmpty()) {
      rows.add(bottom);
    }
    if (!dockArea.getItems().equals(rows)) {
      dockArea.getItems().setAll(rows);
      if (rows.size() == 2) {
        dockArea.setDividerPositions(ROWS_DIVIDER);
      }
    }
    if (top.getItems().size() == 2) {
      top.setDividerPositions(DEFAULT_DIVIDER);
    }
  }
}
