package io.cordon.map.tiles;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Tiles in a folder tree {@code root/z/x/y.png} (or {@code .jpg}/{@code .jpeg}), as tile
 * exporters write them. The zoom range is read once from the numeric {@code z} folders present.
 */
public final class XyzTileFolder implements TileSource {
  private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg");

  private final Path root;
  private final int minZoom;
  private final int maxZoom;

  private XyzTileFolder(Path root, int minZoom, int maxZoom) {
    this.root = root;
    this.minZoom = minZoom;
    this.maxZoom = maxZoom;
  }

  /** Opens a tile folder; fails when it is missing or has no zoom folders. */
  public static XyzTileFolder open(Path folder) throws IOException {
    Path root = folder.toAbsolutePath().normalize();
    if (!Files.exists(root)) {
      throw new NoSuchFileException(root.toString(), null, "no tile folder here");
    }
    if (!Files.isDirectory(root)) {
      throw new NotDirectoryException(root.toString());
    }
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    try (DirectoryStream<Path> children = Files.newDirectoryStream(root, Files::isDirectory)) {
      for (Path child : children) {
        int z = zoomOf(child.getFileName().toString());
        if (z >= 0) {
          min = Math.min(min, z);
          max = Math.max(max, z);
        }
      }
    }
    if (min > max) {
      throw new TileSourceException(
          "not a tile folder: " + root + " has no zoom folders 0.." + WebMercatorTiles.MAX_ZOOM + " (expected z/x/y.png)");
    }
    return new XyzTileFolder(root, min, max);
  }

  private static int zoomOf(String name) {
    if (name.isEmpty() || name.length() > 2 || !name.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    int z = Integer.parseInt(name);
    return z <= WebMercatorTiles.MAX_ZOOM ? z : -1;
  }

  @Override
  public Optional<byte[]> tile(int z, int x, int y) throws IOException {
    if (z < minZoom || z > maxZoom || !new TileKey(z, x, y).isValid()) {
      return Optional.empty();
    }
    Path column = root.resolve(Integer.toString(z)).resolve(Integer.toString(x));
    for (String extension : EXTENSIONS) {
      try {
        return Optional.of(Files.readAllBytes(column.resolve(y + extension)));
      } catch (NoSuchFileException missing) {
        // try the next extension; a tile set mixes none, but exporters differ in what they write
      }
    }
    return Optional.empty();
  }

  @Override
  public int minZoom() {
    return minZoom;
  }

  @Override
  public int maxZoom() {
    return maxZoom;
  }

  @Override
  public String description() {
    return "XYZ tile folder " + root + " (zoom " + minZoom + "–" + maxZoom + ")";
  }

  /** Nothing to release: every tile read opens and closes its own file. */
  @Override
  public void close() {}
}
