package io.cordon.map.plan;

import io.cordon.map.LayerKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javafx.scene.control.Label;

/**
 * Greedy label placement: labels are taken in priority order and each is shown on the first of
 * its sides where its screen box overlaps no box placed before it (nor a symbol that must stay
 * readable); otherwise it is hidden. A plain list of boxes is enough for the few hundred labels of
 * a park; the pass runs on zoom, not on pan (panning moves every box alike).
 */
final class LabelDeclutter {
  /** Free space kept around each label so that neighbours do not touch. */
  static final double PADDING_PX = 2;

  private LabelDeclutter() {}

  /** An axis-aligned screen box. */
  record Box(double minX, double minY, double maxX, double maxY) {
    static Box around(double cx, double cy, double halfW, double halfH) {
      return new Box(cx - halfW, cy - halfH, cx + halfW, cy + halfH);
    }

    boolean overlaps(Box o, double padding) {
      return minX - padding < o.maxX && o.minX < maxX + padding
          && minY - padding < o.maxY && o.minY < maxY + padding;
    }
  }

  /**
   * Shows or hides every label.
   *
   * @param labels in priority order, highest first
   * @param obstacles boxes no label may cover (gate symbols)
   * @param layerOn whether a label's layer switch is on
   */
  static void place(List<PlanLabel> labels, List<Box> obstacles, Predicate<LayerKind> layerOn) {
    List<Box> taken = new ArrayList<>(obstacles);
    for (PlanLabel label : labels) {
      Label node = label.node();
      if (!label.wanted() || !layerOn.test(label.layer())) {
        node.setVisible(false);
        continue;
      }
      double w = Math.ceil(node.prefWidth(-1));
      double h = Math.ceil(node.prefHeight(w));
      double rad = Math.toRadians(label.rotateDeg());
      double halfW = (Math.abs(w * Math.cos(rad)) + Math.abs(h * Math.sin(rad))) / 2;
      double halfH = (Math.abs(w * Math.sin(rad)) + Math.abs(h * Math.cos(rad))) / 2;
      Box chosen = null;
      for (PlanLabel.Side side : label.sides()) {
        Box box = boxOn(side, label, halfW, halfH);
        if (free(box, taken)) {
          chosen = box;
          break;
        }
      }
      if (chosen == null) {
        node.setVisible(false);
        continue;
      }
      taken.add(chosen);
      double cx = (chosen.minX() + chosen.maxX()) / 2;
      double cy = (chosen.minY() + chosen.maxY()) / 2;
      node.resize(w, h);
      node.relocate(cx - w / 2, cy - h / 2);
      node.setRotate(label.rotateDeg());
      node.setVisible(true);
    }
  }

  private static Box boxOn(PlanLabel.Side side, PlanLabel label, double halfW, double halfH) {
    double ax = label.anchorX();
    double ay = label.anchorY();
    double gap = label.gapPx();
    return switch (side) {
      case RIGHT -> Box.around(ax + gap + halfW, ay, halfW, halfH);
      case LEFT -> Box.around(ax - gap - halfW, ay, halfW, halfH);
      case ABOVE -> Box.around(ax, ay - gap - halfH, halfW, halfH);
      case BELOW -> Box.around(ax, ay + gap + halfH, halfW, halfH);
      default -> Box.around(ax, ay, halfW, halfH);
    };
  }

  private static boolean free(Box box, List<Box> taken) {
    for (Box other : taken) {
      if (box.overlaps(other, PADDING_PX)) {
        return false;
      }
    }
    return true;
  }
}
