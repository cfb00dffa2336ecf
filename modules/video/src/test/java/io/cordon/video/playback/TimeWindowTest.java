package io.cordon.video.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The time bar's window: zooming around the pointer and panning, inside the day. */
class TimeWindowTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final TimeWindow DAY = TimeWindow.day(LocalDate.of(2026, 11, 26), SHANGHAI);
  private static final Duration SHORTEST = Duration.ofMinutes(1);

  @Test
  void zoomingInKeepsTheInstantUnderThePointerWhereItIs() {
    Instant underPointer = DAY.at(0.25);

    TimeWindow zoomed = DAY.zoomed(0.5, 0.25, DAY, SHORTEST);

    assertThat(zoomed.length()).isEqualTo(Duration.ofHours(12));
    assertThat(zoomed.at(0.25)).isEqualTo(underPointer);
    assertThat(zoomed.fractionOf(underPointer)).isEqualTo(0.25);
  }

  @Test
  void zoomingOutStopsAtTheWholeDayAndZoomingInAtTheShortestWindow() {
    TimeWindow hour = new TimeWindow(DAY.start().plus(Duration.ofHours(23)), DAY.end());

    assertThat(hour.zoomed(100, 0.9, DAY, SHORTEST)).isEqualTo(DAY);
    assertThat(hour.zoomed(0.0001, 0.5, DAY, SHORTEST).length()).isEqualTo(SHORTEST);
  }

  @Test
  void aZoomedWindowNeverLeavesTheDay() {
    TimeWindow lastHour = new TimeWindow(DAY.end().minus(Duration.ofHours(1)), DAY.end());

    TimeWindow out = lastHour.zoomed(3, 0.95, DAY, SHORTEST);

    assertThat(out.length()).isEqualTo(Duration.ofHours(3));
    assertThat(out.end()).isEqualTo(DAY.end());
  }

  @Test
  void panningMovesByAPartOfTheWindowAndStopsAtTheDaysEdges() {
    TimeWindow noon = new TimeWindow(DAY.at(0.5), DAY.at(0.5).plus(Duration.ofHours(2)));

    assertThat(noon.panned(0.5, DAY).start()).isEqualTo(noon.start().plus(Duration.ofHours(1)));
    assertThat(noon.panned(-100, DAY).start()).isEqualTo(DAY.start());
    assertThat(noon.panned(100, DAY).end()).isEqualTo(DAY.end());
    assertThat(DAY.panned(0.3, DAY)).isEqualTo(DAY);
  }

  @Test
  void aPositionOutsideTheZoomedWindowBringsTheWindowToIt() {
    TimeWindow morning = new TimeWindow(DAY.start().plus(Duration.ofHours(8)), DAY.start().plus(Duration.ofHours(9)));
    Instant later = DAY.start().plus(Duration.ofHours(15));

    TimeWindow shown = morning.showing(later, DAY);

    assertThat(shown.contains(later)).isTrue();
    assertThat(shown.length()).isEqualTo(Duration.ofHours(1));
    assertThat(morning.showing(morning.at(0.5), DAY)).isSameAs(morning);
  }
}
