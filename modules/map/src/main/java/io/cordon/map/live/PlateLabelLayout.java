package io.cordon.map.live;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the plate labels go (pure screen geometry, no JavaFX, so it is tested alone): labels are
 * taken most important first — the {@link #SELECTED selected} vehicle, then {@link #ALARM
 * violating or unbound} ones, then {@link #HAZMAT dangerous goods}, then the rest — and each is put
 * on the first of its {@link Side sides} where its box overlaps no label placed before it and
 * covers no other vehicle's marker; a label that fits nowhere is left out (its marker is still
 * drawn). The important ranks may cover markers as a last resort, never another label. Of vehicles
 * standing on (almost) the same spot, under {@value #STACK_PX} px apart, only the first is labelled:
 * a label beside a stack could name any of them.
 *
 * <p>Stable between frames, so labels do not flicker as vehicles move: within a rank, the plates
 * labelled last time go first and try their last side first; then plates in text order, so the
 * result does not depend on the order vehicles were offered in.
 *
 * <p>Cost: a sort of the offered labels (n log n) and, per label, at most {@link Side 8} box tests
 * against the few boxes in the grid cells it touches — no test of every label against every other.
 * One instance is reused between frames; after warm-up a layout allocates next to nothing.
 */
final class PlateLabelLayout {
  /** Ranks, most important first. */
  static final int SELECTED = 0;
  static final int ALARM = 1;
  static final int HAZMAT = 2;
  static final int OTHER = 3;

  /** Between a vehicle's marker and its label. */
  static final double GAP_PX = 2;
  /** Free space kept between two labels, so that neighbours do not touch. */
  static final double PADDING_PX = 2;
  /**
   * Vehicles closer than this (along both axes) stand on one spot and get one label: half an
   * arrow, about 5 m at the zoom plates appear from, less than a vehicle's length.
   */
  static final double STACK_PX = 8;

  /** Where a label sits around its vehicle, in the order they are tried (the cartographers' usual order). */
  enum Side { RIGHT, LEFT, ABOVE, BELOW, UPPER_RIGHT, LOWER_RIGHT, UPPER_LEFT, LOWER_LEFT }

  private static final Side[] SIDES = Side.values();
  private static final double CELL_W = 48;
  private static final double CELL_H = 16;
  private static final int MARKER = 0;
  private static final int LABEL = 1;
  private static final int ANCHOR = 2;

  // what was offered, by index
  private String[] plates = new String[64];
  private int[] ranks = new int[64];
  /** Per offer: x, y (marker centre), label width, label height, marker half size. */
  private double[] geometry = new double[64 * 5];
  private int size;
  // the outcome, by index
  private int[] sides = new int[64];
  private int placedCount;
  private Integer[] order = new Integer[0];
  private Integer[] boxedIndices = new Integer[0];
  private final Comparator<Integer> mostImportantFirst = this::compare;

  // boxes in a uniform grid: each box is linked into every cell it touches
  private final BoxGrid grid = new BoxGrid();

  // the last layout's sides by plate, and the one being built
  private Map<String, Side> lastSides = new HashMap<>();
  private Map<String, Side> newSides = new HashMap<>();

  /** Forgets the offers of the last layout (not where its labels went) and sizes the grid to the screen. */
  void clear(double width, double height) {
    Arrays.fill(plates, 0, size, null);
    size = 0;
    placedCount = 0;
    grid.reset(width, height);
  }

  /**
   * Offers a vehicle's label.
   *
   * @param x marker centre on screen
   * @param y marker centre on screen
   * @param labelWidth the label box's width
   * @param labelHeight the label box's height
   * @param markerHalf half the size of the vehicle's marker (with its ring), which no other label covers
   */
  void offer(String plate, int rank, double x, double y, double labelWidth, double labelHeight, double markerHalf) {
    if (size == plates.length) {
      int n = size * 2;
      plates = Arrays.copyOf(plates, n);
      ranks = Arrays.copyOf(ranks, n);
      sides = Arrays.copyOf(sides, n);
      geometry = Arrays.copyOf(geometry, n * 5);
    }
    plates[size] = plate;
    ranks[size] = rank;
    int g = size * 5;
    geometry[g] = x;
    geometry[g + 1] = y;
    geometry[g + 2] = labelWidth;
    geometry[g + 3] = labelHeight;
    geometry[g + 4] = markerHalf;
    sides[size] = -1;
    size++;
  }

  /** Places at most {@code max} labels; returns how many were placed. */
  int place(int max) {
    placedCount = 0;
    newSides.clear();
    if (order.length < size) {
      order = new Integer[plates.length];
    }
    if (boxedIndices.length < size) {
      Integer[] grown = Arrays.copyOf(boxedIndices, plates.length);
      for (int i = boxedIndices.length; i < grown.length; i++) {
        grown[i] = i;
      }
      boxedIndices = grown;
    }
    System.arraycopy(boxedIndices, 0, order, 0, size);
    Arrays.sort(order, 0, size, mostImportantFirst);
    for (int i = 0; i < size; i++) {
      int g = 5 * i;
      double half = geometry[g + 4];
      grid.add(geometry[g] - half, geometry[g + 1] - half, geometry[g] + half, geometry[g + 1] + half, MARKER);
    }
    for (int k = 0; k < size && placedCount < max; k++) {
      placeOne(order[k]);
    }
    Map<String, Side> swap = lastSides;
    lastSides = newSides;
    newSides = swap;
    return placedCount;
  }

  private void placeOne(int i) {
    int g = 5 * i;
    double x = geometry[g];
    double y = geometry[g + 1];
    if (grid.overlaps(x - STACK_PX, y - STACK_PX, x + STACK_PX, y + STACK_PX, ANCHOR, 0)) {
      return; // on top of a labelled vehicle
    }
    Side last = lastSides.get(plates[i]);
    int side = firstFree(i, last, true);
    if (side < 0 && ranks[i] < OTHER) {
      side = firstFree(i, last, false);
    }
    if (side < 0) {
      return;
    }
    sides[i] = side;
    grid.add(labelX(i), labelY(i), labelX(i) + geometry[g + 2], labelY(i) + geometry[g + 3], LABEL);
    grid.add(x, y, x, y, ANCHOR);
    newSides.put(plates[i], SIDES[side]);
    placedCount++;
  }

  /** The first side whose box is free, the last frame's side first; -1 if none. */
  private int firstFree(int i, Side last, boolean avoidMarkers) {
    if (last != null && free(i, last.ordinal(), avoidMarkers)) {
      return last.ordinal();
    }
    for (int side = 0; side < SIDES.length; side++) {
      if (free(i, side, avoidMarkers)) {
        return side;
      }
    }
    return -1;
  }

  private boolean free(int i, int side, boolean avoidMarkers) {
    int g = 5 * i;
    double x0 = boxX(i, side);
    double y0 = boxY(i, side);
    double x1 = x0 + geometry[g + 2];
    double y1 = y0 + geometry[g + 3];
    return !grid.overlaps(x0, y0, x1, y1, LABEL, PADDING_PX)
        && !(avoidMarkers && grid.overlaps(x0, y0, x1, y1, MARKER, 0));
  }

  private int compare(Integer a, Integer b) {
    int byRank = Integer.compare(ranks[a], ranks[b]);
    if (byRank != 0) {
      return byRank;
    }
    boolean aShown = lastSides.containsKey(plates[a]);
    if (aShown != lastSides.containsKey(plates[b])) {
      return aShown ? -1 : 1;
    }
    int byPlate = plates[a].compareTo(plates[b]);
    if (byPlate != 0) {
      return byPlate;
    }
    int byX = Double.compare(geometry[5 * a], geometry[5 * b]);
    return byX != 0 ? byX : Double.compare(geometry[5 * a + 1], geometry[5 * b + 1]);
  }

  /** How many labels the last {@link #place} placed. */
  int placedCount() {
    return placedCount;
  }

  /** How many labels were offered since {@link #clear}. */
  int size() {
    return size;
  }

  String plate(int i) {
    return plates[i];
  }

  /** Whether the label of offer {@code i} was placed. */
  boolean placed(int i) {
    return sides[i] >= 0;
  }

  /** The side the label of offer {@code i} went to, or null if it was left out. */
  Side side(int i) {
    return sides[i] < 0 ? null : SIDES[sides[i]];
  }

  double labelWidth(int i) {
    return geometry[5 * i + 2];
  }

  /** Left edge of the label box of a placed offer. */
  double labelX(int i) {
    return boxX(i, sides[i]);
  }

  /** Top edge of the label box of a placed offer. */
  double labelY(int i) {
    return boxY(i, sides[i]);
  }

  private double boxX(int i, int side) {
    int g = 5 * i;
    double x = geometry[g];
    double w = geometry[g + 2];
    double d = geometry[g + 4] + GAP_PX;
    return switch (SIDES[side]) {
      case RIGHT, UPPER_RIGHT, LOWER_RIGHT -> x + d;
      case LEFT, UPPER_LEFT, LOWER_LEFT -> x - d - w;
      case ABOVE, BELOW -> x - w / 2;
    };
  }

  private double boxY(int i, int side) {
    int g = 5 * i;
    double y = geometry[g + 1];
    double h = geometry[g + 3];
    double d = geometry[g + 4] + GAP_PX;
    return switch (SIDES[side]) {
      case RIGHT, LEFT -> y - h / 2;
      case ABOVE -> y - d - h;
      case BELOW -> y + d;
      // diagonal: the box's corner just off the marker's corner
      case UPPER_RIGHT, UPPER_LEFT -> y - geometry[g + 4] - h;
      case LOWER_RIGHT, LOWER_LEFT -> y + geometry[g + 4];
    };
  }

  /**
   * Boxes of three kinds (markers, labels, labelled positions) in a uniform grid sized to the
   * screen; boxes reaching past the screen are kept in its edge cells, so the overlap tests stay
   * exact off screen too. Reused: arrays only grow.
   */
  private static final class BoxGrid {
    private int cols;
    private int rows;
    private int[] head = new int[0];
    private double[] boxes = new double[4 * 256];
    private int[] kinds = new int[256];
    private int boxCount;
    private int[] linkBox = new int[1024];
    private int[] linkNext = new int[1024];
    private int linkCount;

    void reset(double width, double height) {
      cols = Math.max(1, (int) Math.ceil(Math.max(0, width) / CELL_W));
      rows = Math.max(1, (int) Math.ceil(Math.max(0, height) / CELL_H));
      if (head.length < cols * rows) {
        head = new int[cols * rows];
      }
      Arrays.fill(head, 0, cols * rows, -1);
      boxCount = 0;
      linkCount = 0;
    }

    void add(double x0, double y0, double x1, double y1, int kind) {
      if (boxCount == kinds.length) {
        kinds = Arrays.copyOf(kinds, boxCount * 2);
        boxes = Arrays.copyOf(boxes, boxCount * 8);
      }
      int b = boxCount++;
      boxes[4 * b] = x0;
      boxes[4 * b + 1] = y0;
      boxes[4 * b + 2] = x1;
      boxes[4 * b + 3] = y1;
      kinds[b] = kind;
      int c0 = col(x0);
      int c1 = col(x1);
      int r0 = row(y0);
      int r1 = row(y1);
      for (int r = r0; r <= r1; r++) {
        for (int c = c0; c <= c1; c++) {
          if (linkCount == linkBox.length) {
            linkBox = Arrays.copyOf(linkBox, linkCount * 2);
            linkNext = Arrays.copyOf(linkNext, linkCount * 2);
          }
          int cell = r * cols + c;
          linkBox[linkCount] = b;
          linkNext[linkCount] = head[cell];
          head[cell] = linkCount++;
        }
      }
    }

    /** Whether a box of the kind overlaps the given one grown by {@code padding}. */
    boolean overlaps(double x0, double y0, double x1, double y1, int kind, double padding) {
      double ax0 = x0 - padding;
      double ay0 = y0 - padding;
      double ax1 = x1 + padding;
      double ay1 = y1 + padding;
      int c0 = col(ax0);
      int c1 = col(ax1);
      int r0 = row(ay0);
      int r1 = row(ay1);
      for (int r = r0; r <= r1; r++) {
        for (int c = c0; c <= c1; c++) {
          for (int l = head[r * cols + c]; l >= 0; l = linkNext[l]) {
            int b = linkBox[l];
            if (kinds[b] == kind && ax0 < boxes[4 * b + 2] && boxes[4 * b] < ax1
                && ay0 < boxes[4 * b + 3] && boxes[4 * b + 1] < ay1) {
              return true;
            }
          }
        }
      }
      return false;
    }

    private int col(double x) {
      return Math.max(0, Math.min(cols - 1, (int) Math.floor(x / CELL_W)));
    }

    private int row(double y) {
      return Math.max(0, Math.min(rows - 1, (int) Math.floor(y / CELL_H)));
    }
  }
}
