package io.cordon.server.statistics;

import static io.cordon.server.statistics.StoredTraffic.goods;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.rpc.BadRequest;
import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmActionRequest;
import io.cordon.api.v1.AlarmOutcome;
import io.cordon.api.v1.AlarmOutcomeCount;
import io.cordon.api.v1.AlarmServiceGrpc;
import io.cordon.api.v1.AlarmSeverity;
import io.cordon.api.v1.AlarmType;
import io.cordon.api.v1.AlarmTypeCount;
import io.cordon.api.v1.ExportFormat;
import io.cordon.api.v1.ExportStatisticsRequest;
import io.cordon.api.v1.HazmatVolume;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.ManualAlarmRequest;
import io.cordon.api.v1.PassageCount;
import io.cordon.api.v1.QuantityUnit;
import io.cordon.api.v1.ReportPeriod;
import io.cordon.api.v1.StatisticsReport;
import io.cordon.api.v1.StatisticsRequest;
import io.cordon.api.v1.StatisticsServiceGrpc;
import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.ZoneId;
import io.cordon.server.ServerConfig;
import io.cordon.server.TestServer;
import io.cordon.server.alarm.AlarmCenterSettings;
import io.cordon.server.park.ParkFileLoader;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statistics over real gRPC from a real server on H2 (PostgreSQL in the subclass): alarms raised and acknowledged through AlarmService on a
 * clock the test moves; passages and approved deliveries in the rows the gate and registration stores write.
 */
class StatisticsOverGrpcTest {

  static final java.time.ZoneId SHANGHAI = java.time.ZoneId.of("Asia/Shanghai");
  /** Monday 2 November 2026, 09:00 in the park. */
  static final Instant MONDAY_9 = at("2026-11-02T09:00:00");

  @TempDir
  Path dir;
  final MovableClock clock = new MovableClock(MONDAY_9);
  ServerConfig config;
  TestServer server;
  StoredTraffic traffic;
  String operator;

  /** The database the server runs on: its own H2 in the data directory here, PostgreSQL in the subclass. */
  ServerConfig.Builder onDatabase(ServerConfig.Builder builder) {
    return builder;
  }

  @BeforeEach
  void start() {
    config = onDatabase(ServerConfig.builder().dataDir(dir).demoUsers(true).clock(clock)
        .alarmSettings(AlarmCenterSettings.defaults().withHeartbeatTimeout(Duration.ofDays(400)))).build();
    server = TestServer.with(config);
    traffic = new StoredTraffic(config);
    operator = server.login("operator");
  }

  @AfterEach
  void stop() {
    if (server != null) { // null when the database was skipped
      server.close();
    }
  }

  static Instant at(String shanghaiLocal) {
    return LocalDateTime.parse(shanghaiLocal).atZone(SHANGHAI).toInstant();
  }

  private StatisticsServiceGrpc.StatisticsServiceBlockingStub stats() {
    return StatisticsServiceGrpc.newBlockingStub(server.channel()).withCallCredentials(TestServer.bearer(operator))
        .withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  private StatisticsReport report(ReportPeriod period, String start) {
    return stats().getReport(StatisticsRequest.newBuilder().setPeriod(period).setStartDate(start).build());
  }

  // ---- passages ---------------------------------------------------------------------------------

  @Test
  void passagesAreCountedByGateAndHolderClassWithRefusalsApart() throws Exception {
    traffic.passage("G1", "ENTRY", "HAZMAT", "苏E12345", at("2026-11-02T08:00:00"), "")
        .passage("G1", "ENTRY", "HAZMAT", "苏E12346", at("2026-11-02T08:10:00"), "")
        .passage("G1", "EXIT", "HAZMAT", "苏E12345", at("2026-11-02T10:00:00"), "")
        .passage("G3", "ENTRY", "ORDINARY", "苏A00001", at("2026-11-02T07:00:00"), "")
        .passage("G3", "ENTRY", "PERSON", "P-000001", at("2026-11-02T07:30:00"), "")
        .refusal("G3", "ENTRY", "HAZMAT", "苏E99999", at("2026-11-02T07:40:00"))
        .forced("G6", "ENTRY", at("2026-11-02T03:00:00"));

    StatisticsReport r = report(ReportPeriod.REPORT_PERIOD_DAILY, "2026-11-02");

    assertThat(r.getPassagesList()).extracting(p -> p.getGateId() + "/" + p.getHolderClass() + " "
        + p.getEntries() + "/" + p.getExits() + "/" + p.getRefusals())
        .containsExactlyInAnyOrder("G1/HAZMAT 2/1/0", "G3/HAZMAT 0/0/1", "G3/ORDINARY 1/0/0", "G3/PERSON 1/0/0",
            "G6/UNKNOWN 1/0/0");
    assertThat(r.getPassagesList()).filteredOn(p -> p.getGateId().equals("G1")).extracting(PassageCount::getGateName)
        .containsOnly("南一门（综合卡口）");
    assertThat(r.getPassageTotals().getVehicleEntries()).isEqualTo(4);
    assertThat(r.getPassageTotals().getPeopleEntries()).isEqualTo(1);
    assertThat(r.getPassageTotals().getRefusals()).isEqualTo(1);
    assertThat(r.getPassageTotals().getForced()).isEqualTo(1);
  }

  @Test
  void aDailyReportHasTheTwentyFourShanghaiHoursAndCountsEachPassageInItsHour() throws Exception {
    traffic.passage("G3", "ENTRY", "ORDINARY", "苏A00001", at("2026-11-02T00:00:00"), "")
        .passage("G3", "EXIT", "ORDINARY", "苏A00001", at("2026-11-02T23:59:59"), "")
        .passage("G3", "ENTRY", "ORDINARY", "苏A00002", at("2026-11-01T23:59:59"), "")
        .passage("G3", "ENTRY", "ORDINARY", "苏A00003", at("2026-11-03T00:00:00"), "");

    StatisticsReport r = report(ReportPeriod.REPORT_PERIOD_DAILY, "2026-11-02");

    assertThat(r.getPassageTrendList()).hasSize(24);
    assertThat(r.getPassageTrend(0).getStart()).isEqualTo(StatisticsQueries.ts(at("2026-11-02T00:00:00")));
    assertThat(r.getPassageTrend(0).getVehicleEntries()).isEqualTo(1);
    assertThat(r.getPassageTrend(23).getVehicleExits()).isEqualTo(1);
    assertThat(r.getPassageTotals().getVehicleEntries()).isEqualTo(1);
    assertThat(r.getFrom()).isEqualTo(StatisticsQueries.ts(Instant.parse("2026-11-01T16:00:00Z")));
  }

  @Test
  void aWeeklyReportRunsFromMondayMidnightToTheNextMondayInShanghai() throws Exception {
    traffic.passage("G3", "ENTRY", "ORDINARY", "苏A00001", at("2026-11-01T23:59:59"), "")
        .passage("G3", "ENTRY", "ORDINARY", "苏A00002", at("2026-11-02T00:00:00"), "")
        .passage("G3", "ENTRY", "ORDINARY", "苏A00003", at("2026-11-08T23:59:59"), "")
        .passage("G3", "ENTRY", "ORDINARY", "苏A00004", at("2026-11-09T00:00:00"), "");
    moveTo(at("2026-11-10T12:00:00"));

    StatisticsReport r = report(ReportPeriod.REPORT_PERIOD_WEEKLY, "2026-11-02");

    assertThat(r.getPassageTotals().getVehicleEntries()).isEqualTo(2);
    assertThat(r.getPassageTrendList()).hasSize(7);
    assertThat(r.getPassageTrend(0).getVehicleEntries()).isEqualTo(1);
    assertThat(r.getPassageTrend(6).getVehicleEntries()).isEqualTo(1);
    assertThat(r.getEndDate()).isEqualTo("2026-11-09");
  }

  @Test
  void aMonthlyReportHasADayBucketPerDayOfTheMonth() throws Exception {
    traffic.passage("G3", "ENTRY", "PERSON", "P1", at("2026-11-01T00:00:00"), "")
        .passage("G3", "ENTRY", "PERSON", "P2", at("2026-11-30T23:59:59"), "")
        .passage("G3", "ENTRY", "PERSON", "P3", at("2026-12-01T00:00:00"), "")
        .passage("G3", "ENTRY", "PERSON", "P4", at("2026-10-31T23:59:59"), "");
    moveTo(at("2026-12-02T08:00:00"));

    StatisticsReport r = report(ReportPeriod.REPORT_PERIOD_MONTHLY, "2026-11-01");

    assertThat(r.getPassageTrendList()).hasSize(30);
    assertThat(r.getPassageTotals().getPeopleEntries()).isEqualTo(2);
    assertThat(r.getPassageTrend(29).getPeopleEntries()).isEqualTo(1);
  }

  // ---- hazmat -----------------------------------------------------------------------------------

  @Test
  void hazmatVolumesAreTheGoodsOfEachEnteringVehiclesPermitByClassInTonnesAndCubicMetres() throws Exception {
    traffic.approvedDelivery("A-000001", List.of(goods("3", "UN1203", "28.5", QuantityUnit.QUANTITY_UNIT_TONNE),
            goods("2.3", "1017", "500", QuantityUnit.QUANTITY_UNIT_KILOGRAM)), at("2026-11-01T08:00:00"))
        .approvedDelivery("A-000002", List.of(goods("8", "UN1789", "2000", QuantityUnit.QUANTITY_UNIT_LITRE)),
            at("2026-11-01T08:00:00"))
        .passage("G2", "ENTRY", "HAZMAT", "苏E00001", at("2026-11-02T08:00:00"), "A-000001")
        .passage("G2", "ENTRY", "HAZMAT", "苏E00002", at("2026-11-02T09:00:00"), "A-000001")
        .passage("G2", "ENTRY", "HAZWASTE", "苏E00003", at("2026-11-02T10:00:00"), "A-000002")
        .passage("G2", "EXIT", "HAZMAT", "苏E00001", at("2026-11-02T11:00:00"), "A-000001")
        .refusal("G2", "ENTRY", "HAZMAT", "苏E00004", at("2026-11-02T11:30:00"));

    StatisticsReport r = report(ReportPeriod.REPORT_PERIOD_DAILY, "2026-11-02");

    assertThat(r.getHazmatList()).extracting(h -> h.getHazardClass() + " " + h.getMeasure() + " " + h.getEntries())
        .containsExactly("2 t 2", "3 t 2", "8 m3 1");
    assertThat(r.getHazmatList()).extracting(HazmatVolume::getAmount).containsExactly(1.0, 57.0, 2.0);
    assertThat(r.getHazmat(0).getUnNumbersList()).containsExactly("UN1017");
  }

  // ---- alarms -----------------------------------------------------------------------------------

  @Test
  void responseTimesCountAnAcknowledgementAtExactlySixtySecondsAsWithinTheTarget() {
    Alarm onTime = raise(AlarmType.ALARM_TYPE_MANUAL, zone("Z-CORE-1"));
    clock.advance(Duration.ofSeconds(60));
    act(acknowledge(onTime));
    Alarm late = raise(AlarmType.ALARM_TYPE_SMOKE_FIRE, zone("Z-CORE-1"));
    clock.advance(Duration.ofSeconds(61));
    act(acknowledge(late));
    raise(AlarmType.ALARM_TYPE_LOITERING, zone("Z-KEY-1"));

    StatisticsReport r = report(ReportPeriod.REPORT_PERIOD_DAILY, "2026-11-02");

    assertThat(r.getResponseTimes().getTargetSeconds()).isEqualTo(60);
    assertThat(r.getResponseTimes().getAcknowledged()).isEqualTo(2);
    assertThat(r.getResponseTimes().getWithinTarget()).isEqualTo(1);
    assertThat(r.getResponseTimes().getShareWithinTarget()).isEqualTo(0.5);
    assertThat(r.getResponseTimes().getUnacknowledged()).isEqualTo(1);
    assertThat(r.getResponseTimes().getMaxSeconds()).isEqualTo(61.0);
    assertThat(r.getResponseTimes().getHistogramList()).extracting(b -> b.getUpperSeconds() + ":" + b.getCount())
        .containsExactly("15:0", "30:0", "45:0", "60:1", "120:1", "300:0", "0:0");
  }

  @Test
  void alarmsAreCountedByTypeZoneAndOutcome() {
    raise(AlarmType.ALARM_TYPE_MANUAL, zone("Z-CORE-1"));
    raise(AlarmType.ALARM_TYPE_SMOKE_FIRE, zone("Z-CORE-1"));
    raise(AlarmType.ALARM_TYPE_LOITERING, zone("Z-KEY-1"));

    StatisticsReport r = report(ReportPeriod.REPORT_PERIOD_DAILY, "2026-11-02");

    assertThat(r.getAlarmsByTypeList()).extracting(AlarmTypeCount::getType).containsExactlyInAnyOrder(
        AlarmType.ALARM_TYPE_MANUAL, AlarmType.ALARM_TYPE_SMOKE_FIRE, AlarmType.ALARM_TYPE_LOITERING);
    assertThat(r.getAlarmsByZoneList()).extracting(z -> z.getZoneId() + " " + z.getZoneClass() + " " + z.getCount())
        .containsExactly("Z-CORE-1 ZONE_CLASS_CORE 2", "Z-KEY-1 ZONE_CLASS_KEY 1");
    assertThat(r.getAlarmsByZone(0).getZoneName()).isEqualTo("核心控制区一（储罐区）");
    assertThat(r.getAlarmsByOutcomeList()).extracting(AlarmOutcomeCount::getOutcome, AlarmOutcomeCount::getCount)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(AlarmOutcome.ALARM_OUTCOME_OPEN, 3));
  }

  @Test
  void anAlarmInTheGeneralAreaCountsUnderTheGeneralZoneClass() {
    raise(AlarmType.ALARM_TYPE_MANUAL, LonLat.newBuilder().setLon(120.944311).setLat(31.929843).build());

    StatisticsReport r = report(ReportPeriod.REPORT_PERIOD_DAILY, "2026-11-02");

    assertThat(r.getAlarmsByZoneList()).extracting(z -> z.getZoneClass().name() + " " + z.getCount())
        .containsExactly("ZONE_CLASS_GENERAL 1");
  }

  @Test
  void alarmsOfAnotherDayStayOutOfTheDailyReport() {
    raise(AlarmType.ALARM_TYPE_MANUAL, zone("Z-CORE-1"));
    moveTo(at("2026-11-03T00:00:00"));
    raise(AlarmType.ALARM_TYPE_SMOKE_FIRE, zone("Z-CORE-1"));

    StatisticsReport r = report(ReportPeriod.REPORT_PERIOD_DAILY, "2026-11-02");

    assertThat(r.getAlarmsByTypeList()).extracting(AlarmTypeCount::getType).containsExactly(AlarmType.ALARM_TYPE_MANUAL);
  }

  // ---- occupancy --------------------------------------------------------------------------------

  @Test
  void occupancyPeaksStartFromWhoCameInBeforeAndFollowEntriesAndExitsPerHour() throws Exception {
    traffic.passage("G1", "ENTRY", "PERSON", "P1", at("2026-11-01T20:00:00"), "")
        .passage("G1", "ENTRY", "HAZMAT", "苏E1", at("2026-11-01T21:00:00"), "")
        .passage("G1", "ENTRY", "PERSON", "P2", at("2026-11-02T08:05:00"), "")
        .passage("G1", "ENTRY", "PERSON", "P3", at("2026-11-02T08:10:00"), "")
        .passage("G1", "EXIT", "PERSON", "P1", at("2026-11-02T08:20:00"), "")
        .passage("G1", "EXIT", "PERSON", "P2", at("2026-11-02T08:30:00"), "")
        .passage("G1", "ENTRY", "HAZMAT", "苏E2", at("2026-11-02T08:40:00"), "")
        .passage("G10", "ENTRY", "PERSON", "P3", at("2026-11-02T08:45:00"), ""); // a core-zone checkpoint
    moveTo(at("2026-11-02T23:00:00"));

    StatisticsReport r = report(ReportPeriod.REPORT_PERIOD_DAILY, "2026-11-02");

    assertThat(r.getOccupancy(7).getPeople()).isEqualTo(1);
    assertThat(r.getOccupancy(7).getHazmat()).isEqualTo(1);
    assertThat(r.getOccupancy(8).getPeople()).isEqualTo(3);
    assertThat(r.getOccupancy(8).getHazmat()).isEqualTo(2);
    assertThat(r.getOccupancy(9).getPeople()).isEqualTo(1);
    assertThat(r.getOccupancyPeak().getPeople()).isEqualTo(3);
    assertThat(r.getOccupancyPeak().getPeopleAt()).isEqualTo(StatisticsQueries.ts(at("2026-11-02T08:00:00")));
    assertThat(r.getOccupancyPeak().getVehicles()).isEqualTo(2);
  }

  // ---- validation and access --------------------------------------------------------------------

  @Test
  void aReportWithoutAPeriodIsRefusedNamingPeriod() {
    assertThat(violations(() -> stats().getReport(StatisticsRequest.newBuilder().setStartDate("2026-11-02").build())))
        .containsExactly("period");
  }

  @Test
  void aStartDateInTheFutureIsRefusedNamingStartDate() {
    assertThat(violations(() -> report(ReportPeriod.REPORT_PERIOD_DAILY, "2026-11-03"))).containsExactly("start_date");
  }

  @Test
  void aWeeklyReportThatDoesNotStartOnAMondayIsRefused() {
    assertThat(violations(() -> report(ReportPeriod.REPORT_PERIOD_WEEKLY, "2026-10-27"))).containsExactly("start_date");
  }

  @Test
  void aMonthlyReportThatDoesNotStartOnTheFirstIsRefused() {
    assertThat(violations(() -> report(ReportPeriod.REPORT_PERIOD_MONTHLY, "2026-10-02"))).containsExactly("start_date");
  }

  @Test
  void aStartDateThatIsNoDateIsRefused() {
    assertThat(violations(() -> report(ReportPeriod.REPORT_PERIOD_DAILY, "2.11.2026"))).containsExactly("start_date");
  }

  @Test
  void anExportWithoutAFormatIsRefusedNamingFormat() {
    assertThat(violations(() -> stats().export(ExportStatisticsRequest.newBuilder()
        .setPeriod(ReportPeriod.REPORT_PERIOD_DAILY).setStartDate("2026-11-02").build()))).containsExactly("format");
  }

  @Test
  void anEnterpriseAccountMayNotReadStatistics() {
    String enterprise = server.login("enterprise");
    assertThatThrownBy(() -> StatisticsServiceGrpc.newBlockingStub(server.channel())
        .withCallCredentials(TestServer.bearer(enterprise)).withDeadlineAfter(10, TimeUnit.SECONDS)
        .getReport(StatisticsRequest.newBuilder().setPeriod(ReportPeriod.REPORT_PERIOD_DAILY)
            .setStartDate("2026-11-02").build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
  }

  @Test
  void anExportNamesItsFileByPeriodAndDate() {
    var file = stats().export(ExportStatisticsRequest.newBuilder().setFormat(ExportFormat.EXPORT_FORMAT_XLSX)
        .setPeriod(ReportPeriod.REPORT_PERIOD_WEEKLY).setStartDate("2026-11-02").build());

    assertThat(file.getFileName()).isEqualTo("cordon-weekly-2026-11-02.xlsx");
    assertThat(file.getContent().size()).isPositive();
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** Moves the server's clock and signs in again (sessions expire on that clock). */
  private void moveTo(Instant instant) {
    clock.set(instant);
    operator = server.login("operator");
  }

  private Alarm raise(AlarmType type, LonLat where) {
    return AlarmServiceGrpc.newBlockingStub(server.channel()).withCallCredentials(TestServer.bearer(operator))
        .withDeadlineAfter(10, TimeUnit.SECONDS).reportManual(ManualAlarmRequest.newBuilder()
            .setRequestId(UUID.randomUUID().toString()).setType(type).setSeverity(AlarmSeverity.ALARM_SEVERITY_MAJOR)
            .setLocation(where).setDetail("统计测试报警").build());
  }

  private static AlarmActionRequest acknowledge(Alarm alarm) {
    return AlarmActionRequest.newBuilder().setRequestId(UUID.randomUUID().toString()).setAlarmId(alarm.getAlarmId())
        .setExpectedVersion(alarm.getVersion()).setAcknowledge(AlarmActionRequest.Acknowledge.getDefaultInstance())
        .build();
  }

  private void act(AlarmActionRequest request) {
    AlarmServiceGrpc.newBlockingStub(server.channel()).withCallCredentials(TestServer.bearer(operator))
        .withDeadlineAfter(10, TimeUnit.SECONDS).act(request);
  }

  private static LonLat zone(String zoneId) {
    Park park = ParkFileLoader.loadSample();
    ControlZone zone = park.zone(new ZoneId(zoneId)).orElseThrow();
    var point = zone.area().getInteriorPoint();
    return LonLat.newBuilder().setLon(point.getX()).setLat(point.getY()).build();
  }

  static List<String> violations(Runnable call) {
    try {
      call.run();
    } catch (StatusRuntimeException e) {
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      com.google.rpc.Status status = StatusProto.fromThrowable(e);
      assertThat(status).isNotNull();
      return status.getDetailsList().stream().filter(any -> any.is(BadRequest.class)).flatMap(any -> {
        try {
          return any.unpack(BadRequest.class).getFieldViolationsList().stream();
        } catch (com.google.protobuf.InvalidProtocolBufferException x) {
          throw new AssertionError(x);
        }
      }).map(BadRequest.FieldViolation::getField).toList();
    }
    throw new AssertionError("the call was not refused");
  }

  /** A clock the test sets and moves; the server reads it for raised and acknowledged times and for "today". */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
