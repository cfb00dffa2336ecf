package io.cordon.video.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.video.camera.StreamProfile;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StreamChoiceTest {
  private static final StreamProfile MAIN = new StreamProfile("main", 1920, 1080);
  private static final StreamProfile SUB = new StreamProfile("sub", 640, 360);
  private static final StreamProfile THIRD = new StreamProfile("third", 352, 288);
  private static final List<StreamProfile> STREAMS = List.of(MAIN, SUB);

  @Test
  void aThreeByThreeWallOnFullHdDecodesSubStreamsOnly() {
    // 1920×1080 split three ways, minus the 2 px gap between tiles.
    assertThat(StreamChoice.choose(STREAMS, 1920 / 3.0 - 2, 1080 / 3.0 - 2)).isEqualTo(SUB);
  }

  @Test
  void aTwoByTwoWallOnFullHdNeedsTheMainStream() {
    assertThat(StreamChoice.choose(STREAMS, 958, 538)).isEqualTo(MAIN);
  }

  @Test
  void aTileLargerThanEveryStreamGetsTheLargest() {
    assertThat(StreamChoice.choose(STREAMS, 3840, 2160)).isEqualTo(MAIN);
  }

  @ParameterizedTest(name = "{0}x{1} px -> {2}")
  @CsvSource({"300, 200, third", "352, 288, third", "500, 300, sub", "640, 360, sub", "700, 400, main", "1000, 600, main"})
  void picksTheSmallestStreamThatIsNotEnlargedInTheTile(double width, double height, String expected) {
    assertThat(StreamChoice.choose(List.of(MAIN, THIRD, SUB), width, height).name()).isEqualTo(expected);
  }

  @Test
  void aTallTileIsJudgedByWhereThePictureLandsNotByItsEmptyBands() {
    // 640 wide and very tall: a 16:9 sub-stream fills the width at scale 1 and is not enlarged.
    assertThat(StreamChoice.choose(STREAMS, 640, 1000)).isEqualTo(SUB);
  }
}
