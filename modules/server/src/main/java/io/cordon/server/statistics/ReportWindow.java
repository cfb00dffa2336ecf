package io.cordon.server.statistics;

import io.cordon.api.v1.ReportPeriod;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The span of one report in the park's time zone: a day in hourly buckets, an ISO week or a calendar month in
 * daily buckets. Buckets are local hours and midnights turned into instants, so they stay right even in a zone
 * with daylight saving (Asia/Shanghai has none).
 */
record ReportWindow(ReportPeriod period, LocalDate start, LocalDate end, Instant from, Instant to,
    List<Instant> buckets, int bucketSeconds) {

  /** The park's time zone: dates and buckets of every report. */
  static final ZoneId PARK_ZONE = ZoneId.of("Asia/Shanghai");

  ReportWindow {
    buckets = List.copyOf(buckets);
  }

  /**
   * The window of a request, checked.
   *
   * @param today today in the park's time zone: a period may not start after it
   * @throws StatisticsRefusal naming {@code period} or {@code start_date}
   */
  static ReportWindow of(ReportPeriod period, String startDate, LocalDate today) {
    if (period == ReportPeriod.REPORT_PERIOD_UNSPECIFIED || period == ReportPeriod.UNRECOGNIZED) {
      throw new StatisticsRefusal("period", "is required: DAILY, WEEKLY or MONTHLY");
    }
    LocalDate start;
    try {
      start = LocalDate.parse(startDate);
    } catch (DateTimeParseException e) {
      throw new StatisticsRefusal("start_date", "must be a date yyyy-MM-dd, not \"" + clip(startDate) + "\"");
    }
    if (start.isAfter(today)) {
      throw new StatisticsRefusal("start_date", "is in the future (today is " + today + ")");
    }
    if (start.getYear() < 2000) {
      throw new StatisticsRefusal("start_date", "is before 2000");
    }
    LocalDate end;
    switch (period) {
      case REPORT_PERIOD_DAILY:
        end = start.plusDays(1);
        break;
      case REPORT_PERIOD_WEEKLY:
        if (start.getDayOfWeek() != DayOfWeek.MONDAY) {
          throw new StatisticsRefusal("start_date", "a weekly report starts on a Monday, " + start + " is a "
              + start.getDayOfWeek());
        }
        end = start.plusWeeks(1);
        break;
      default:
        if (start.getDayOfMonth() != 1) {
          throw new StatisticsRefusal("start_date", "a monthly report starts on the 1st, not " + start);
        }
        end = start.plusMonths(1);
        break;
    }
    boolean hourly = period == ReportPeriod.REPORT_PERIOD_DAILY;
    List<Instant> buckets = new ArrayList<>();
    for (var t = start.atStartOfDay(PARK_ZONE); t.toLocalDate().isBefore(end); t = hourly ? t.plusHours(1)
        : t.plusDays(1)) {
      buckets.add(t.toInstant());
    }
    return new ReportWindow(period, start, end, start.atStartOfDay(PARK_ZONE).toInstant(),
        end.atStartOfDay(PARK_ZONE).toInstant(), buckets, hourly ? 3600 : 86400);
  }

  /** The bucket an instant of the window falls in (0-based); buckets are sorted. */
  int bucketOf(Instant at) {
    int low = 0;
    int high = buckets.size() - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (buckets.get(mid).isAfter(at)) {
        high = mid - 1;
      } else {
        low = mid;
      }
    }
    return low;
  }

  /** "daily", "weekly" or "monthly", for file names. */
  String periodWord() {
    return period.name().replace("REPORT_PERIOD_", "").toLowerCase(java.util.Locale.ROOT);
  }

  private static String clip(String text) {
    return text.length() > 20 ? text.substring(0, 20) + "…" : text;
  }
}
