package io.cordon.server.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.api.v1.AlarmOutcome;
import io.cordon.api.v1.AlarmState;
import io.cordon.api.v1.AlarmVerdict;
import io.cordon.api.v1.ReportPeriod;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportWindowTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

  @Test
  void aDayRunsFromShanghaiMidnightInTwentyFourHourBuckets() {
    ReportWindow w = ReportWindow.of(ReportPeriod.REPORT_PERIOD_DAILY, "2026-11-02", TODAY);

    assertThat(w.from()).isEqualTo(Instant.parse("2026-11-01T16:00:00Z"));
    assertThat(w.to()).isEqualTo(Instant.parse("2026-11-02T16:00:00Z"));
    assertThat(w.buckets()).hasSize(24);
    assertThat(w.bucketOf(Instant.parse("2026-11-02T15:59:59Z"))).isEqualTo(23);
  }

  @Test
  void februaryOfALeapYearHasTwentyNineDayBuckets() {
    ReportWindow w = ReportWindow.of(ReportPeriod.REPORT_PERIOD_MONTHLY, "2024-02-01", TODAY);

    assertThat(w.buckets()).hasSize(29);
    assertThat(w.end()).isEqualTo(LocalDate.of(2024, 3, 1));
  }

  @Test
  void todayMayStartADailyReport() {
    assertThat(ReportWindow.of(ReportPeriod.REPORT_PERIOD_DAILY, "2026-11-26", TODAY).start()).isEqualTo(TODAY);
  }

  @Test
  void tomorrowMayNot() {
    assertThatThrownBy(() -> ReportWindow.of(ReportPeriod.REPORT_PERIOD_DAILY, "2026-11-27", TODAY))
        .isInstanceOfSatisfying(StatisticsRefusal.class, e -> assertThat(e.field()).isEqualTo("start_date"));
  }

  @Test
  void aResolvedFalseAlarmCountsAsFalseAndAnAcknowledgedOneAsOpen() {
    assertThat(StatisticsProjections.outcome(io.cordon.api.v1.Alarm.newBuilder()
        .setState(AlarmState.ALARM_STATE_CLOSED).setVerdict(AlarmVerdict.ALARM_VERDICT_FALSE).build()))
        .isEqualTo(AlarmOutcome.ALARM_OUTCOME_FALSE);
    assertThat(StatisticsProjections.outcome(io.cordon.api.v1.Alarm.newBuilder()
        .setState(AlarmState.ALARM_STATE_ACKNOWLEDGED).build())).isEqualTo(AlarmOutcome.ALARM_OUTCOME_OPEN);
  }
}
