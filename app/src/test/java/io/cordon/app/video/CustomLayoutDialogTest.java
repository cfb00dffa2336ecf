package io.cordon.app.video;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.video.layout.WallLayout;
import org.junit.jupiter.api.Test;

class CustomLayoutDialogTest {
  @Test
  void theFieldsDescribeANamedLayoutWithItsBigTile() {
    assertThat(CustomLayoutDialog.layout(" 宽屏 ", 4, 3, 2, 2)).contains(WallLayout.custom("宽屏", 4, 3, 2, 2));
  }

  @Test
  void noLayoutWhileTheBigTileDoesNotFitOrTheNameIsUnusable() {
    assertThat(CustomLayoutDialog.layout("宽屏", 3, 2, 3, 3)).isEmpty();
    assertThat(CustomLayoutDialog.layout("  ", 4, 3, 2, 2)).isEmpty();
    assertThat(CustomLayoutDialog.layout("a|b", 4, 3, 2, 2)).isEmpty();
  }
}
