package io.cordon.video.layout;

import java.util.List;

/** The built-in layouts: 1, 2×2, 3×3, 4×4, 1+5, 1+7. */
public final class WallLayouts {
  public static final WallLayout SINGLE = new WallLayout("1", 1, 1, List.of(LayoutCell.at(0, 0)));
  public static final WallLayout GRID_2X2 = WallLayout.grid(2);
  public static final WallLayout GRID_3X3 = WallLayout.grid(3);
  public static final WallLayout GRID_4X4 = WallLayout.grid(4);
  public static final WallLayout ONE_PLUS_5 = WallLayout.onePlus(3);
  public static final WallLayout ONE_PLUS_7 = WallLayout.onePlus(4);

  private WallLayouts() {
  }

  public static List<WallLayout> builtIn() {
    return List.of(SINGLE, GRID_2X2, GRID_3X3, GRID_4X4, ONE_PLUS_5, ONE_PLUS_7);
  }

  /** The smallest equal grid that holds n tiles (1, 2×2, 3×3, else 4×4). */
  public static WallLayout smallestGridFor(int n) {
    if (n <= 1) {
      return SINGLE;
    }
    if (n <= 4) {
      return GRID_2X2;
    }
    return n <= 9 ? GRID_3X3 : GRID_4X4;
  }
}
