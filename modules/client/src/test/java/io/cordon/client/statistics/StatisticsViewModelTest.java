package io.cordon.client.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.AlarmType;
import io.cordon.api.v1.AlarmTypeCount;
import io.cordon.api.v1.ExportFormat;
import io.cordon.api.v1.OccupancyBucket;
import io.cordon.api.v1.PassageCount;
import io.cordon.api.v1.ReportPeriod;
import io.cordon.api.v1.ResponseBucket;
import io.cordon.api.v1.ResponseTimes;
import io.cordon.api.v1.StatisticsReport;
import io.cordon.client.alarm.TestClock;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The statistics window's state against a StatisticsService on a loopback port. */
class StatisticsViewModelTest {

  /** Thursday 26 November 2026, 10:00 in Shanghai. */
  static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");

  final FakeStatisticsServer server = new FakeStatisticsServer();
  final UiQueue ui = new UiQueue();
  final StatisticsViewModel vm = new StatisticsViewModel(server.client, ui, new TestClock(NOW));

  @AfterEach
  void stop() throws InterruptedException {
    server.close();
  }

  static StatisticsReport daily(String date) {
    return StatisticsReport.newBuilder().setPeriod(ReportPeriod.REPORT_PERIOD_DAILY).setStartDate(date)
        .addPassages(PassageCount.newBuilder().setGateId("G1").setGateName("南一门").setHolderClass("HAZMAT")
            .setEntries(4).setExits(3).setRefusals(1))
        .addPassages(PassageCount.newBuilder().setGateId("G3").setGateName("南二门").setHolderClass("PERSON")
            .setEntries(10).setExits(9))
        .addPassages(PassageCount.newBuilder().setGateId("G1").setGateName("南一门").setHolderClass("PERSON")
            .setEntries(2))
        .addAlarmsByType(AlarmTypeCount.newBuilder().setType(AlarmType.ALARM_TYPE_SMOKE_FIRE).setCount(3))
        .setResponseTimes(ResponseTimes.newBuilder().setTargetSeconds(60)
            .addHistogram(ResponseBucket.newBuilder().setUpperSeconds(60).setCount(2))
            .addHistogram(ResponseBucket.newBuilder().setUpperSeconds(120).setCount(1))
            .addHistogram(ResponseBucket.newBuilder().setUpperSeconds(0).setCount(1)))
        .addOccupancy(OccupancyBucket.newBuilder().setStart(Timestamp.newBuilder()
            .setSeconds(Instant.parse("2026-11-25T16:00:00Z").getEpochSecond())).setPeople(7).setVehicles(3))
        .build();
  }

  @Test
  void itStartsOnTodayInTheParksTimeZone() {
    assertThat(vm.startProperty().get()).isEqualTo(LocalDate.of(2026, 11, 26));
  }

  @Test
  void loadingShowsTheReportAndItsSectionsAsSeries() throws Exception {
    server.reports.put("REPORT_PERIOD_DAILY/2026-11-26", daily("2026-11-26"));

    vm.load();
    ui.runNext();

    assertThat(vm.reportProperty().get().getStartDate()).isEqualTo("2026-11-26");
    assertThat(vm.passagesByClass().get(0).points()).extracting(p -> p.key() + "=" + (int) p.value())
        .containsExactly("PERSON=12", "HAZMAT=4");
    assertThat(vm.passagesByGate().get(1).points()).extracting(p -> p.key() + "=" + (int) p.value())
        .containsExactly("南一门=3", "南二门=9");
    assertThat(vm.alarmsByType().points()).extracting(ChartPoint::key).containsExactly("ALARM_TYPE_SMOKE_FIRE");
    assertThat(vm.responseTimes().points()).extracting(ChartPoint::key).containsExactly("≤60", "≤120", ">120");
    assertThat(vm.occupancy().get(0).points()).extracting(ChartPoint::key, ChartPoint::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("00:00", 7.0));
  }

  @Test
  void switchingToWeeklyMovesTheStartToMondayAndLoads() throws Exception {
    vm.periodProperty().set(ReportPeriod.REPORT_PERIOD_WEEKLY);
    ui.runNext();

    assertThat(vm.startProperty().get()).isEqualTo(LocalDate.of(2026, 11, 23));
    assertThat(server.requests).extracting(r -> r.getPeriod() + " " + r.getStartDate())
        .containsExactly("REPORT_PERIOD_WEEKLY 2026-11-23");
    assertThat(vm.periodText()).isEqualTo("2026-11-23 – 2026-11-29");
  }

  @Test
  void previousGoesBackAMonthAndNextStopsAtTheCurrentOne() throws Exception {
    vm.periodProperty().set(ReportPeriod.REPORT_PERIOD_MONTHLY);
    ui.runNext();
    assertThat(vm.nextCommand().isExecutable()).isFalse();

    vm.previousCommand().execute();
    ui.runNext();

    assertThat(vm.startProperty().get()).isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(vm.nextCommand().isExecutable()).isTrue();
  }

  @Test
  void aRefusedRequestShowsAnErrorAndKeepsNoReport() throws Exception {
    vm.load(); // the fake has no report for today: INVALID_ARGUMENT
    ui.runNext();

    assertThat(vm.errorKeyProperty().get()).isEqualTo("stats.error.invalid");
    assertThat(vm.reportProperty().get()).isNull();
    assertThat(vm.loadingProperty().get()).isFalse();
  }

  @Test
  void anExportBringsTheServersFile() throws Exception {
    var file = vm.export(ExportFormat.EXPORT_FORMAT_PDF);
    assertThat(vm.exportingProperty().get()).isTrue();
    ui.runNext();

    assertThat(file.get().getFileName()).isEqualTo("cordon-2026-11-26.pdf");
    assertThat(vm.exportingProperty().get()).isFalse();
  }
}
