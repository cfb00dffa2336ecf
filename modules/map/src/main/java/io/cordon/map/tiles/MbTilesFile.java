package io.cordon.map.tiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Raster tiles from an MBTiles 1.3 file: an SQLite database with a {@code tiles} table (rows in
 * the TMS scheme, counted from the south) and a {@code metadata} table. Opened read-only and
 * immutable, so a file in a read-only install directory or on read-only media works: SQLite then
 * takes no locks and writes no journal next to it. One connection, used by one thread at a time.
 */
public final class MbTilesFile implements TileSource {
  private static final Logger LOG = LoggerFactory.getLogger(MbTilesFile.class);
  private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private final Path file;
  private final Connection connection;
  private final PreparedStatement select;
  private final Map<String, String> metadata;
  private final int minZoom;
  private final int maxZoom;
  private final LonLatBounds bounds;
  private boolean closed;

  private MbTilesFile(Path file, Connection connection, Map<String, String> metadata, int[] zooms, LonLatBounds bounds)
      throws SQLException {
    this.file = file;
    this.connection = connection;
    this.metadata = metadata;
    this.minZoom = zooms[0];
    this.maxZoom = zooms[1];
    this.bounds = bounds;
    this.select = connection.prepareStatement(
        "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?");
  }

  /** Opens an MBTiles file read-only; fails with a clear message when it is not a raster MBTiles file. */
  public static MbTilesFile open(Path path) throws IOException {
    Path file = path.toAbsolutePath().normalize();
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString(), null, "no MBTiles file here");
    }
    if (!Files.isRegularFile(file)) {
      throw new TileSourceException("not an MBTiles file: " + file + " is not a regular file");
    }
    if (!hasSqliteHeader(file)) {
      throw new TileSourceException("not an MBTiles file: " + file + " is not an SQLite database");
    }
    Connection connection = null;
    try {
      connection = connect(file);
      if (!hasTable(connection, "tiles")) {
        throw new TileSourceException("not an MBTiles file: " + file + " has no tiles table");
      }
      Map<String, String> metadata = hasTable(connection, "metadata") ? readMetadata(connection) : Map.of();
      String format = metadata.getOrDefault("format", "").toLowerCase(Locale.ROOT);
      if (format.equals("pbf") || format.equals("mvt")) {
        throw new TileSourceException("vector MBTiles (format " + format + ") cannot be drawn: " + file
            + " — export the base map as raster (png or jpg) tiles");
      }
      int[] zooms = zoomRange(connection, metadata, file);
      MbTilesFile source = new MbTilesFile(file, connection, metadata, zooms, parseBounds(metadata.get("bounds"), file));
      LOG.info("Opened {}", source.description());
      return source;
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new TileSourceException("cannot read MBTiles file " + file + ": " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  private static boolean hasSqliteHeader(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
    }
  }

  private static Connection connect(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setOpenMode(SQLiteOpenMode.OPEN_URI);
    // A file: URI (percent-encoded, so any path works) with immutable=1: no locks, no journal, no writes.
    return config.createConnection("jdbc:sqlite:file:" + file.toUri().getRawPath() + "?immutable=1");
  }

  private static boolean hasTable(Connection connection, String name) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT 1 FROM sqlite_master WHERE name = ? AND type IN ('table', 'view')")) {
      query.setString(1, name);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }

  private static Map<String, String> readMetadata(Connection connection) throws SQLException {
    Map<String, String> metadata = new LinkedHashMap<>();
    try (Statement query = connection.createStatement();
        ResultSet rows = query.executeQuery("SELECT name, value FROM metadata")) {
      while (rows.next()) {
        if (rows.getString(1) != null && rows.getString(2) != null) {
          metadata.put(rows.getString(1).trim().toLowerCase(Locale.ROOT), rows.getString(2).trim());
        }
      }
    }
    return Map.copyOf(metadata);
  }

  /** From minzoom/maxzoom in the metadata, or from the tiles themselves when those are absent. */
  private static int[] zoomRange(Connection connection, Map<String, String> metadata, Path file)
      throws SQLException, TileSourceException {
    Integer min = parseZoom(metadata.get("minzoom"));
    Integer max = parseZoom(metadata.get("maxzoom"));
    if (min == null || max == null) {
      try (Statement query = connection.createStatement();
          ResultSet rows = query.executeQuery("SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles")) {
        rows.next();
        if (rows.getObject(1) == null) {
          throw new TileSourceException("MBTiles file " + file + " has no tiles");
        }
        min = min == null ? rows.getInt(1) : min;
        max = max == null ? rows.getInt(2) : max;
      }
    }
    if (min < 0 || max > WebMercatorTiles.MAX_ZOOM || min > max) {
      throw new TileSourceException("MBTiles file " + file + " has an invalid zoom range " + min + "–" + max);
    }
    return new int[] {min, max};
  }

  private static Integer parseZoom(String value) {
    try {
      return value == null ? null : Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static LonLatBounds parseBounds(String value, Path file) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LonLatBounds.parse(value);
    } catch (IllegalArgumentException e) {
      LOG.warn("Ignoring the bounds of {}: {}", file, e.getMessage());
      return null;
    }
  }

  @Override
  public synchronized Optional<byte[]> tile(int z, int x, int y) throws IOException {
    if (closed) {
      throw new IOException("MBTiles file closed: " + file);
    }
    if (z < minZoom || z > maxZoom || !new TileKey(z, x, y).isValid()) {
      return Optional.empty();
    }
    try {
      select.setInt(1, z);
      select.setInt(2, x);
      select.setInt(3, (1 << z) - 1 - y); // MBTiles rows are TMS: counted from the south
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.ofNullable(rows.getBytes(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IOException("cannot read tile " + z + "/" + x + "/" + y + " from " + file + ": " + e.getMessage(), e);
    }
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
  public Optional<LonLatBounds> bounds() {
    return Optional.ofNullable(bounds);
  }

  /** The metadata table, names lower-cased (name, format, bounds, minzoom, maxzoom, attribution…). */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** The tile image format the file declares ({@code png}, {@code jpg}…), if it does. */
  public Optional<String> format() {
    return Optional.ofNullable(metadata.get("format"));
  }

  @Override
  public String description() {
    String name = metadata.get("name");
    return "MBTiles " + (name == null ? "" : "\"" + name + "\" ") + file + " (zoom " + minZoom + "–" + maxZoom + ")";
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      closeQuietly(connection);
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.debug("Closing an MBTiles connection failed", e);
    }
  }
}
