package io.cordon.map.tiles;

import java.io.IOException;
import java.util.Optional;

/**
 * Raster base-map tiles from local files only (an XYZ folder or an MBTiles file); the map never
 * fetches from the network. Tiles are addressed in the XYZ scheme (Web Mercator, y counted from
 * the north). Implementations are read from tile-loading threads and must be thread-safe.
 */
public interface TileSource extends AutoCloseable {
  /** The encoded image (PNG or JPEG) of tile z/x/y, or empty when the source has none. */
  Optional<byte[]> tile(int z, int x, int y) throws IOException;

  int minZoom();

  int maxZoom();

  /** Where the source has tiles, when it says so; the map does not ask for tiles outside. */
  default Optional<LonLatBounds> bounds() {
    return Optional.empty();
  }

  /** Where the tiles come from, for the status line and logs. */
  String description();

  @Override
  void close();
}
