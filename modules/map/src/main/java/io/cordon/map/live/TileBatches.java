package io.cordon.map.live;

import java.util.function.IntFunction;
import javafx.scene.canvas.GraphicsContext;

/**
 * Path batches keyed by colour slot and screen tile. The software pipeline (Marlin) rasterises a
 * path through a coverage mask of its whole bounding box, so one path of 400 arrows spread over
 * the map costs a full-screen mask; grouping by colour <em>and</em> by {@value #TILE_PX}-pixel tile keeps
 * the number of paths small and each bounding box tight. Batches are created on first use and
 * reused, so a steady redraw allocates nothing.
 */
final class TileBatches {
  static final int TILE_PX = 128;

  private final int slots;
  private int cols = 1;
  private int rows = 1;
  private PathBatch[] batches;
  private int[] used = new int[64];
  private int usedCount;

  TileBatches(int slots) {
    this.slots = slots;
    this.batches = new PathBatch[slots];
  }

  /** Empties every batch and fits the tile grid to a width × height canvas. */
  void clear(double width, double height) {
    for (int i = 0; i < usedCount; i++) {
      batches[used[i]].clear();
    }
    usedCount = 0;
    int c = Math.max(1, (int) Math.ceil(width / TILE_PX));
    int r = Math.max(1, (int) Math.ceil(height / TILE_PX));
    if (c != cols || r != rows) {
      cols = c;
      rows = r;
      batches = new PathBatch[slots * cols * rows];
    }
  }

  /** The batch of a colour slot for the tile holding (x, y); points off the canvas go to the nearest tile. */
  PathBatch at(int slot, double x, double y) {
    int col = Math.max(0, Math.min(cols - 1, (int) (x / TILE_PX)));
    int row = Math.max(0, Math.min(rows - 1, (int) (y / TILE_PX)));
    int index = (slot * rows + row) * cols + col;
    PathBatch batch = batches[index];
    if (batch == null) {
      batch = new PathBatch();
      batches[index] = batch;
    }
    if (batch.isEmpty()) {
      if (usedCount == used.length) {
        used = java.util.Arrays.copyOf(used, usedCount * 2);
      }
      used[usedCount++] = index;
    }
    return batch;
  }

  /** Fills every non-empty batch, slot by slot in slot order, with the slot's paint set once. */
  void fill(GraphicsContext gc, IntFunction<javafx.scene.paint.Paint> paint) {
    draw(gc, paint, true);
  }

  /** Strokes every non-empty batch, slot by slot, with the gc's current line settings. */
  void stroke(GraphicsContext gc, IntFunction<javafx.scene.paint.Paint> paint) {
    draw(gc, paint, false);
  }

  /** How many paths the last draw will issue; tests and the bench look at it. */
  int pathCount() {
    return usedCount;
  }

  private void draw(GraphicsContext gc, IntFunction<javafx.scene.paint.Paint> paint, boolean fill) {
    int perSlot = cols * rows;
    for (int slot = 0; slot < slots; slot++) {
      boolean paintSet = false;
      for (int t = 0; t < perSlot; t++) {
        PathBatch batch = batches[slot * perSlot + t];
        if (batch == null || batch.isEmpty()) {
          continue;
        }
        if (!paintSet) {
          if (fill) {
            gc.setFill(paint.apply(slot));
          } else {
            gc.setStroke(paint.apply(slot));
          }
          paintSet = true;
        }
        batch.appendTo(gc);
        if (fill) {
          gc.fill();
        } else {
          gc.stroke();
        }
      }
    }
  }
}
