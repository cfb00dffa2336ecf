package io.cordon.app.dock;

import io.cordon.app.i18n.I18n;
import io.cordon.app.theme.Styles;
import java.util.Objects;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.SVGPath;

/**
 * A main view with a header that names it and offers to detach it into its own window or to
 * dock it back. The same node moves between the main window and its own window.
 */
public final class DockableView extends BorderPane {
  private final String viewId;
  private final StringBinding title;
  private final ReadOnlyBooleanWrapper detached = new ReadOnlyBooleanWrapper(this, "detached");
  private final HBox header;
  private Runnable onToggle = () -> {};

  public DockableView(String viewId, String titleKey, Node content, I18n i18n) {
    this.viewId = Objects.requireNonNull(viewId, "viewId");
    this.title = i18n.text(titleKey);
    setId("view-" + viewId);
    getStyleClass().add(Styles.DOCKABLE);

    Label titleLabel = new Label();
    titleLabel.textProperty().bind(title);
    titleLabel.getStyleClass().add(Styles.DOCKABLE_TITLE);
    titleLabel.setId("view-title-" + viewId);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Button toggle = new Button();
    toggle.setId(toggleButtonId(viewId));
    toggle.textProperty().bind(i18n.binding(() -> i18n.get(detached.get() ? "dock.dock" : "dock.detach"), detached));
    toggle.setFocusTraversable(false);
    toggle.graphicProperty().bind(
        javafx.beans.binding.Bindings.createObjectBinding(() -> icon(detached.get() ? DOCK_ICON : DETACH_ICON), detached));
    toggle.setOnAction(e -> onToggle.run());
    header = new HBox(titleLabel, spacer, toggle);
    header.getStyleClass().add(Styles.DOCKABLE_HEADER);
    setTop(header);
    setCenter(content);
    setMinSize(200, 150);
  }

  // Material icons "open_in_new" and "call_received" (Apache 2.0), as SVG paths.
  private static final String DETACH_ICON = "M19 19H5V5h7V3H5c-1.1 0-2 .9-2 2v14c0 1.1.9 2 2 2h14"
      + "c1.1 0 2-.9 2-2v-7h-2v7zM14 3v2h3.59l-9.83 9.83 1.41 1.41L19 6.41V10h2V3h-7z";
  private static final String DOCK_ICON = "M20 5.41L18.59 4 7 15.59V9H5v10h10v-2H8.41z";

  private static Node icon(String path) {
    SVGPath svg = new SVGPath();
    svg.setContent(path);
    svg.getStyleClass().add("dock-icon");
    svg.setScaleX(0.7);
    svg.setScaleY(0.7);
    return new javafx.scene.Group(svg);
  }

  public static String toggleButtonId(String viewId) {
    return "dock-toggle-" + viewId;
  }

  public String viewId() {
    return viewId;
  }

  public StringBinding title() {
    return title;
  }

  public ReadOnlyBooleanProperty detachedProperty() {
    return detached.getReadOnlyProperty();
  }

  /** Adds a node (a counter, a button) to the header, before the dock button. */
  public void addHeaderItem(Node node) {
    header.getChildren().add(header.getChildren().size() - 1, node);
  }

  void setDetached(boolean value) {
    detached.set(value);
  }

  void setOnToggle(Runnable action) {
    onToggle = Objects.requireNonNull(action, "action");
  }
}
