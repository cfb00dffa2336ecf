package io.cordon.map.plan;

import io.cordon.domain.gate.GateState;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.GateType;
import io.cordon.map.LayerKind;
import io.cordon.map.MapContext;
import io.cordon.map.MapState;
import io.cordon.map.MapStyles;
import io.cordon.map.MapViewport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.MapChangeListener;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.shape.Shape;
import org.locationtech.jts.geom.Envelope;

/**
 * Gates as symbols by type (see {@link GateSymbols}; node id = gate id, user data =
 * {@link GateId}) with a ring coloured by the live state from {@link MapState#gateStates()}; a
 * gate in fault blinks. Emergency gates are drawn last (on top) and named first. Names go on the
 * park's inner side of the gate where possible, where the map has room.
 */
final class GateDrawing implements PlanDrawing {
  private static final long BLINK_HALF_PERIOD_NANOS = 450_000_000L;
  private static final double BLINK_DIM_OPACITY = 0.2;

  private final MapState state;
  private final Group group = new Group();
  private final Map<GateId, Placed> gates = new HashMap<>();
  private final List<Placed> drawOrder = new ArrayList<>();

  GateDrawing(MapState state) {
    this.state = state;
    group.visibleProperty().bind(state.visibleProperty(LayerKind.GATES));
    state.gateStates().addListener((MapChangeListener<GateId, GateState>) change -> {
      Placed gate = gates.get(change.getKey());
      if (gate != null) {
        showState(gate);
      }
    });
  }

  @Override
  public Node node() {
    return group;
  }

  @Override
  public void build(MapContext context, List<PlanLabel> labels) {
    group.getChildren().clear();
    gates.clear();
    drawOrder.clear();
    Envelope bounds = context.metreBounds();
    List<Gate> sorted = new ArrayList<>(context.park().gates());
    sorted.sort(Comparator.comparing((Gate g) -> g.type() == GateType.EMERGENCY));
    for (Gate gate : sorted) {
      Group symbol = GateSymbols.symbol(gate.type(), GateState.UNKNOWN);
      symbol.setId(gate.id().value());
      symbol.setUserData(gate.id());
      group.getChildren().add(symbol);
      double x = context.x(gate.position().getX());
      double y = context.y(gate.position().getY());
      Label name = new Label(gate.name());
      name.getStyleClass().addAll(MapStyles.GATE_LABEL, MapStyles.gate(gate.type()) + "-label");
      PlanLabel label = new PlanLabel(name,
          gate.type() == GateType.EMERGENCY ? LabelPriority.EMERGENCY_GATE : LabelPriority.GATE,
          LayerKind.GATES, inwardSides(x, y, bounds), GateSymbols.ringRadius(gate.type()) + 3);
      labels.add(label);
      Placed placed = new Placed(gate, symbol, GateSymbols.ring(symbol), label, x, y);
      gates.put(gate.id(), placed);
      drawOrder.add(placed);
      showState(placed);
    }
  }

  /** The side facing the park's centre first: a gate sits on the perimeter, outside is off the plan. */
  private static List<PlanLabel.Side> inwardSides(double x, double y, Envelope bounds) {
    double dx = (x - bounds.centre().x) / Math.max(1, bounds.getWidth());
    double dy = (y - bounds.centre().y) / Math.max(1, bounds.getHeight());
    PlanLabel.Side horizontal = dx > 0 ? PlanLabel.Side.LEFT : PlanLabel.Side.RIGHT;
    PlanLabel.Side otherHorizontal = dx > 0 ? PlanLabel.Side.RIGHT : PlanLabel.Side.LEFT;
    PlanLabel.Side vertical = dy > 0 ? PlanLabel.Side.BELOW : PlanLabel.Side.ABOVE;
    PlanLabel.Side otherVertical = dy > 0 ? PlanLabel.Side.ABOVE : PlanLabel.Side.BELOW;
    return Math.abs(dy) > Math.abs(dx)
        ? List.of(vertical, horizontal, otherHorizontal, otherVertical)
        : List.of(horizontal, vertical, otherVertical, otherHorizontal);
  }

  private void showState(Placed gate) {
    GateState now = state.gateStates().getOrDefault(gate.gate.id(), GateState.UNKNOWN);
    GateSymbols.showState(gate.symbol, now);
    if (now != GateState.FAULT) {
      gate.ring.setOpacity(1);
    }
  }

  @Override
  public void reproject(MapViewport v, VisibleArea visible) {
    for (Placed gate : drawOrder) {
      double sx = v.screenX(gate.x);
      double sy = v.screenY(gate.y);
      gate.symbol.setLayoutX(sx);
      gate.symbol.setLayoutY(sy);
      gate.label.anchor(sx, sy);
    }
  }

  /** Screen boxes of the gate symbols, which labels must not cover; empty when gates are hidden. */
  List<LabelDeclutter.Box> symbolBoxes() {
    List<LabelDeclutter.Box> boxes = new ArrayList<>();
    if (!group.isVisible()) {
      return boxes;
    }
    for (Placed gate : drawOrder) {
      double r = GateSymbols.ringRadius(gate.gate.type()) + 1;
      boxes.add(LabelDeclutter.Box.around(gate.symbol.getLayoutX(), gate.symbol.getLayoutY(), r, r));
    }
    return boxes;
  }

  /** Blinks the rings of gates in fault: two steps a second, so the scene repaints only then. */
  void frame(long nowNanos) {
    double opacity = (nowNanos / BLINK_HALF_PERIOD_NANOS) % 2 == 0 ? 1 : BLINK_DIM_OPACITY;
    for (Placed gate : drawOrder) {
      if (state.gateStates().get(gate.gate.id()) == GateState.FAULT && gate.ring.getOpacity() != opacity) {
        gate.ring.setOpacity(opacity);
      }
    }
  }

  private record Placed(Gate gate, Group symbol, Shape ring, PlanLabel label, double x, double y) {}
}
