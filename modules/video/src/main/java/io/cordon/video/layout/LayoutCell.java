package io.cordon.video.layout;

/** One tile position in a wall grid: top-left cell and how many columns and rows it spans. */
public record LayoutCell(int column, int row, int columnSpan, int rowSpan) {
  public LayoutCell {
    if (column < 0 || row < 0 || columnSpan < 1 || rowSpan < 1) {
      throw new IllegalArgumentException("bad cell " + column + "," + row + " span " + columnSpan + "x" + rowSpan);
    }
  }

  public static LayoutCell at(int column, int row) {
    return new LayoutCell(column, row, 1, 1);
  }

  boolean covers(int c, int r) {
    return c >= column && c < column + columnSpan && r >= row && r < row + rowSpan;
  }
}
