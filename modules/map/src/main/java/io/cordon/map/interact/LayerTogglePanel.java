package io.cordon.map.interact;

import io.cordon.map.LayerKind;
import io.cordon.map.MapState;
import io.cordon.map.MapStyles;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;

/**
 * The list of layer switches, one check box per {@link LayerKind} bound both ways to the layer's
 * visibility in the {@link MapState}, opened and closed by a compact "图层" button.
 */
public final class LayerTogglePanel extends VBox {
  private final ToggleButton button = new ToggleButton();

  public LayerTogglePanel(MapState state) {
    getStyleClass().addAll(MapStyles.MAP_PANEL, MapStyles.LAYER_LIST);
    button.getStyleClass().addAll(MapStyles.MAP_BUTTON, MapStyles.LAYER_BUTTON);
    button.setId("map-layers");
    button.textProperty().bind(Bindings.createStringBinding(() -> state.texts().get("overlay.layers"), state.textsBinding()));
    button.setFocusTraversable(false);
    visibleProperty().bind(button.selectedProperty());
    managedProperty().bind(button.selectedProperty());
    for (LayerKind kind : LayerKind.values()) {
      String name = kind.name().toLowerCase(Locale.ROOT);
      CheckBox box = new CheckBox();
      box.setId("layer-toggle-" + name);
      box.setFocusTraversable(false);
      box.textProperty().bind(Bindings.createStringBinding(() -> state.texts().get("layer." + name), state.textsBinding()));
      box.selectedProperty().bindBidirectional(state.visibleProperty(kind));
      getChildren().add(box);
    }
  }

  /** The button that opens and closes the list. */
  public ToggleButton toggleButton() {
    return button;
  }

  public void setOpen(boolean open) {
    button.setSelected(open);
  }

  public boolean isOpen() {
    return button.isSelected();
  }
}
