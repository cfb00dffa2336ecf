package io.cordon.map.plan;

import io.cordon.map.LayerKind;
import io.cordon.map.MapStyles;
import java.util.List;
import java.util.Objects;
import javafx.scene.control.Label;

/**
 * A label of the plan as the declutter pass sees it: the node, who wins on overlap, which layer
 * switch hides it, and where it wants to go. The drawing that owns the label sets the screen
 * anchor, the rotation and whether it is wanted at the current zoom; the declutter pass decides
 * whether it is shown and on which side of the anchor.
 */
final class PlanLabel {
  /** Where the label sits relative to its anchor point. */
  enum Side { CENTER, RIGHT, LEFT, ABOVE, BELOW }

  private final Label node;
  private final LabelPriority priority;
  private final LayerKind layer;
  private final List<Side> sides;
  private double gapPx;
  private double anchorX;
  private double anchorY;
  private double rotateDeg;
  private boolean wanted = true;

  /**
   * @param sides the sides to try in order; the first that overlaps nothing wins
   * @param gapPx the distance between the anchor and the label on the non-centre sides
   */
  PlanLabel(Label node, LabelPriority priority, LayerKind layer, List<Side> sides, double gapPx) {
    this.node = Objects.requireNonNull(node, "node");
    this.priority = Objects.requireNonNull(priority, "priority");
    this.layer = Objects.requireNonNull(layer, "layer");
    this.sides = List.copyOf(sides);
    this.gapPx = gapPx;
    node.getStyleClass().add(MapStyles.PLAN_LABEL);
    node.setMouseTransparent(true);
    node.setManaged(false);
    node.setVisible(false);
  }

  Label node() {
    return node;
  }

  LabelPriority priority() {
    return priority;
  }

  LayerKind layer() {
    return layer;
  }

  List<Side> sides() {
    return sides;
  }

  double gapPx() {
    return gapPx;
  }

  /** Changes the distance to the anchor, e.g. to put a lot's label just outside the lot. */
  void gapPx(double value) {
    gapPx = value;
  }

  /** Screen position of the point the label belongs to, in the plan's pixel space. */
  void anchor(double x, double y) {
    anchorX = x;
    anchorY = y;
  }

  double anchorX() {
    return anchorX;
  }

  double anchorY() {
    return anchorY;
  }

  /** Rotation around the label's centre (road names follow their road); 0 for the others. */
  void rotate(double degrees) {
    rotateDeg = degrees;
  }

  double rotateDeg() {
    return rotateDeg;
  }

  /** Whether the owner wants the label at the current zoom (e.g. too small a zone says no). */
  void wanted(boolean value) {
    wanted = value;
  }

  boolean wanted() {
    return wanted;
  }
}
