package io.cordon.map.interact;

import io.cordon.map.MapAction;
import io.cordon.map.MapFeature;
import io.cordon.map.MapState;
import io.cordon.map.MapStyles;
import io.cordon.map.MapTexts;
import io.cordon.map.ParkMapView;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * The right-click menu of a feature, built from the application's actions
 * ({@link MapState#actionsProperty()}): the feature's name as a header, then each action; a
 * disabled action stays visible, greyed, with its reason.
 */
public final class FeatureMenu {
  private static final String STYLESHEET =
      Objects.requireNonNull(ParkMapView.class.getResource("park-map.css")).toExternalForm();

  private final MapState state;
  private final FeatureDescriber describer;
  private ContextMenu showing;

  public FeatureMenu(MapState state, FeatureDescriber describer) {
    this.state = state;
    this.describer = describer;
  }

  /** Opens the menu for the feature at the given screen position. */
  public void show(Node owner, MapFeature feature, double screenX, double screenY) {
    hide();
    ContextMenu menu = build(feature);
    showing = menu;
    menu.show(owner, screenX, screenY);
    // The menu lives in its own popup scene, outside the map's user-agent stylesheet; showing
    // copies the owner scene's stylesheets over it, so ours is added afterwards.
    if (!menu.getScene().getStylesheets().contains(STYLESHEET)) {
      menu.getScene().getStylesheets().add(STYLESHEET);
    }
  }

  public void hide() {
    if (showing != null) {
      showing.hide();
      showing = null;
    }
  }

  /** The menu currently open, if any (tests and the app's keyboard shortcuts read it). */
  public ContextMenu showing() {
    return showing;
  }

  ContextMenu build(MapFeature feature) {
    MapTexts t = state.texts();
    ContextMenu menu = new ContextMenu();
    menu.getStyleClass().add(MapStyles.FEATURE_MENU);
    MenuItem header = new MenuItem(feature.name() + " · " + describer.kind(feature.kind()));
    header.getStyleClass().add(MapStyles.FEATURE_MENU_HEADER);
    header.setDisable(true);
    menu.getItems().addAll(header, new SeparatorMenuItem());
    Function<MapFeature, List<MapAction>> source = state.actionsProperty().get();
    List<MapAction> actions = source == null ? List.of() : source.apply(feature);
    if (actions == null || actions.isEmpty()) {
      MenuItem none = new MenuItem(t.get("overlay.menu.noActions"));
      none.setDisable(true);
      menu.getItems().add(none);
    }
    for (MapAction action : actions == null ? List.<MapAction>of() : actions) {
      MenuItem item = new MenuItem(action.enabled() || action.disabledReason().isBlank()
          ? action.text()
          : t.format("overlay.menu.disabled", action.text(), action.disabledReason()));
      item.setDisable(!action.enabled());
      item.setOnAction(e -> action.run().run());
      menu.getItems().add(item);
    }
    return menu;
  }
}
