package io.cordon.client.statistics;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.AlarmOutcomeCount;
import io.cordon.api.v1.AlarmTypeCount;
import io.cordon.api.v1.AlarmZoneCount;
import io.cordon.api.v1.ExportFormat;
import io.cordon.api.v1.HazmatVolume;
import io.cordon.api.v1.OccupancyBucket;
import io.cordon.api.v1.PassageBucket;
import io.cordon.api.v1.PassageCount;
import io.cordon.api.v1.ReportPeriod;
import io.cordon.api.v1.ResponseBucket;
import io.cordon.api.v1.StatisticsFile;
import io.cordon.api.v1.StatisticsReport;
import io.cordon.client.command.Command;
import io.cordon.client.command.SimpleCommand;
import io.grpc.Status;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.ToIntFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The statistics window: a period (day, ISO week, month in the park's time zone) moved back and forth, its report
 * loaded from the server, and the report's sections as chart series. Answers reach the properties through the UI
 * executor; an answer to a superseded request is dropped.
 */
public final class StatisticsViewModel {

  public static final ZoneId PARK_ZONE = ZoneId.of("Asia/Shanghai");
  public static final List<ReportPeriod> PERIODS = List.of(ReportPeriod.REPORT_PERIOD_DAILY,
      ReportPeriod.REPORT_PERIOD_WEEKLY, ReportPeriod.REPORT_PERIOD_MONTHLY);
  /** Holder classes in the order the charts show them. */
  public static final List<String> HOLDER_CLASSES = List.of("PERSON", "ORDINARY", "COMMUTER", "CONSTRUCTION",
      "HAZMAT", "HAZWASTE", "UNKNOWN");
  public static final String ERROR_EXPORT = "stats.error.export";
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

  private final StatisticsClient client;
  private final Executor ui;
  private final Clock clock;
  private final ObjectProperty<ReportPeriod> period = new SimpleObjectProperty<>(ReportPeriod.REPORT_PERIOD_DAILY);
  private final ReadOnlyObjectWrapper<LocalDate> start = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<StatisticsReport> report = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper errorKey = new ReadOnlyStringWrapper("");
  private final Command previousCommand;
  private final Command nextCommand;
  private long generation;

  public StatisticsViewModel(StatisticsClient client, Executor ui, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.ui = Objects.requireNonNull(ui, "ui");
    this.clock = Objects.requireNonNull(clock, "clock");
    start.set(periodStart(ReportPeriod.REPORT_PERIOD_DAILY, today()));
    period.addListener((o, was, now) -> {
      if (now == null || !PERIODS.contains(now)) {
        period.set(was);
        return;
      }
      start.set(periodStart(now, start.get()));
      load();
    });
    previousCommand = SimpleCommand.of(this::previous, loading.not());
    nextCommand = SimpleCommand.of(this::next, Bindings.createBooleanBinding(
        () -> !loading.get() && !step(start.get(), 1).isAfter(today()), start, loading));
  }

  /** The first day of the period that holds {@code day}. */
  public static LocalDate periodStart(ReportPeriod period, LocalDate day) {
    switch (period) {
      case REPORT_PERIOD_WEEKLY:
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case REPORT_PERIOD_MONTHLY:
        return day.withDayOfMonth(1);
      default:
        return day;
    }
  }

  private LocalDate step(LocalDate from, int direction) {
    switch (period.get()) {
      case REPORT_PERIOD_WEEKLY:
        return from.plusWeeks(direction);
      case REPORT_PERIOD_MONTHLY:
        return from.plusMonths(direction);
      default:
        return from.plusDays(direction);
    }
  }

  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), PARK_ZONE);
  }

  /** The period before the shown one, loaded. */
  public void previous() {
    start.set(step(start.get(), -1));
    load();
  }

  /** The period after the shown one, unless it starts after today. */
  public void next() {
    LocalDate next = step(start.get(), 1);
    if (next.isAfter(today())) {
      return;
    }
    start.set(next);
    load();
  }

  /** The period that holds today, loaded. */
  public void current() {
    start.set(periodStart(period.get(), today()));
    load();
  }

  /** Loads the shown period's report. */
  public void load() {
    long gen = ++generation;
    loading.set(true);
    errorKey.set("");
    client.report(period.get(), start.get()).whenComplete((answer, error) -> ui.execute(() -> {
      if (gen != generation) {
        return;
      }
      loading.set(false);
      if (error != null) {
        errorKey.set(errorKeyOf(error));
        return;
      }
      report.set(answer);
    }));
  }

  /** The shown period as a file; completes on the UI executor. */
  public CompletableFuture<StatisticsFile> export(ExportFormat format) {
    CompletableFuture<StatisticsFile> done = new CompletableFuture<>();
    exporting.set(true);
    client.export(format, period.get(), start.get()).whenComplete((file, error) -> ui.execute(() -> {
      exporting.set(false);
      if (error != null) {
        errorKey.set(ERROR_EXPORT);
        done.completeExceptionally(error instanceof CompletionException && error.getCause() != null
            ? error.getCause() : error);
      } else {
        done.complete(file);
      }
    }));
    return done;
  }

  // ---- the sections as series -----------------------------------------------------------------

  /** Entries, exits and refusals per holder class (classes without any left out). */
  public List<ChartSeries> passagesByClass() {
    Map<String, int[]> byClass = new LinkedHashMap<>();
    HOLDER_CLASSES.forEach(c -> byClass.put(c, new int[3]));
    for (PassageCount p : report().getPassagesList()) {
      int[] v = byClass.computeIfAbsent(p.getHolderClass(), k -> new int[3]);
      v[0] += p.getEntries();
      v[1] += p.getExits();
      v[2] += p.getRefusals();
    }
    byClass.values().removeIf(v -> v[0] + v[1] + v[2] == 0);
    return List.of(series("entries", byClass, 0), series("exits", byClass, 1), series("refusals", byClass, 2));
  }

  /** Entries and exits per gate (by its name), all holder classes together. */
  public List<ChartSeries> passagesByGate() {
    Map<String, int[]> byGate = new LinkedHashMap<>();
    for (PassageCount p : report().getPassagesList()) {
      int[] v = byGate.computeIfAbsent(p.getGateName().isEmpty() ? p.getGateId() : p.getGateName(), k -> new int[3]);
      v[0] += p.getEntries();
      v[1] += p.getExits();
      v[2] += p.getRefusals();
    }
    return List.of(series("entries", byGate, 0), series("exits", byGate, 1), series("refusals", byGate, 2));
  }

  /** Vehicle entries and exits per bucket. */
  public List<ChartSeries> trend() {
    List<PassageBucket> buckets = report().getPassageTrendList();
    return List.of(timeSeries("vehicleEntries", buckets, PassageBucket::getStart, PassageBucket::getVehicleEntries),
        timeSeries("vehicleExits", buckets, PassageBucket::getStart, PassageBucket::getVehicleExits),
        timeSeries("peopleEntries", buckets, PassageBucket::getStart, PassageBucket::getPeopleEntries));
  }

  /** Hazmat amount per GB 6944 class and measure, keyed "3|t". */
  public ChartSeries hazmat() {
    List<ChartPoint> points = new ArrayList<>();
    for (HazmatVolume h : report().getHazmatList()) {
      points.add(new ChartPoint(h.getHazardClass() + "|" + h.getMeasure(), h.getAmount()));
    }
    return new ChartSeries("amount", points);
  }

  /** Alarm counts per type, keyed by the AlarmType name. */
  public ChartSeries alarmsByType() {
    List<ChartPoint> points = new ArrayList<>();
    for (AlarmTypeCount a : report().getAlarmsByTypeList()) {
      points.add(new ChartPoint(a.getType().name(), a.getCount()));
    }
    return new ChartSeries("alarms", points);
  }

  /** Alarm counts per zone, keyed by the zone's name (empty: outside every zone). */
  public ChartSeries alarmsByZone() {
    List<ChartPoint> points = new ArrayList<>();
    for (AlarmZoneCount a : report().getAlarmsByZoneList()) {
      points.add(new ChartPoint(a.getZoneName(), a.getCount()));
    }
    return new ChartSeries("alarms", points);
  }

  /** Alarm counts per outcome, keyed by the AlarmOutcome name. */
  public ChartSeries alarmsByOutcome() {
    List<ChartPoint> points = new ArrayList<>();
    for (AlarmOutcomeCount a : report().getAlarmsByOutcomeList()) {
      points.add(new ChartPoint(a.getOutcome().name(), a.getCount()));
    }
    return new ChartSeries("alarms", points);
  }

  /** Acknowledged alarms per response-time bucket, keyed "≤15", …, ">300". */
  public ChartSeries responseTimes() {
    List<ChartPoint> points = new ArrayList<>();
    int previous = 0;
    for (ResponseBucket b : report().getResponseTimes().getHistogramList()) {
      points.add(new ChartPoint(b.getUpperSeconds() == 0 ? ">" + previous : "≤" + b.getUpperSeconds(), b.getCount()));
      previous = b.getUpperSeconds() == 0 ? previous : b.getUpperSeconds();
    }
    return new ChartSeries("alarms", points);
  }

  /** The most people, vehicles and hazmat vehicles inside per bucket. */
  public List<ChartSeries> occupancy() {
    List<OccupancyBucket> buckets = report().getOccupancyList();
    return List.of(timeSeries("people", buckets, OccupancyBucket::getStart, OccupancyBucket::getPeople),
        timeSeries("vehicles", buckets, OccupancyBucket::getStart, OccupancyBucket::getVehicles),
        timeSeries("hazmat", buckets, OccupancyBucket::getStart, OccupancyBucket::getHazmat));
  }

  /** "2026-11-02" for a day, "2026-11-02 – 2026-11-08" for a week or month. */
  public String periodText() {
    LocalDate first = start.get();
    LocalDate last = step(first, 1).minusDays(1);
    return first.equals(last) ? first.toString() : first + " – " + last;
  }

  private StatisticsReport report() {
    return report.get() == null ? StatisticsReport.getDefaultInstance() : report.get();
  }

  private static ChartSeries series(String key, Map<String, int[]> values, int index) {
    List<ChartPoint> points = new ArrayList<>();
    values.forEach((category, v) -> points.add(new ChartPoint(category, v[index])));
    return new ChartSeries(key, points);
  }

  private <T> ChartSeries timeSeries(String key, List<T> buckets, java.util.function.Function<T, Timestamp> start,
      ToIntFunction<T> value) {
    DateTimeFormatter format = report().getPeriod() == ReportPeriod.REPORT_PERIOD_DAILY ? HOUR : DAY;
    List<ChartPoint> points = new ArrayList<>();
    for (T b : buckets) {
      Timestamp t = start.apply(b);
      points.add(new ChartPoint(format.format(LocalDateTime.ofInstant(Instant.ofEpochSecond(t.getSeconds()),
          PARK_ZONE)), value.applyAsInt(b)));
    }
    return new ChartSeries(key, points);
  }

  public ObjectProperty<ReportPeriod> periodProperty() {
    return period;
  }

  public ReadOnlyObjectProperty<LocalDate> startProperty() {
    return start.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<StatisticsReport> reportProperty() {
    return report.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty exportingProperty() {
    return exporting.getReadOnlyProperty();
  }

  /** Empty, or the i18n key of the last failure (stats.error.*). */
  public ReadOnlyStringProperty errorKeyProperty() {
    return errorKey.getReadOnlyProperty();
  }

  public Command previousCommand() {
    return previousCommand;
  }

  public Command nextCommand() {
    return nextCommand;
  }

  /** The i18n key of a failed load. */
  static String errorKeyOf(Throwable error) {
    Throwable cause = error;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    switch (Status.fromThrowable(cause).getCode()) {
      case PERMISSION_DENIED:
      case UNAUTHENTICATED:
        return "stats.error.denied";
      case UNAVAILABLE:
      case DEADLINE_EXCEEDED:
        return "stats.error.unavailable";
      case INVALID_ARGUMENT:
        return "stats.error.invalid";
      default:
        return "stats.error.failed";
    }
  }
}
