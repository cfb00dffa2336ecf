package io.cordon.app.video;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.client.layout.WindowBounds;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScreenChoiceTest {
  private static final WindowBounds LEFT = new WindowBounds(0, 0, 1920, 1080);
  private static final WindowBounds MIDDLE = new WindowBounds(1920, 0, 1920, 1080);
  private static final WindowBounds RIGHT = new WindowBounds(3840, 0, 1920, 1080);
  private static final WindowBounds MAIN_ON_LEFT = new WindowBounds(10, 10, 1800, 1000);

  @Test
  void theFirstWallGoesToTheFirstScreenWithoutTheMainWindow() {
    assertThat(ScreenChoice.forNewWall(List.of(LEFT, MIDDLE, RIGHT), MAIN_ON_LEFT, List.of())).isEqualTo(1);
  }

  @Test
  void theNextWallGoesToTheNextFreeScreen() {
    assertThat(ScreenChoice.forNewWall(List.of(LEFT, MIDDLE, RIGHT), MAIN_ON_LEFT, List.of(MIDDLE))).isEqualTo(2);
  }

  @Test
  void whenEveryScreenIsTakenTheWallGoesWhereTheFewestWallsAre() {
    List<WindowBounds> walls = List.of(MIDDLE, RIGHT, new WindowBounds(1950, 30, 800, 600));

    assertThat(ScreenChoice.forNewWall(List.of(LEFT, MIDDLE, RIGHT), MAIN_ON_LEFT, walls)).isZero();
  }

  @Test
  void aSingleScreenTakesTheWallBesideTheMainWindow() {
    assertThat(ScreenChoice.forNewWall(List.of(LEFT), MAIN_ON_LEFT, List.of())).isZero();
  }

  @Test
  void aWindowBelongsToTheScreenHoldingItsCentre() {
    WindowBounds straddling = new WindowBounds(1500, 0, 1000, 800);

    assertThat(ScreenChoice.screenOf(List.of(LEFT, MIDDLE), straddling)).isEqualTo(1);
    assertThat(ScreenChoice.screenOf(List.of(LEFT), new WindowBounds(5000, 0, 100, 100))).isEqualTo(-1);
  }
}
