package io.cordon.map.live;

import io.cordon.domain.vehicle.VehicleClass;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;

/**
 * Vehicle arrows rendered once into one image: a row per vehicle class, a cell per heading step of
 * {@value #HEADING_STEP_DEG}°. A redraw then copies one small image per vehicle at a whole-pixel
 * position, which the software pipeline does far faster than scan-converting 2,000 polygons (plus
 * their outlines) on every redraw. Rebuilt when the palette or the arrow size changes. FX thread
 * only (snapshot).
 */
final class ArrowSprites {
  static final int HEADINGS = 36;
  static final double HEADING_STEP_DEG = 360.0 / HEADINGS;
  private static final VehicleClass[] CLASSES = VehicleClass.values();

  private final Image sheet;
  private final int cell;
  final double length;
  final boolean outlined;

  private ArrowSprites(Image sheet, int cell, double length, boolean outlined) {
    this.sheet = sheet;
    this.cell = cell;
    this.length = length;
    this.outlined = outlined;
  }

  static ArrowSprites render(LivePalette palette, double length, boolean outlined, Color outline) {
    int cell = ((int) Math.ceil(length * 1.3) + 5) & ~1; // even: a centred copy lands on whole pixels
    Canvas canvas = new Canvas(HEADINGS * cell, CLASSES.length * cell);
    GraphicsContext gc = canvas.getGraphicsContext2D();
    gc.setLineWidth(1);
    gc.setLineJoin(StrokeLineJoin.MITER);
    gc.setStroke(outline);
    double[] xs = new double[4];
    double[] ys = new double[4];
    for (VehicleClass vehicleClass : CLASSES) {
      gc.setFill(palette.vehicle(vehicleClass));
      double cy = vehicleClass.ordinal() * cell + cell / 2.0;
      for (int k = 0; k < HEADINGS; k++) {
        double cx = k * cell + cell / 2.0;
        arrow(cx, cy, k * HEADING_STEP_DEG, length, xs, ys);
        gc.fillPolygon(xs, ys, 4);
        if (outlined) {
          gc.strokePolygon(xs, ys, 4);
        }
      }
    }
    SnapshotParameters transparent = new SnapshotParameters();
    transparent.setFill(Color.TRANSPARENT);
    return new ArrowSprites(canvas.snapshot(transparent, null), cell, length, outlined);
  }

  /** A notched arrow centred on (sx, sy), tip along the heading (clockwise from north, screen y down). */
  static void arrow(double sx, double sy, double headingDeg, double len, double[] xs, double[] ys) {
    double rad = Math.toRadians(headingDeg);
    double dx = Math.sin(rad);
    double dy = -Math.cos(rad);
    double half = len * 0.36;
    double backX = sx - dx * len * 0.4;
    double backY = sy - dy * len * 0.4;
    xs[0] = sx + dx * len * 0.6;
    ys[0] = sy + dy * len * 0.6;
    xs[1] = backX - dy * half;
    ys[1] = backY + dx * half;
    xs[2] = sx - dx * len * 0.15;
    ys[2] = sy - dy * len * 0.15;
    xs[3] = backX + dy * half;
    ys[3] = backY - dx * half;
  }

  /** The heading step nearest a heading in degrees. */
  static int headingIndex(double headingDeg) {
    int k = (int) Math.round(headingDeg / HEADING_STEP_DEG) % HEADINGS;
    return k < 0 ? k + HEADINGS : k;
  }

  /** Copies the arrow of a class and heading step centred on whole pixel (x, y). */
  void draw(GraphicsContext gc, int classOrdinal, int heading, double x, double y) {
    double half = cell / 2.0;
    gc.drawImage(sheet, heading * cell, classOrdinal * cell, cell, cell, x - half, y - half, cell, cell);
  }
}
