package io.cordon.map.live;

import io.cordon.domain.alarm.Severity;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;

/**
 * Alarm markers rendered once into one image: per severity a row of {@link AlarmLayer.Pulse#PHASES}
 * ring steps and the dot. Rebuilt when the palette changes. FX thread only (snapshot).
 */
final class AlarmSprites {
  /** Cell edge in pixels: room for the largest ring (critical, radius 22) with its stroke. */
  static final int CELL = 52;
  private static final Color DOT_OUTLINE = Color.rgb(255, 255, 255, 0.9);

  private final Image sheet;

  private AlarmSprites(Image sheet) {
    this.sheet = sheet;
  }

  static AlarmSprites render(LivePalette palette) {
    int cols = AlarmLayer.Pulse.PHASES + 1;
    Canvas canvas = new Canvas(cols * CELL, Severity.values().length * CELL);
    GraphicsContext gc = canvas.getGraphicsContext2D();
    for (Severity severity : Severity.values()) {
      double cy = severity.ordinal() * CELL + CELL / 2.0;
      Color colour = palette.alarm(severity);
      for (int k = 0; k < AlarmLayer.Pulse.PHASES; k++) {
        AlarmLayer.Pulse pulse = AlarmLayer.Pulse.at(severity, (k + 0.5) / AlarmLayer.Pulse.PHASES);
        if (pulse.ringAlpha() > 0) {
          double cx = k * CELL + CELL / 2.0;
          double r = pulse.ringRadius();
          gc.setStroke(colour.deriveColor(0, 1, 1, pulse.ringAlpha()));
          gc.setLineWidth(pulse.ringWidth());
          gc.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
        }
      }
      AlarmLayer.Pulse dot = AlarmLayer.Pulse.at(severity, 0);
      double cx = AlarmLayer.Pulse.PHASES * CELL + CELL / 2.0;
      double r = dot.dotRadius();
      gc.setFill(colour);
      gc.fillOval(cx - r, cy - r, 2 * r, 2 * r);
      gc.setStroke(DOT_OUTLINE);
      gc.setLineWidth(1.5);
      gc.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
    }
    SnapshotParameters transparent = new SnapshotParameters();
    transparent.setFill(Color.TRANSPARENT);
    return new AlarmSprites(canvas.snapshot(transparent, null));
  }

  /**
   * Draws the marker centred on integer pixel (x, y): the ring step (if it pulses), then the dot.
   * Each copies only the square its shape reaches, not the whole cell: the software pipeline pays
   * per pixel copied.
   */
  void draw(GraphicsContext gc, Severity severity, int phase, double x, double y) {
    double cellTop = severity.ordinal() * CELL;
    if (AlarmLayer.Pulse.periodMillis(severity) > 0) {
      copy(gc, phase * CELL, cellTop, ringSpan(severity), x, y);
    }
    copy(gc, AlarmLayer.Pulse.PHASES * CELL, cellTop, dotSpan(severity), x, y);
  }

  private void copy(GraphicsContext gc, double cellLeft, double cellTop, int span, double x, double y) {
    double inset = (CELL - span) / 2.0;
    double half = span / 2.0;
    gc.drawImage(sheet, cellLeft + inset, cellTop + inset, span, span, x - half, y - half, span, span);
  }

  /** Edge of the square (even, centred in the cell) the largest ring step of a severity fits in. */
  static int ringSpan(Severity severity) {
    AlarmLayer.Pulse widest = AlarmLayer.Pulse.at(severity, 1);
    return evenSpan(widest.ringRadius() + widest.ringWidth() / 2);
  }

  static int dotSpan(Severity severity) {
    return evenSpan(AlarmLayer.Pulse.at(severity, 0).dotRadius() + 0.75);
  }

  private static int evenSpan(double reach) {
    int span = 2 * ((int) Math.ceil(reach) + 1);
    return Math.min(CELL, span);
  }
}
