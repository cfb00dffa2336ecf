package io.cordon.client.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowBoundsTest {
  private static final WindowBounds LEFT = new WindowBounds(0, 0, 1920, 1080);
  private static final WindowBounds RIGHT = new WindowBounds(1920, 0, 1920, 1080);

  @Test
  void windowOnAVisibleScreenStaysWhereItIs() {
    WindowBounds w = new WindowBounds(2000, 100, 800, 600);
    assertThat(w.clampedTo(List.of(LEFT, RIGHT))).isEqualTo(w);
  }

  @Test
  void windowOnAScreenThatIsGoneMovesToThePrimaryScreen() {
    WindowBounds w = new WindowBounds(2000, 100, 800, 600);
    assertThat(w.clampedTo(List.of(LEFT))).isEqualTo(new WindowBounds(1120, 100, 800, 600));
  }

  @Test
  void windowLargerThanItsScreenShrinksToFit() {
    WindowBounds w = new WindowBounds(-50, -50, 3000, 2000);
    assertThat(w.clampedTo(List.of(LEFT))).isEqualTo(LEFT);
  }

  @Test
  void windowStraddlingTwoScreensGoesToTheOneItMostlyCovers() {
    WindowBounds w = new WindowBounds(1800, 100, 800, 600);
    assertThat(w.clampedTo(List.of(LEFT, RIGHT)).x()).isEqualTo(1920);
  }
}
