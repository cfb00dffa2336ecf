package io.cordon.map.tiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opens the configured base map ({@code --tiles PATH}): a folder is read as an XYZ tile tree, a
 * file as MBTiles. Local files only.
 */
public final class TileSources {
  private TileSources() {}

  /**
   * Opens the tile set at {@code path}.
   *
   * @throws NoSuchFileException when nothing is at the path
   * @throws TileSourceException when the path holds something that is not a readable tile set
   */
  public static TileSource open(Path path) throws IOException {
    Path absolute = path.toAbsolutePath().normalize();
    if (Files.isDirectory(absolute)) {
      return XyzTileFolder.open(absolute);
    }
    if (Files.isRegularFile(absolute)) {
      return MbTilesFile.open(absolute);
    }
    if (Files.exists(absolute)) {
      throw new TileSourceException("not a tile folder or MBTiles file: " + absolute);
    }
    throw new NoSuchFileException(absolute.toString(), null, "no tile folder or MBTiles file here");
  }
}
