package io.cordon.map.plan;

import io.cordon.domain.gate.GateState;
import io.cordon.domain.park.GateType;
import io.cordon.map.MapStyles;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.shape.Circle;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;

/**
 * Gate symbols centred on (0, 0), shared by the plan and the legend: comprehensive a square,
 * dedicated a diamond, ordinary a circle, emergency a big red badge with a white cross inside a
 * red halo. Around the symbol a ring shows the live state; the shape stays the type's.
 */
final class GateSymbols {
  private GateSymbols() {}

  /** Half the size of the type's body, pixels. */
  static double bodyRadius(GateType type) {
    return switch (type) {
      case EMERGENCY -> 12;
      case DEDICATED -> 9;
      default -> 7;
    };
  }

  /** Radius of the state ring, pixels; labels and other symbols keep outside it. */
  static double ringRadius(GateType type) {
    return bodyRadius(type) + (type == GateType.EMERGENCY ? 5 : 5.5);
  }

  /**
   * A gate symbol: group with classes {@code gate}, {@code gate-<type>} and {@code gate-state-<state>},
   * children (halo,) state ring, body, (cross).
   */
  static Group symbol(GateType type, GateState state) {
    List<Shape> shapes = new ArrayList<>();
    if (type == GateType.EMERGENCY) {
      Circle halo = new Circle(ringRadius(type) + 6);
      halo.getStyleClass().add(MapStyles.GATE_HALO);
      shapes.add(halo);
    }
    Circle ring = new Circle(ringRadius(type));
    ring.getStyleClass().add(MapStyles.GATE_STATE_RING);
    shapes.add(ring);
    Shape body = switch (type) {
      case COMPREHENSIVE -> new Rectangle(-7, -7, 14, 14);
      case DEDICATED -> new Polygon(0, -9, 9, 0, 0, 9, -9, 0);
      case EMERGENCY -> new Circle(bodyRadius(type));
      default -> new Circle(bodyRadius(type));
    };
    body.getStyleClass().add(MapStyles.GATE_SYMBOL);
    shapes.add(body);
    if (type == GateType.EMERGENCY) {
      Path cross = new Path(new MoveTo(-6, 0), new LineTo(6, 0), new MoveTo(0, -6), new LineTo(0, 6));
      cross.getStyleClass().add(MapStyles.GATE_MARK);
      shapes.add(cross);
    }
    Group group = new Group();
    group.getChildren().addAll(shapes);
    group.getStyleClass().addAll(MapStyles.GATE, MapStyles.gate(type), MapStyles.gateState(state));
    return group;
  }

  /** Replaces the symbol's state class. */
  static void showState(Group symbol, GateState state) {
    for (GateState s : GateState.values()) {
      if (s != state) {
        symbol.getStyleClass().remove(MapStyles.gateState(s));
      }
    }
    if (!symbol.getStyleClass().contains(MapStyles.gateState(state))) {
      symbol.getStyleClass().add(MapStyles.gateState(state));
    }
  }

  static Shape ring(Group symbol) {
    return (Shape) symbol.getChildren().stream()
        .filter(n -> n.getStyleClass().contains(MapStyles.GATE_STATE_RING))
        .findFirst()
        .orElseThrow();
  }
}
