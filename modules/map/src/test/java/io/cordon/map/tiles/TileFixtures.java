package io.cordon.map.tiles;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Tiny tile sets written by the tests themselves: every tile a solid colour derived from its
 * z/x/y, so a test can tell from a pixel which tile is drawn where.
 */
final class TileFixtures {
  static final int TILE_PIXELS = 256;

  private TileFixtures() {}

  /** A colour distinct from the neighbours' in every direction and from the map's dark background. */
  static Color colourOf(int z, int x, int y) {
    return new Color(60 + Math.floorMod(x * 53 + z * 17, 190), 60 + Math.floorMod(y * 71 + z * 29, 190), 60 + (z * 37) % 190);
  }

  static javafx.scene.paint.Color fxColourOf(TileKey key) {
    Color c = colourOf(key.z(), key.x(), key.y());
    return javafx.scene.paint.Color.rgb(c.getRed(), c.getGreen(), c.getBlue());
  }

  static byte[] png(Color colour) {
    return encode(solid(colour), "png");
  }

  static byte[] jpg(Color colour) {
    return encode(solid(colour), "jpg");
  }

  static BufferedImage solid(Color colour) {
    BufferedImage image = new BufferedImage(TILE_PIXELS, TILE_PIXELS, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(colour);
    g.fillRect(0, 0, TILE_PIXELS, TILE_PIXELS);
    g.dispose();
    return image;
  }

  static byte[] encode(BufferedImage image, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Colours back from an encoded tile, read at its centre. */
  static Color centreColour(byte[] encoded) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(encoded));
      return new Color(image.getRGB(image.getWidth() / 2, image.getHeight() / 2));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code root/z/x/y.png} for every tile of zooms minZ..maxZ touching the area. */
  static Path xyzFolder(Path root, int minZ, int maxZ, LonLatBounds area) throws IOException {
    for (int z = minZ; z <= maxZ; z++) {
      for (TileKey key : tilesCovering(area, z)) {
        Path file = root.resolve(z + "/" + key.x() + "/" + key.y() + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, png(colourOf(key.z(), key.x(), key.y())));
      }
    }
    return root;
  }

  /** An MBTiles file with the tiles of zooms minZ..maxZ touching the area, rows in the TMS scheme. */
  static Path mbtiles(Path file, int minZ, int maxZ, LonLatBounds area, Map<String, String> metadata)
      throws IOException, SQLException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
      createSchema(db, metadata);
      try (PreparedStatement insert = db.prepareStatement("INSERT INTO tiles VALUES (?, ?, ?, ?)")) {
        for (int z = minZ; z <= maxZ; z++) {
          for (TileKey key : tilesCovering(area, z)) {
            insert.setInt(1, z);
            insert.setInt(2, key.x());
            insert.setInt(3, (1 << z) - 1 - key.y());
            insert.setBytes(4, png(colourOf(key.z(), key.x(), key.y())));
            insert.addBatch();
          }
        }
        insert.executeBatch();
      }
    }
    return file;
  }

  static void createSchema(Connection db, Map<String, String> metadata) throws SQLException {
    try (Statement ddl = db.createStatement()) {
      ddl.execute("CREATE TABLE metadata (name TEXT, value TEXT)");
      ddl.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)");
      ddl.execute("CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)");
    }
    try (PreparedStatement insert = db.prepareStatement("INSERT INTO metadata VALUES (?, ?)")) {
      for (Map.Entry<String, String> entry : metadata.entrySet()) {
        insert.setString(1, entry.getKey());
        insert.setString(2, entry.getValue());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  static List<TileKey> tilesCovering(LonLatBounds area, int z) {
    int minX = (int) Math.floor(WebMercatorTiles.tileX(area.west(), z));
    int maxX = (int) Math.floor(WebMercatorTiles.tileX(area.east(), z));
    int minY = (int) Math.floor(WebMercatorTiles.tileY(area.north(), z));
    int maxY = (int) Math.floor(WebMercatorTiles.tileY(area.south(), z));
    List<TileKey> keys = new ArrayList<>();
    for (int x = minX; x <= maxX; x++) {
      for (int y = minY; y <= maxY; y++) {
        keys.add(new TileKey(z, x, y));
      }
    }
    return keys;
  }
}
