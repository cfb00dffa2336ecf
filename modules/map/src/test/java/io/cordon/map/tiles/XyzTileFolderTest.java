package io.cordon.map.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XyzTileFolderTest {
  @TempDir Path dir;

  @Test
  void returnsTheFileOfTileZxy() throws IOException {
    byte[] red = write("14/13696/6635.png", TileFixtures.png(Color.RED));
    write("14/13696/6636.png", TileFixtures.png(Color.BLUE));
    write("14/13697/6635.png", TileFixtures.png(Color.GREEN));

    try (XyzTileFolder folder = XyzTileFolder.open(dir)) {
      assertThat(folder.tile(14, 13696, 6635)).hasValue(red);
      assertThat(TileFixtures.centreColour(folder.tile(14, 13696, 6636).orElseThrow())).isEqualTo(Color.BLUE);
      assertThat(TileFixtures.centreColour(folder.tile(14, 13697, 6635).orElseThrow())).isEqualTo(Color.GREEN);
    }
  }

  @Test
  void readsJpegTilesToo() throws IOException {
    byte[] jpeg = write("14/13696/6635.jpg", TileFixtures.jpg(Color.ORANGE));

    try (XyzTileFolder folder = XyzTileFolder.open(dir)) {
      assertThat(folder.tile(14, 13696, 6635)).hasValue(jpeg);
    }
  }

  @Test
  void aTileNotInTheFolderIsEmpty() throws IOException {
    write("14/13696/6635.png", TileFixtures.png(Color.RED));

    try (XyzTileFolder folder = XyzTileFolder.open(dir)) {
      assertThat(folder.tile(14, 13696, 6636)).isEmpty();
      assertThat(folder.tile(14, 13690, 6635)).isEmpty();
      assertThat(folder.tile(14, -1, 6635)).isEmpty();
    }
  }

  @Test
  void theZoomRangeIsReadFromTheZoomFolders() throws IOException {
    write("12/3424/1658.png", TileFixtures.png(Color.RED));
    write("13/6848/3317.png", TileFixtures.png(Color.RED));
    write("16/54784/26540.png", TileFixtures.png(Color.RED));
    Files.createDirectories(dir.resolve("legend"));
    Files.writeString(dir.resolve("99"), "a file, not a zoom folder");

    try (XyzTileFolder folder = XyzTileFolder.open(dir)) {
      assertThat(folder.minZoom()).isEqualTo(12);
      assertThat(folder.maxZoom()).isEqualTo(16);
    }
  }

  @Test
  void aFolderWithoutZoomFoldersIsNotATileFolder() throws IOException {
    Files.createDirectories(dir.resolve("photos"));

    assertThatThrownBy(() -> XyzTileFolder.open(dir))
        .isInstanceOf(TileSourceException.class)
        .hasMessageContaining("not a tile folder")
        .hasMessageContaining(dir.toString());
  }

  private byte[] write(String relative, byte[] bytes) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    return bytes;
  }
}
