package io.cordon.app.track;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.app.i18n.I18n;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Violation parameters in the operator's language, as the server names them (track RuleTexts). */
class TrackTextsTest {

  private final I18n i18n = new I18n(I18n.CHINESE);
  private final TrackTexts texts = new TrackTexts(i18n);

  @Test
  void overspeedReadsAsTheSpeedAgainstTheRoadsLimit() {
    assertThat(texts.violationParameters("OVERSPEED", Map.of("speed_kmh", "58", "limit_kmh", "40", "threshold", "44",
        "measured", "58", "unit", "km/h", "min_duration_s", "10")))
        .isEqualTo("车速 58 km/h，限速 40 km/h · 持续 ≥ 10 秒");
  }

  @Test
  void aRouteDeviationNamesTheMeasureItsUnitAndThePermittedRoute() {
    assertThat(texts.violationParameters("ROUTE_DEVIATION", Map.of("threshold", "50", "measured", "86", "unit", "m",
        "min_duration_s", "20", "route", "R-01>R-04")))
        .isEqualTo("测得 86 米（阈值 50 米） · 许可路线 R-01>R-04 · 持续 ≥ 20 秒");
  }

  @Test
  void aTerminalAlarmIsNamedNotMeasured() {
    assertThat(texts.violationParameters("TERMINAL_ALARM", Map.of("threshold", "0", "measured", "1", "unit", "bit",
        "min_duration_s", "0", "terminal_alarm", "SOS")))
        .isEqualTo("终端报警：紧急报警");
  }

  @Test
  void aParameterThisClientDoesNotKnowIsShownAsSent() {
    assertThat(texts.violationParameters("NEW_RULE", Map.of("lane_count", "3"))).isEqualTo("lane_count=3");
  }

  @Test
  void inEnglishToo() {
    i18n.setLocale(I18n.ENGLISH);

    assertThat(texts.violationParameters("ROUTE_DEVIATION", Map.of("threshold", "50", "measured", "86", "unit", "m",
        "min_duration_s", "20")))
        .isEqualTo("Measured 86 m (threshold 50 m) · for ≥ 20 s");
  }
}
