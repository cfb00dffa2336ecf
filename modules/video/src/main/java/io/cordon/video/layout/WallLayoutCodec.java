package io.cordon.video.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Text form of layouts for the workstation's settings, one layout per line:
 * {@code name|COLUMNSxROWS|c,r c,r,colSpan,rowSpan …}, e.g. {@code 1+5|3x3|0,0,2,2 2,0 2,1 0,2 1,2 2,2}.
 * Readable and diffable by an administrator; decoding rejects anything malformed with the reason.
 */
public final class WallLayoutCodec {
  private WallLayoutCodec() {
  }

  public static String encode(WallLayout layout) {
    StringBuilder out = new StringBuilder(layout.name()).append('|')
        .append(layout.columns()).append('x').append(layout.rows()).append('|');
    for (int i = 0; i < layout.cells().size(); i++) {
      LayoutCell cell = layout.cells().get(i);
      if (i > 0) {
        out.append(' ');
      }
      out.append(cell.column()).append(',').append(cell.row());
      if (cell.columnSpan() != 1 || cell.rowSpan() != 1) {
        out.append(',').append(cell.columnSpan()).append(',').append(cell.rowSpan());
      }
    }
    return out.toString();
  }

  public static WallLayout decode(String text) {
    String[] parts = text.strip().split("\\|", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("layout must be name|COLSxROWS|cells: " + text);
    }
    String[] grid = parts[1].strip().split("x", -1);
    if (grid.length != 2) {
      throw new IllegalArgumentException("grid must be COLSxROWS: " + parts[1]);
    }
    List<LayoutCell> cells = new ArrayList<>();
    for (String cell : parts[2].strip().split("\\s+")) {
      String[] n = cell.split(",", -1);
      if (n.length == 2) {
        cells.add(LayoutCell.at(number(n[0], cell), number(n[1], cell)));
      } else if (n.length == 4) {
        cells.add(new LayoutCell(number(n[0], cell), number(n[1], cell), number(n[2], cell), number(n[3], cell)));
      } else {
        throw new IllegalArgumentException("cell must be c,r or c,r,colSpan,rowSpan: " + cell);
      }
    }
    return new WallLayout(parts[0].strip(), number(grid[0], parts[1]), number(grid[1], parts[1]), cells);
  }

  public static String encodeAll(List<WallLayout> layouts) {
    StringBuilder out = new StringBuilder();
    layouts.forEach(l -> out.append(encode(l)).append('\n'));
    return out.toString();
  }

  public static List<WallLayout> decodeAll(String text) {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .map(WallLayoutCodec::decode).toList();
  }

  private static int number(String s, String context) {
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number '" + s + "' in " + context, e);
    }
  }
}
