package io.cordon.map.interact;

import io.cordon.map.MapStyles;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Polygon;
import javafx.scene.text.Text;
import javafx.scene.Group;

/** The map is always drawn north up; the arrow says so. */
public final class NorthArrow extends StackPane {
  public NorthArrow() {
    getStyleClass().add(MapStyles.NORTH_ARROW);
    setMouseTransparent(true);
    Polygon west = new Polygon(0, -16, 0, 8, -8, 14);
    west.getStyleClass().add("north-arrow-dark");
    Polygon east = new Polygon(0, -16, 8, 14, 0, 8);
    east.getStyleClass().add("north-arrow-light");
    Text n = new Text("N");
    n.getStyleClass().add("north-arrow-letter");
    n.setTranslateY(-27);
    n.setTranslateX(-n.getLayoutBounds().getWidth() / 2);
    getChildren().add(new Group(west, east, n));
  }
}
