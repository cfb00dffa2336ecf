package io.cordon.map.tiles;

/** A WGS84 box in degrees, as MBTiles writes it ({@code left,bottom,right,top}). */
public record LonLatBounds(double west, double south, double east, double north) {
  public LonLatBounds {
    if (!(west <= east) || !(south <= north)) {
      throw new IllegalArgumentException("bounds must be west ≤ east and south ≤ north: "
          + west + "," + south + "," + east + "," + north);
    }
  }

  /** Parses {@code "118.80,32.10,118.84,32.13"}. */
  public static LonLatBounds parse(String leftBottomRightTop) {
    String[] parts = leftBottomRightTop.split(",");
    if (parts.length != 4) {
      throw new IllegalArgumentException("bounds need four numbers left,bottom,right,top: " + leftBottomRightTop);
    }
    return new LonLatBounds(
        Double.parseDouble(parts[0].trim()),
        Double.parseDouble(parts[1].trim()),
        Double.parseDouble(parts[2].trim()),
        Double.parseDouble(parts[3].trim()));
  }

  public boolean intersects(double otherWest, double otherSouth, double otherEast, double otherNorth) {
    return otherWest <= east && otherEast >= west && otherSouth <= north && otherNorth >= south;
  }
}
