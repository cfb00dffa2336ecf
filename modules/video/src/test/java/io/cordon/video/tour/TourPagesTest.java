package io.cordon.video.tour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TourPagesTest {
  @Test
  void twelveCamerasOnANineCellWallAreAFullPageAndAPageOfThree() {
    List<String> ids = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");

    assertThat(TourPages.of(ids, 9)).containsExactly(
        List.of("1", "2", "3", "4", "5", "6", "7", "8", "9"), List.of("10", "11", "12"));
  }

  @Test
  void aGroupThatFitsIsOnePage() {
    assertThat(TourPages.of(List.of("a", "b"), 4)).containsExactly(List.of("a", "b"));
  }

  @Test
  void noCamerasIsOneEmptyPage() {
    assertThat(TourPages.of(List.of(), 4)).containsExactly(List.of());
  }

  @Test
  void aPageWithoutCellsIsRefused() {
    assertThatThrownBy(() -> TourPages.of(List.of("a"), 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
