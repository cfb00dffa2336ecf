package io.cordon.video.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A wall layout: a grid of columns × rows and the cells tiles occupy, in tile order (cell 0 is the
 * "big" one in 1+5 and 1+7, and the first place alarm cameras go). Cells must not overlap.
 */
public record WallLayout(String name, int columns, int rows, List<LayoutCell> cells) {
  public WallLayout {
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.contains("|") || name.contains("\n")) {
      throw new IllegalArgumentException("layout name must be non-blank without '|' or line breaks: " + name);
    }
    if (columns < 1 || rows < 1 || columns > 16 || rows > 16) {
      throw new IllegalArgumentException("grid must be 1..16 each way: " + columns + "x" + rows);
    }
    cells = List.copyOf(cells);
    if (cells.isEmpty()) {
      throw new IllegalArgumentException("layout " + name + " has no cells");
    }
    boolean[][] taken = new boolean[columns][rows];
    for (LayoutCell cell : cells) {
      if (cell.column() + cell.columnSpan() > columns || cell.row() + cell.rowSpan() > rows) {
        throw new IllegalArgumentException("cell " + cell + " lies outside the " + columns + "x" + rows + " grid");
      }
      for (int c = cell.column(); c < cell.column() + cell.columnSpan(); c++) {
        for (int r = cell.row(); r < cell.row() + cell.rowSpan(); r++) {
          if (taken[c][r]) {
            throw new IllegalArgumentException("cell " + cell + " overlaps another cell in layout " + name);
          }
          taken[c][r] = true;
        }
      }
    }
  }

  /** An n × n grid of equal tiles, named like "3x3". */
  public static WallLayout grid(int n) {
    List<LayoutCell> cells = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        cells.add(LayoutCell.at(c, r));
      }
    }
    return new WallLayout(n + "x" + n, n, n, cells);
  }

  /** One big tile of (n-1)×(n-1) cells top-left and small tiles along the right and bottom edges. */
  public static WallLayout onePlus(int n) {
    List<LayoutCell> cells = new ArrayList<>();
    cells.add(new LayoutCell(0, 0, n - 1, n - 1));
    for (int r = 0; r < n - 1; r++) {
      cells.add(LayoutCell.at(n - 1, r));
    }
    for (int c = 0; c < n; c++) {
      cells.add(LayoutCell.at(c, n - 1));
    }
    return new WallLayout("1+" + (cells.size() - 1), n, n, cells);
  }

  /**
   * A layout an operator designs: a columns × rows grid whose top-left bigColumns × bigRows cells are one
   * big tile (1 × 1: no big tile), the other cells small tiles in reading order. A 4 × 3 grid with a 2 × 2
   * big tile is "1+8" for a 16:9 monitor; 5 × 5 with 3 × 3 is 1+16.
   */
  public static WallLayout custom(String name, int columns, int rows, int bigColumns, int bigRows) {
    if (bigColumns < 1 || bigRows < 1 || bigColumns > columns || bigRows > rows) {
      throw new IllegalArgumentException("the big tile " + bigColumns + "x" + bigRows + " must fit the "
          + columns + "x" + rows + " grid");
    }
    List<LayoutCell> cells = new ArrayList<>();
    cells.add(new LayoutCell(0, 0, bigColumns, bigRows));
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        if (c >= bigColumns || r >= bigRows) {
          cells.add(LayoutCell.at(c, r));
        }
      }
    }
    return new WallLayout(name, columns, rows, cells);
  }

  public int tileCount() {
    return cells.size();
  }
}
