package io.cordon.map.tiles;

/** One tile in the XYZ scheme: zoom, column from the west, row from the north. */
public record TileKey(int z, int x, int y) {
  public TileKey {
    if (z < 0 || z > WebMercatorTiles.MAX_ZOOM) {
      throw new IllegalArgumentException("zoom out of range: " + z);
    }
  }

  /** The tile {@code levels} zooms up that contains this one. */
  public TileKey ancestor(int levels) {
    return new TileKey(z - levels, x >> levels, y >> levels);
  }

  /** Whether x and y name a tile that exists at this zoom. */
  public boolean isValid() {
    int n = 1 << z;
    return x >= 0 && y >= 0 && x < n && y < n;
  }

  @Override
  public String toString() {
    return z + "/" + x + "/" + y;
  }
}
