package io.cordon.map.interact;

import io.cordon.map.FeatureKind;
import io.cordon.map.MapFeature;
import java.util.Optional;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Region;

/**
 * A camera on the map can be dragged onto a video wall: pressing on a camera holds the map still,
 * and the drag carries the camera id as plain text, the same as a drag from the wall's camera tree.
 */
final class CameraDragSource {
  private final FeatureIndex index;
  private MapFeature pressed;

  private CameraDragSource(FeatureIndex index) {
    this.index = index;
  }

  static CameraDragSource install(Region map, FeatureIndex index, MapNavigator navigator) {
    CameraDragSource source = new CameraDragSource(index);
    navigator.holdPanWhile(() -> source.pressed != null);
    map.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> source.pressed =
        e.getButton() == MouseButton.PRIMARY ? source.cameraAt(e.getX(), e.getY()).orElse(null) : null);
    map.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> source.pressed = null);
    map.addEventHandler(MouseEvent.DRAG_DETECTED, e -> {
      if (source.pressed != null) {
        Dragboard board = map.startDragAndDrop(TransferMode.COPY);
        ClipboardContent content = new ClipboardContent();
        content.putString(source.pressed.id());
        board.setContent(content);
        source.pressed = null;
        e.consume();
      }
    });
    return source;
  }

  /** The camera a drag would carry now (pressed on, not yet dragged off), for tests. */
  Optional<String> pendingCameraId() {
    return Optional.ofNullable(pressed).map(MapFeature::id);
  }

  private Optional<MapFeature> cameraAt(double x, double y) {
    return index.featureAt(x, y).filter(f -> f.kind() == FeatureKind.CAMERA);
  }
}
