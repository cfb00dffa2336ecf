package io.cordon.client.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The timeline's horizontal axis: pixels and times, zoom, pan and ticks. */
class TimeAxisTest {
  /** 10:00–11:00 park time (02:00–03:00 UTC) across 1,200 px: 3 s a pixel. */
  private static final Instant FROM = Instant.parse("2024-05-01T02:00:00Z");
  private static final Instant TO = Instant.parse("2024-05-01T03:00:00Z");
  private final TimeAxis hour = TimeAxis.whole(FROM, TO, 1200);

  @Test
  void aTimeAndItsPixelAreOneAnother() {
    Instant quarterPast = FROM.plusSeconds(900);

    assertThat(hour.x(quarterPast)).isCloseTo(300, within(1e-9));
    assertThat(hour.at(300)).isEqualTo(quarterPast);
  }

  @Test
  void zoomingInKeepsTheTimeUnderTheMouseWhereItIs() {
    long underMouse = hour.millisAt(400);

    TimeAxis zoomed = hour.zoomAt(4, 400);

    assertThat(zoomed.spanMillis()).isEqualTo(900_000);
    assertThat(zoomed.x(underMouse)).isCloseTo(400, within(0.5));
  }

  @Test
  void zoomingInStopsAtTenSecondsAcross() {
    TimeAxis zoomed = hour.zoomAt(1_000_000, 600);

    assertThat(zoomed.spanMillis()).isEqualTo(TimeAxis.MIN_SPAN_MILLIS);
  }

  @Test
  void zoomingOutStopsAtTheWholeWindow() {
    TimeAxis out = hour.zoomAt(4, 100).zoomAt(0.01, 100);

    assertThat(out.startMillis()).isEqualTo(FROM.toEpochMilli());
    assertThat(out.endMillis()).isEqualTo(TO.toEpochMilli());
  }

  @Test
  void draggingRightShowsEarlierTimes() {
    TimeAxis zoomed = hour.zoomAt(4, 600); // 15 min across, 0.75 s a pixel

    TimeAxis dragged = zoomed.panBy(100);

    assertThat(dragged.startMillis()).isEqualTo(zoomed.startMillis() - 75_000);
    assertThat(dragged.spanMillis()).isEqualTo(zoomed.spanMillis());
  }

  @Test
  void panningStopsAtTheEdgesOfTheWindow() {
    TimeAxis zoomed = hour.zoomAt(4, 600);

    assertThat(zoomed.panBy(100_000).startMillis()).isEqualTo(FROM.toEpochMilli());
    assertThat(zoomed.panBy(-100_000).endMillis()).isEqualTo(TO.toEpochMilli());
  }

  @Test
  void aTimeOutsideTheViewIsBroughtToTheMiddle() {
    TimeAxis start = hour.zoomAt(6, 0); // 10:00–10:10
    long half = Instant.parse("2024-05-01T02:30:00Z").toEpochMilli();

    TimeAxis revealed = start.reveal(half);

    assertThat(revealed.x(half)).isCloseTo(600, within(0.5));
    assertThat(revealed.reveal(half)).isSameAs(revealed);
  }

  @ParameterizedTest(name = "{0} ms across {1} px: a tick every {2} ms")
  @CsvSource({
      "3600000, 1200, 300000",     // an hour: every 5 minutes (90 px = 4.5 min)
      "86400000, 1200, 7200000",   // a day: every 2 hours
      "60000, 1200, 5000",         // a minute: every 5 seconds
      "10000, 1200, 1000"          // ten seconds: every second
  })
  void ticksAreAsDenseAsTheirLabelsAllow(long span, double width, long step) {
    TimeAxis axis = new TimeAxis(0, span, 0, span, width);

    assertThat(axis.tickStepMillis()).isEqualTo(step);
  }

  @Test
  void ticksFallOnWholeStepsOfParkTime() {
    TimeAxis axis = new TimeAxis(FROM.toEpochMilli(), TO.toEpochMilli(), FROM.toEpochMilli() + 61_000,
        FROM.toEpochMilli() + 1_861_000, 1200); // 10:01:01–10:31:01 park time

    List<TimeAxis.Tick> ticks = axis.ticks();

    assertThat(ticks).extracting(t -> Instant.ofEpochMilli(t.millis()).atZone(ZoneId.of("Asia/Shanghai"))
        .toLocalTime().toString()).startsWith("10:05", "10:10").endsWith("10:30");
    assertThat(ticks.get(0).x()).isCloseTo(axis.x(ticks.get(0).millis()), within(1e-9));
  }
}
