package io.cordon.map.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TileSourcesTest {
  @TempDir Path dir;

  @Test
  void aFolderOpensAsAnXyzTileFolder() throws Exception {
    Path folder = TileFixtures.xyzFolder(dir.resolve("tiles"), 12, 13, TilesTestPark.SURROUNDINGS);

    try (TileSource source = TileSources.open(folder)) {
      assertThat(source).isInstanceOf(XyzTileFolder.class);
      assertThat(source.maxZoom()).isEqualTo(13);
    }
  }

  @Test
  void aFileOpensAsMbTiles() throws Exception {
    Path file = TileFixtures.mbtiles(dir.resolve("park.mbtiles"), 12, 13, TilesTestPark.SURROUNDINGS, Map.of("format", "png"));

    try (TileSource source = TileSources.open(file)) {
      assertThat(source).isInstanceOf(MbTilesFile.class);
      assertThat(source.maxZoom()).isEqualTo(13);
    }
  }

  @Test
  void aMissingPathIsReportedWithThePath() {
    Path missing = dir.resolve("no-such-tiles");

    assertThatThrownBy(() -> TileSources.open(missing))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("no tile folder or MBTiles file");
  }

  @Test
  void aFileThatIsNoTileSetIsReportedClearly() throws Exception {
    Path text = Files.writeString(dir.resolve("tiles.txt"), "z/x/y");

    assertThatThrownBy(() -> TileSources.open(text))
        .isInstanceOf(TileSourceException.class)
        .hasMessageContaining("not an MBTiles file");
  }

  @Test
  void anEmptyFolderIsReportedClearly() {
    assertThatThrownBy(() -> TileSources.open(dir))
        .isInstanceOf(TileSourceException.class)
        .hasMessageContaining("not a tile folder");
  }
}
