package io.cordon.video.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CustomWallLayoutTest {
  @Test
  void aFourByThreeGridWithATwoByTwoBigTileHasNineTilesCoveringEveryCellOnce() {
    WallLayout layout = WallLayout.custom("1+8 宽屏", 4, 3, 2, 2);

    assertThat(layout.tileCount()).isEqualTo(9);
    assertThat(layout.cells().get(0)).isEqualTo(new LayoutCell(0, 0, 2, 2));
    assertThat(layout.cells().subList(1, 4)).containsExactly(LayoutCell.at(2, 0), LayoutCell.at(3, 0),
        LayoutCell.at(2, 1));
  }

  @Test
  void withoutABigTileItIsAnUnevenGrid() {
    WallLayout layout = WallLayout.custom("5x2", 5, 2, 1, 1);

    assertThat(layout.tileCount()).isEqualTo(10);
    assertThat(layout.cells()).allMatch(c -> c.columnSpan() == 1 && c.rowSpan() == 1);
  }

  @Test
  void theSameLayoutAsTheBuiltInOnePlusFiveComesOutForThreeByThreeWithTwoByTwo() {
    assertThat(WallLayout.custom("x", 3, 3, 2, 2).cells()).containsExactlyInAnyOrderElementsOf(
        WallLayouts.ONE_PLUS_5.cells());
  }

  @Test
  void aBigTileLargerThanTheGridIsRefused() {
    assertThatThrownBy(() -> WallLayout.custom("x", 3, 2, 3, 3)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3x3");
  }

  @Test
  void aCustomLayoutSurvivesTheWorkstationText() {
    WallLayout layout = WallLayout.custom("值班 1+8", 4, 3, 2, 2);

    assertThat(WallLayoutCodec.decode(WallLayoutCodec.encode(layout))).isEqualTo(layout);
  }
}
