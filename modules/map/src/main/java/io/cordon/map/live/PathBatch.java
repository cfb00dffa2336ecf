package io.cordon.map.live;

import java.util.Arrays;
import javafx.scene.canvas.GraphicsContext;

/**
 * Screen-space path pieces collected for one colour (and alpha), replayed as a single
 * beginPath … fill/stroke: the software pipeline pays per path far more than per segment, so
 * thousands of small shapes of one colour become one path. Reused between redraws.
 */
final class PathBatch {
  private static final double PEN_UP = Double.NaN;

  private double[] xy = new double[256];
  private int size;

  void clear() {
    size = 0;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Starts a new sub-path at (x, y). */
  void moveTo(double x, double y) {
    ensure(4);
    xy[size++] = PEN_UP;
    xy[size++] = PEN_UP;
    xy[size++] = x;
    xy[size++] = y;
  }

  void lineTo(double x, double y) {
    ensure(2);
    xy[size++] = x;
    xy[size++] = y;
  }

  /** A closed polygon from interleaved x, y pairs. */
  void polygon(double... points) {
    moveTo(points[0], points[1]);
    for (int i = 2; i < points.length; i += 2) {
      lineTo(points[i], points[i + 1]);
    }
    lineTo(points[0], points[1]);
  }

  /** Replaces the context's current path with this batch's pieces. */
  void appendTo(GraphicsContext gc) {
    gc.beginPath();
    boolean move = true;
    for (int i = 0; i < size; i += 2) {
      double x = xy[i];
      if (Double.isNaN(x)) {
        move = true;
        continue;
      }
      if (move) {
        gc.moveTo(x, xy[i + 1]);
        move = false;
      } else {
        gc.lineTo(x, xy[i + 1]);
      }
    }
  }

  private void ensure(int more) {
    if (size + more > xy.length) {
      xy = Arrays.copyOf(xy, Math.max(xy.length * 2, size + more));
    }
  }
}
