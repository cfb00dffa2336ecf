package io.cordon.server.statistics;

import io.cordon.api.v1.AlarmOutcomeCount;
import io.cordon.api.v1.AlarmTypeCount;
import io.cordon.api.v1.AlarmZoneCount;
import io.cordon.api.v1.HazmatVolume;
import io.cordon.api.v1.OccupancyBucket;
import io.cordon.api.v1.PassageBucket;
import io.cordon.api.v1.PassageCount;
import io.cordon.api.v1.PassageTotals;
import io.cordon.api.v1.ResponseBucket;
import io.cordon.api.v1.ResponseTimes;
import io.cordon.api.v1.StatisticsReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A report as an XLSX workbook: a summary sheet, then one sheet per section with a bold header row, frozen under
 * the header, numbers as numbers (counts, tonnes with three decimals, shares as percentages, bucket starts as
 * local date-times).
 */
final class XlsxStatisticsExport {

  static final String SUMMARY = "概况";
  static final String PASSAGES = "通行统计";
  static final String TREND = "通行趋势";
  static final String HAZMAT = "危化品";
  static final String ALARM_TYPES = "报警类型";
  static final String ALARM_ZONES = "报警区域";
  static final String ALARM_OUTCOMES = "处置结果";
  static final String RESPONSE = "接警响应";
  static final String OCCUPANCY = "在园峰值";

  private XSSFWorkbook book;
  private CellStyle header;
  private CellStyle count;
  private CellStyle decimal;
  private CellStyle percent;
  private CellStyle dateTime;

  byte[] write(StatisticsReport report) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      book = workbook;
      styles();
      summary(report);
      passages(report.getPassagesList());
      trend(report.getPassageTrendList());
      hazmat(report.getHazmatList());
      alarmTypes(report.getAlarmsByTypeList());
      alarmZones(report.getAlarmsByZoneList());
      alarmOutcomes(report.getAlarmsByOutcomeList());
      response(report.getResponseTimes());
      occupancy(report.getOccupancyList());
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void styles() {
    Font bold = book.createFont();
    bold.setBold(true);
    header = book.createCellStyle();
    header.setFont(bold);
    header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    count = book.createCellStyle();
    count.setDataFormat(book.createDataFormat().getFormat("#,##0"));
    decimal = book.createCellStyle();
    decimal.setDataFormat(book.createDataFormat().getFormat("#,##0.000"));
    percent = book.createCellStyle();
    percent.setDataFormat(book.createDataFormat().getFormat("0.0%"));
    dateTime = book.createCellStyle();
    dateTime.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
  }

  private void summary(StatisticsReport r) {
    Sheet sheet = sheet(SUMMARY, List.of("项目", "数值"));
    PassageTotals t = r.getPassageTotals();
    ResponseTimes rt = r.getResponseTimes();
    int i = 1;
    i = text(sheet, i, "报表", ReportTexts.TITLE + " · " + ReportTexts.period(r.getPeriod()));
    i = text(sheet, i, "园区", r.getParkName());
    i = text(sheet, i, "起始日期", r.getStartDate());
    i = text(sheet, i, "截止日期（不含）", r.getEndDate());
    i = text(sheet, i, "时区", r.getTimeZone());
    i = number(sheet, i, "车辆进园", t.getVehicleEntries());
    i = number(sheet, i, "车辆出园", t.getVehicleExits());
    i = number(sheet, i, "人员进园", t.getPeopleEntries());
    i = number(sheet, i, "人员出园", t.getPeopleExits());
    i = number(sheet, i, "拒绝通行", t.getRefusals());
    i = number(sheet, i, "闯卡", t.getForced());
    i = number(sheet, i, "尾随", t.getTailgate());
    i = number(sheet, i, "报警总数", r.getAlarmsByTypeList().stream().mapToInt(AlarmTypeCount::getCount).sum());
    i = number(sheet, i, "已接警", rt.getAcknowledged());
    i = number(sheet, i, "1分钟内接警", rt.getWithinTarget());
    Row share = sheet.createRow(i++);
    share.createCell(0).setCellValue("1分钟内接警率");
    cell(share, 1, rt.getShareWithinTarget(), percent);
    i = number(sheet, i, "未接警", rt.getUnacknowledged());
    i = number(sheet, i, "在园人员峰值", r.getOccupancyPeak().getPeople());
    i = number(sheet, i, "在园车辆峰值", r.getOccupancyPeak().getVehicles());
    number(sheet, i, "在园危化品车辆峰值", r.getOccupancyPeak().getHazmat());
    sheet.setColumnWidth(0, 24 * 256);
    sheet.setColumnWidth(1, 40 * 256);
  }

  private void passages(List<PassageCount> rows) {
    Sheet sheet = sheet(PASSAGES, List.of("卡口编号", "卡口", "类别", "进园", "出园", "拒绝"));
    int i = 1;
    for (PassageCount p : rows) {
      Row row = sheet.createRow(i++);
      row.createCell(0).setCellValue(p.getGateId());
      row.createCell(1).setCellValue(p.getGateName());
      row.createCell(2).setCellValue(ReportTexts.holderClass(p.getHolderClass()));
      cell(row, 3, p.getEntries(), count);
      cell(row, 4, p.getExits(), count);
      cell(row, 5, p.getRefusals(), count);
    }
    widths(sheet, 14, 22, 20, 10, 10, 10);
  }

  private void trend(List<PassageBucket> rows) {
    Sheet sheet = sheet(TREND, List.of("时段开始", "车辆进园", "车辆出园", "人员进园", "人员出园"));
    int i = 1;
    for (PassageBucket b : rows) {
      Row row = sheet.createRow(i++);
      time(row, 0, b.getStart());
      cell(row, 1, b.getVehicleEntries(), count);
      cell(row, 2, b.getVehicleExits(), count);
      cell(row, 3, b.getPeopleEntries(), count);
      cell(row, 4, b.getPeopleExits(), count);
    }
    widths(sheet, 18, 10, 10, 10, 10);
  }

  private void hazmat(List<HazmatVolume> rows) {
    Sheet sheet = sheet(HAZMAT, List.of("危险货物类别", "数量", "单位", "进园车次", "UN编号"));
    int i = 1;
    for (HazmatVolume h : rows) {
      Row row = sheet.createRow(i++);
      row.createCell(0).setCellValue("第" + h.getHazardClass() + "类");
      cell(row, 1, h.getAmount(), decimal);
      row.createCell(2).setCellValue(ReportTexts.measure(h.getMeasure()));
      cell(row, 3, h.getEntries(), count);
      row.createCell(4).setCellValue(String.join(" ", h.getUnNumbersList()));
    }
    widths(sheet, 14, 14, 8, 10, 40);
  }

  private void alarmTypes(List<AlarmTypeCount> rows) {
    Sheet sheet = sheet(ALARM_TYPES, List.of("报警类型", "数量"));
    int i = 1;
    for (AlarmTypeCount a : rows) {
      Row row = sheet.createRow(i++);
      row.createCell(0).setCellValue(ReportTexts.alarmType(a.getType()));
      cell(row, 1, a.getCount(), count);
    }
    widths(sheet, 20, 10);
  }

  private void alarmZones(List<AlarmZoneCount> rows) {
    Sheet sheet = sheet(ALARM_ZONES, List.of("区域编号", "区域", "数量"));
    int i = 1;
    for (AlarmZoneCount a : rows) {
      Row row = sheet.createRow(i++);
      row.createCell(0).setCellValue(a.getZoneId());
      row.createCell(1).setCellValue(ReportTexts.zone(a.getZoneName(), a.getZoneClass()));
      cell(row, 2, a.getCount(), count);
    }
    widths(sheet, 14, 30, 10);
  }

  private void alarmOutcomes(List<AlarmOutcomeCount> rows) {
    Sheet sheet = sheet(ALARM_OUTCOMES, List.of("处置结果", "数量"));
    int i = 1;
    for (AlarmOutcomeCount a : rows) {
      Row row = sheet.createRow(i++);
      row.createCell(0).setCellValue(ReportTexts.outcome(a.getOutcome()));
      cell(row, 1, a.getCount(), count);
    }
    widths(sheet, 16, 10);
  }

  private void response(ResponseTimes rt) {
    Sheet sheet = sheet(RESPONSE, List.of("响应时间", "报警数"));
    int i = 1;
    int previous = 0;
    for (ResponseBucket b : rt.getHistogramList()) {
      Row row = sheet.createRow(i++);
      row.createCell(0).setCellValue(ReportTexts.responseBucket(b.getUpperSeconds(), previous));
      cell(row, 1, b.getCount(), count);
      previous = b.getUpperSeconds() == 0 ? previous : b.getUpperSeconds();
    }
    i++;
    Row target = sheet.createRow(i++);
    target.createCell(0).setCellValue("目标（秒）");
    cell(target, 1, rt.getTargetSeconds(), count);
    Row share = sheet.createRow(i++);
    share.createCell(0).setCellValue("目标内接警率");
    cell(share, 1, rt.getShareWithinTarget(), percent);
    Row mean = sheet.createRow(i++);
    mean.createCell(0).setCellValue("平均（秒）");
    cell(mean, 1, rt.getMeanSeconds(), decimal);
    Row median = sheet.createRow(i++);
    median.createCell(0).setCellValue("中位数（秒）");
    cell(median, 1, rt.getMedianSeconds(), decimal);
    Row max = sheet.createRow(i);
    max.createCell(0).setCellValue("最长（秒）");
    cell(max, 1, rt.getMaxSeconds(), decimal);
    widths(sheet, 16, 12);
  }

  private void occupancy(List<OccupancyBucket> rows) {
    Sheet sheet = sheet(OCCUPANCY, List.of("时段开始", "在园人员", "在园车辆", "在园危化品车辆"));
    int i = 1;
    for (OccupancyBucket b : rows) {
      Row row = sheet.createRow(i++);
      time(row, 0, b.getStart());
      cell(row, 1, b.getPeople(), count);
      cell(row, 2, b.getVehicles(), count);
      cell(row, 3, b.getHazmat(), count);
    }
    widths(sheet, 18, 10, 10, 14);
  }

  private Sheet sheet(String name, List<String> headers) {
    Sheet sheet = book.createSheet(name);
    Row row = sheet.createRow(0);
    for (int i = 0; i < headers.size(); i++) {
      Cell cell = row.createCell(i);
      cell.setCellValue(headers.get(i));
      cell.setCellStyle(header);
    }
    sheet.createFreezePane(0, 1);
    return sheet;
  }

  private static int text(Sheet sheet, int i, String label, String value) {
    Row row = sheet.createRow(i);
    row.createCell(0).setCellValue(label);
    row.createCell(1).setCellValue(value);
    return i + 1;
  }

  private int number(Sheet sheet, int i, String label, double value) {
    Row row = sheet.createRow(i);
    row.createCell(0).setCellValue(label);
    cell(row, 1, value, count);
    return i + 1;
  }

  private static void cell(Row row, int column, double value, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value);
    cell.setCellStyle(style);
  }

  private void time(Row row, int column, com.google.protobuf.Timestamp t) {
    Cell cell = row.createCell(column);
    cell.setCellValue(LocalDateTime.ofInstant(StatisticsProjections.instant(t), ReportWindow.PARK_ZONE));
    cell.setCellStyle(dateTime);
  }

  private static void widths(Sheet sheet, int... chars) {
    for (int i = 0; i < chars.length; i++) {
      sheet.setColumnWidth(i, chars[i] * 256);
    }
  }
}
