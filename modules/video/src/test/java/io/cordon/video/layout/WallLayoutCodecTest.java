package io.cordon.video.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WallLayoutCodecTest {
  @Test
  void everyBuiltInLayoutSurvivesARoundTrip() {
    for (WallLayout layout : WallLayouts.builtIn()) {
      assertThat(WallLayoutCodec.decode(WallLayoutCodec.encode(layout))).isEqualTo(layout);
    }
  }

  @Test
  void aCustomLayoutWithSpansSurvivesARoundTripInAList() {
    WallLayout custom = new WallLayout("门岗 2+4", 4, 3, List.of(
        new LayoutCell(0, 0, 2, 2), new LayoutCell(2, 0, 2, 2),
        LayoutCell.at(0, 2), LayoutCell.at(1, 2), LayoutCell.at(2, 2), LayoutCell.at(3, 2)));
    String text = WallLayoutCodec.encodeAll(List.of(custom, WallLayouts.ONE_PLUS_5));
    assertThat(WallLayoutCodec.decodeAll(text)).containsExactly(custom, WallLayouts.ONE_PLUS_5);
  }

  @Test
  void onePlusFiveIsWrittenReadably() {
    assertThat(WallLayoutCodec.encode(WallLayouts.ONE_PLUS_5)).isEqualTo("1+5|3x3|0,0,2,2 2,0 2,1 0,2 1,2 2,2");
  }

  @Test
  void builtInLayoutsHaveTheirTileCounts() {
    assertThat(WallLayouts.builtIn()).extracting(WallLayout::tileCount).containsExactly(1, 4, 9, 16, 6, 8);
  }

  @Test
  void overlappingCellsAreRefusedWithTheReason() {
    assertThatThrownBy(() -> WallLayoutCodec.decode("bad|2x2|0,0,2,2 1,1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlaps");
  }

  @Test
  void aCellOutsideTheGridIsRefused() {
    assertThatThrownBy(() -> WallLayoutCodec.decode("bad|2x2|0,0 2,0"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
  }

  @Test
  void garbageIsRefusedWithTheReason() {
    assertThatThrownBy(() -> WallLayoutCodec.decode("only-a-name"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name|COLSxROWS|cells");
  }
}
