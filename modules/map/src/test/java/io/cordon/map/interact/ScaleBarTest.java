package io.cordon.map.interact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScaleBarTest {
  @ParameterizedTest(name = "{0} px/m within {1} px → {2} m")
  @CsvSource({
    "1.0, 120, 100",
    "0.24, 120, 500",
    "0.3, 150, 500",
    "0.12, 120, 1000",
    "0.1, 120, 1000",
    "0.05, 120, 2000",
    "0.005, 120, 20000",
    "50, 120, 2",
    "0.3, 120, 200",
  })
  void theBarIsTheLongestRoundLengthThatFits(double pixelsPerMetre, double maxPx, double metres) {
    assertThat(ScaleBar.niceLength(pixelsPerMetre, maxPx)).isEqualTo(metres);
  }

  @ParameterizedTest(name = "{0} m reads {1}")
  @CsvSource({"500, 500 m", "1000, 1 km", "20000, 20 km", "2, 2 m", "0.5, 0.5 m"})
  void lengthsFromAKilometreUpReadInKilometres(double metres, String label) {
    assertThat(ScaleBar.label(metres)).isEqualTo(label);
  }
}
