package io.cordon.map.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MbTilesFileTest {
  private static final Map<String, String> RASTER = Map.of(
      "name", "园区底图", "format", "png", "minzoom", "12", "maxzoom", "14", "bounds", "120.90,31.92,120.98,31.97");

  @TempDir Path dir;

  @Test
  void readsTileZxyFromTheFlippedTmsRow() throws Exception {
    Path file = dir.resolve("park.mbtiles");
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      TileFixtures.createSchema(db, RASTER);
      insert(db, 13, 6848, (1 << 13) - 1 - 3317, TileFixtures.png(Color.RED));
      insert(db, 13, 6848, 3317, TileFixtures.png(Color.BLUE)); // the unflipped row: must not be read
    }

    try (MbTilesFile tiles = MbTilesFile.open(file)) {
      assertThat(TileFixtures.centreColour(tiles.tile(13, 6848, 3317).orElseThrow())).isEqualTo(Color.RED);
      assertThat(TileFixtures.centreColour(tiles.tile(13, 6848, (1 << 13) - 1 - 3317).orElseThrow())).isEqualTo(Color.BLUE);
    }
  }

  @Test
  void returnsTheStoredBytesOfEveryTile() throws Exception {
    Path file = TileFixtures.mbtiles(dir.resolve("park.mbtiles"), 12, 13, TilesTestPark.SURROUNDINGS, RASTER);

    try (MbTilesFile tiles = MbTilesFile.open(file)) {
      for (TileKey key : TileFixtures.tilesCovering(TilesTestPark.SURROUNDINGS, 13)) {
        assertThat(tiles.tile(key.z(), key.x(), key.y()))
            .as("tile %s", key)
            .hasValueSatisfying(bytes -> assertThat(TileFixtures.centreColour(bytes))
                .isEqualTo(TileFixtures.colourOf(key.z(), key.x(), key.y())));
      }
    }
  }

  @Test
  void aTileNotInTheFileIsEmpty() throws Exception {
    Path file = TileFixtures.mbtiles(dir.resolve("park.mbtiles"), 12, 13, TilesTestPark.SURROUNDINGS, RASTER);

    try (MbTilesFile tiles = MbTilesFile.open(file)) {
      assertThat(tiles.tile(13, 0, 0)).isEmpty();
      assertThat(tiles.tile(18, 219_000, 106_000)).isEmpty();
    }
  }

  @Test
  void readsZoomRangeFormatAndBoundsFromTheMetadata() throws Exception {
    Path file = TileFixtures.mbtiles(dir.resolve("park.mbtiles"), 12, 13, TilesTestPark.SURROUNDINGS, RASTER);

    try (MbTilesFile tiles = MbTilesFile.open(file)) {
      assertThat(tiles.minZoom()).isEqualTo(12);
      assertThat(tiles.maxZoom()).isEqualTo(14);
      assertThat(tiles.format()).hasValue("png");
      assertThat(tiles.metadata()).containsEntry("name", "园区底图");
      LonLatBounds bounds = tiles.bounds().orElseThrow();
      assertThat(bounds.west()).isCloseTo(120.90, within(1e-12));
      assertThat(bounds.north()).isCloseTo(31.97, within(1e-12));
      assertThat(tiles.description()).contains("园区底图").contains("12–14");
    }
  }

  @Test
  void withoutZoomMetadataTheZoomRangeComesFromTheTiles() throws Exception {
    Path file = TileFixtures.mbtiles(dir.resolve("park.mbtiles"), 11, 13, TilesTestPark.SURROUNDINGS, Map.of("format", "png"));

    try (MbTilesFile tiles = MbTilesFile.open(file)) {
      assertThat(tiles.minZoom()).isEqualTo(11);
      assertThat(tiles.maxZoom()).isEqualTo(13);
      assertThat(tiles.bounds()).isEmpty();
    }
  }

  @Test
  void readingLeavesTheFileAndItsFolderUntouched() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("install/tiles"));
    Path file = TileFixtures.mbtiles(folder.resolve("park.mbtiles"), 12, 13, TilesTestPark.SURROUNDINGS, RASTER);
    FileTime modified = Files.getLastModifiedTime(file);
    byte[] before = Files.readAllBytes(file);

    try (MbTilesFile tiles = MbTilesFile.open(file)) {
      tiles.tile(13, 6848, 3317);
    }

    assertThat(list(folder)).containsExactly(file);
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
  }

  @Test
  void opensAFileWhosePathHasSpacesAndChineseCharacters() throws Exception {
    Path file = TileFixtures.mbtiles(dir.resolve("底图 数据/园区 #1.mbtiles"), 12, 12, TilesTestPark.SURROUNDINGS, RASTER);

    try (MbTilesFile tiles = MbTilesFile.open(file)) {
      TileKey key = TileFixtures.tilesCovering(TilesTestPark.SURROUNDINGS, 12).get(0);
      assertThat(tiles.tile(key.z(), key.x(), key.y())).isPresent();
    }
  }

  @Test
  void aVectorTileFileIsRejectedWithAReason() throws Exception {
    Path file = TileFixtures.mbtiles(dir.resolve("vector.mbtiles"), 12, 12, TilesTestPark.SURROUNDINGS, Map.of("format", "pbf"));

    assertThatThrownBy(() -> MbTilesFile.open(file))
        .isInstanceOf(TileSourceException.class)
        .hasMessageContaining("vector MBTiles")
        .hasMessageContaining("raster");
  }

  @Test
  void anSqliteDatabaseWithoutTilesIsNotAnMbTilesFile() throws Exception {
    Path file = dir.resolve("other.db");
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement ddl = db.createStatement()) {
      ddl.execute("CREATE TABLE people (name TEXT)");
    }

    assertThatThrownBy(() -> MbTilesFile.open(file))
        .isInstanceOf(TileSourceException.class)
        .hasMessageContaining("has no tiles table");
  }

  @Test
  void aFileThatIsNoDatabaseIsNotAnMbTilesFile() throws Exception {
    Path file = Files.writeString(dir.resolve("park.mbtiles"), "just some text, not SQLite");

    assertThatThrownBy(() -> MbTilesFile.open(file))
        .isInstanceOf(TileSourceException.class)
        .hasMessageContaining("not an SQLite database")
        .hasMessageContaining(file.toString());
  }

  @Test
  void aClosedFileRefusesToReadTiles() throws Exception {
    Path file = TileFixtures.mbtiles(dir.resolve("park.mbtiles"), 12, 12, TilesTestPark.SURROUNDINGS, RASTER);
    MbTilesFile tiles = MbTilesFile.open(file);
    tiles.close();

    assertThatThrownBy(() -> tiles.tile(12, 3424, 1658)).isInstanceOf(IOException.class).hasMessageContaining("closed");
  }

  private static void insert(Connection db, int z, int column, int row, byte[] data) throws SQLException {
    try (PreparedStatement insert = db.prepareStatement("INSERT INTO tiles VALUES (?, ?, ?, ?)")) {
      insert.setInt(1, z);
      insert.setInt(2, column);
      insert.setInt(3, row);
      insert.setBytes(4, data);
      insert.executeUpdate();
    }
  }

  private static List<Path> list(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.toList();
    }
  }
}
