package io.cordon.server.statistics;

import io.cordon.api.v1.AlarmOutcome;
import io.cordon.api.v1.AlarmOutcomeCount;
import io.cordon.api.v1.AlarmType;
import io.cordon.api.v1.AlarmTypeCount;
import io.cordon.api.v1.AlarmZoneCount;
import io.cordon.api.v1.HazmatVolume;
import io.cordon.api.v1.OccupancyBucket;
import io.cordon.api.v1.OccupancyPeak;
import io.cordon.api.v1.PassageBucket;
import io.cordon.api.v1.PassageCount;
import io.cordon.api.v1.PassageTotals;
import io.cordon.api.v1.ReportPeriod;
import io.cordon.api.v1.ResponseBucket;
import io.cordon.api.v1.ResponseTimes;
import io.cordon.api.v1.StatisticsReport;
import io.cordon.api.v1.ZoneClass;
import java.time.Instant;

/** A weekly report with a little of everything, as the server would send it. */
final class ReportFixture {

  static final Instant MONDAY = Instant.parse("2026-11-01T16:00:00Z"); // 2026-11-02 00:00 in Shanghai

  private ReportFixture() {
  }

  static StatisticsReport weekly() {
    StatisticsReport.Builder r = StatisticsReport.newBuilder().setPeriod(ReportPeriod.REPORT_PERIOD_WEEKLY)
        .setStartDate("2026-11-02").setEndDate("2026-11-09").setTimeZone("Asia/Shanghai")
        .setFrom(StatisticsQueries.ts(MONDAY)).setTo(StatisticsQueries.ts(MONDAY.plusSeconds(7 * 86_400)))
        .setGeneratedAt(StatisticsQueries.ts(MONDAY.plusSeconds(8 * 86_400))).setParkName("江苏沿江化工园区（示例）")
        .setBucketSeconds(86_400)
        .addPassages(PassageCount.newBuilder().setGateId("G1").setGateName("南一门（综合卡口）").setHolderClass("HAZMAT")
            .setEntries(42).setExits(40).setRefusals(3))
        .addPassages(PassageCount.newBuilder().setGateId("G3").setGateName("南二门（普通卡口）").setHolderClass("ORDINARY")
            .setEntries(315).setExits(309))
        .addPassages(PassageCount.newBuilder().setGateId("G3").setGateName("南二门（普通卡口）").setHolderClass("PERSON")
            .setEntries(1204).setExits(1190).setRefusals(7))
        .setPassageTotals(PassageTotals.newBuilder().setVehicleEntries(357).setVehicleExits(349).setPeopleEntries(1204)
            .setPeopleExits(1190).setRefusals(10).setForced(1))
        .addHazmat(HazmatVolume.newBuilder().setHazardClass("3").setMeasure("t").setAmount(1197.5).setEntries(42)
            .addUnNumbers("UN1203").addUnNumbers("UN1230"))
        .addHazmat(HazmatVolume.newBuilder().setHazardClass("8").setMeasure("m3").setAmount(64.25).setEntries(5)
            .addUnNumbers("UN1789"))
        .addAlarmsByType(AlarmTypeCount.newBuilder().setType(AlarmType.ALARM_TYPE_PERIMETER_INTRUSION).setCount(17))
        .addAlarmsByType(AlarmTypeCount.newBuilder().setType(AlarmType.ALARM_TYPE_VEHICLE_SPEEDING).setCount(9))
        .addAlarmsByZone(AlarmZoneCount.newBuilder().setZoneId("Z-CORE-1").setZoneName("核心控制区一（储罐区）")
            .setZoneClass(ZoneClass.ZONE_CLASS_CORE).setCount(20))
        .addAlarmsByZone(AlarmZoneCount.newBuilder().setZoneClass(ZoneClass.ZONE_CLASS_GENERAL).setCount(6))
        .addAlarmsByOutcome(AlarmOutcomeCount.newBuilder().setOutcome(AlarmOutcome.ALARM_OUTCOME_OPEN).setCount(4))
        .addAlarmsByOutcome(AlarmOutcomeCount.newBuilder().setOutcome(AlarmOutcome.ALARM_OUTCOME_FALSE).setCount(22));
    ResponseTimes.Builder times = ResponseTimes.newBuilder().setTargetSeconds(60).setAcknowledged(25)
        .setWithinTarget(20).setShareWithinTarget(0.8).setMeanSeconds(41.5).setMedianSeconds(33).setMaxSeconds(250)
        .setUnacknowledged(1);
    int[] counts = {5, 6, 5, 4, 3, 2, 0};
    int[] bounds = {15, 30, 45, 60, 120, 300, 0};
    for (int i = 0; i < counts.length; i++) {
      times.addHistogram(ResponseBucket.newBuilder().setUpperSeconds(bounds[i]).setCount(counts[i]));
    }
    r.setResponseTimes(times);
    for (int d = 0; d < 7; d++) {
      Instant start = MONDAY.plusSeconds(d * 86_400L);
      r.addPassageTrend(PassageBucket.newBuilder().setStart(StatisticsQueries.ts(start)).setVehicleEntries(50 + d)
          .setVehicleExits(49 + d).setPeopleEntries(170 + d).setPeopleExits(168 + d));
      r.addOccupancy(OccupancyBucket.newBuilder().setStart(StatisticsQueries.ts(start)).setPeople(300 + d * 10)
          .setVehicles(80 + d).setHazmat(12 + d % 3));
    }
    r.setOccupancyPeak(OccupancyPeak.newBuilder().setPeople(360).setPeopleAt(StatisticsQueries.ts(MONDAY.plusSeconds(
        6 * 86_400))).setVehicles(86).setVehiclesAt(StatisticsQueries.ts(MONDAY.plusSeconds(6 * 86_400))).setHazmat(14)
        .setHazmatAt(StatisticsQueries.ts(MONDAY.plusSeconds(2 * 86_400))));
    return r.build();
  }
}
