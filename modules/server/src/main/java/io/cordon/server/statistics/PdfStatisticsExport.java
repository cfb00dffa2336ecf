package io.cordon.server.statistics;

import io.cordon.api.v1.AlarmOutcomeCount;
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
import io.cordon.server.report.pdf.FontLocator;
import io.cordon.server.report.pdf.ReportFont;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A report as a PDF (A4): title and period, the key figures, then each section as a bar chart drawn with PDFBox
 * vector operations and a table. Chinese text is set in the TrueType CJK font the {@link FontLocator} finds,
 * embedded as a subset, as in the incident reports; without that font there is no PDF (see {@link FontLocator}).
 */
final class PdfStatisticsExport {

  private static final float MARGIN = 48;
  private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
  private static final Color INK = new Color(0x20, 0x24, 0x2a);
  private static final Color MUTED = new Color(0x6b, 0x72, 0x80);
  private static final Color RULE = new Color(0xd0, 0xd5, 0xdd);
  private static final Color ACCENT = new Color(0x1e, 0x88, 0xe5);
  private static final Color SECOND = new Color(0x43, 0xa0, 0x47);
  private static final Color THIRD = new Color(0xfb, 0x8c, 0x00);
  private static final Color TARGET = new Color(0xe5, 0x39, 0x35);
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Path fontFile;
  private PDDocument document;
  private PDFont font;
  private PDPageContentStream page;
  private float y;
  private int pages;

  /** @param fontFile the TrueType CJK font, as {@link FontLocator#locate()} finds it */
  PdfStatisticsExport(Path fontFile) {
    this.fontFile = fontFile;
  }

  byte[] write(StatisticsReport report) {
    try (PDDocument doc = new PDDocument(); ReportFont reportFont = ReportFont.open(fontFile, doc);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document = doc;
      font = reportFont.pdf();
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(ReportTexts.TITLE + " " + ReportTexts.period(report.getPeriod()) + " " + report.getStartDate());
      info.setCreator("Cordon");
      newPage();
      title(report);
      summary(report);
      passages(report);
      hazmat(report.getHazmatList());
      alarms(report);
      response(report.getResponseTimes());
      occupancy(report);
      page.close();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the statistics PDF", e);
    }
  }

  // ---- sections ------------------------------------------------------------------------------

  private void title(StatisticsReport r) throws IOException {
    text(MARGIN, y - 20, 20, INK, ReportTexts.TITLE + " · " + ReportTexts.period(r.getPeriod()));
    y -= 40;
    text(MARGIN, y, 10.5f, MUTED, r.getParkName() + "    统计期间 " + r.getStartDate() + " 至 "
        + LocalDateTimeText.lastDay(r.getEndDate()) + "（" + r.getTimeZone() + "）    生成于 "
        + STAMP.format(local(r.getGeneratedAt())));
    y -= 10;
    rule();
  }

  private void summary(StatisticsReport r) throws IOException {
    heading("概况");
    PassageTotals t = r.getPassageTotals();
    ResponseTimes rt = r.getResponseTimes();
    OccupancyPeak p = r.getOccupancyPeak();
    int alarms = r.getAlarmsByTypeList().stream().mapToInt(AlarmTypeCount::getCount).sum();
    Map<String, String> figures = new LinkedHashMap<>();
    figures.put("车辆进园", n(t.getVehicleEntries()));
    figures.put("车辆出园", n(t.getVehicleExits()));
    figures.put("人员进园", n(t.getPeopleEntries()));
    figures.put("人员出园", n(t.getPeopleExits()));
    figures.put("拒绝通行", n(t.getRefusals()));
    figures.put("闯卡 / 尾随", n(t.getForced()) + " / " + n(t.getTailgate()));
    figures.put("报警总数", n(alarms));
    figures.put("1分钟内接警率", String.format(Locale.ROOT, "%.1f%%", rt.getShareWithinTarget() * 100));
    figures.put("在园人员峰值", n(p.getPeople()));
    figures.put("在园车辆峰值", n(p.getVehicles()));
    figures.put("在园危化品车辆峰值", n(p.getHazmat()));
    figures.put("未接警", n(rt.getUnacknowledged()));
    float column = WIDTH / 3;
    int i = 0;
    for (Map.Entry<String, String> f : figures.entrySet()) {
      float x = MARGIN + (i % 3) * column;
      if (i % 3 == 0) {
        ensure(34);
        y -= 34;
      }
      text(x, y + 16, 9, MUTED, f.getKey());
      text(x, y, 15, INK, f.getValue());
      i++;
    }
    y -= 12;
  }

  private void passages(StatisticsReport r) throws IOException {
    heading("进出园统计（按车辆类别）");
    Map<String, double[]> byClass = new LinkedHashMap<>();
    for (PassageCount p : r.getPassagesList()) {
      double[] v = byClass.computeIfAbsent(ReportTexts.holderClass(p.getHolderClass()), k -> new double[3]);
      v[0] += p.getEntries();
      v[1] += p.getExits();
      v[2] += p.getRefusals();
    }
    groupedBars(byClass, new String[] {"进园", "出园", "拒绝"});
    heading("进出园统计（按卡口）");
    List<String[]> rows = new ArrayList<>();
    for (PassageCount p : r.getPassagesList()) {
      rows.add(new String[] {p.getGateName().isEmpty() ? p.getGateId() : p.getGateName(),
          ReportTexts.holderClass(p.getHolderClass()), n(p.getEntries()), n(p.getExits()), n(p.getRefusals())});
    }
    table(new String[] {"卡口", "类别", "进园", "出园", "拒绝"}, new float[] {0.32f, 0.29f, 0.13f, 0.13f, 0.13f}, rows);
    heading("车辆进出园趋势");
    columns(r.getPassageTrendList(), PassageBucket::getStart, r.getPeriod(),
        List.of(b -> (double) b.getVehicleEntries(), b -> (double) b.getVehicleExits()), new String[] {"进园", "出园"});
  }

  private void hazmat(List<HazmatVolume> hazmat) throws IOException {
    heading("危险货物进园量（按 GB 6944 类别）");
    Map<String, double[]> bars = new LinkedHashMap<>();
    List<String[]> rows = new ArrayList<>();
    for (HazmatVolume h : hazmat) {
      String label = "第" + h.getHazardClass() + "类（" + ReportTexts.measure(h.getMeasure()) + "）";
      bars.put(label, new double[] {h.getAmount()});
      rows.add(new String[] {label, String.format(Locale.ROOT, "%.3f", h.getAmount()), n(h.getEntries()),
          String.join(" ", h.getUnNumbersList())});
    }
    groupedBars(bars, new String[] {"数量"});
    table(new String[] {"类别", "数量", "进园车次", "UN编号"}, new float[] {0.25f, 0.15f, 0.12f, 0.48f}, rows);
  }

  private void alarms(StatisticsReport r) throws IOException {
    heading("报警统计（按类型）");
    Map<String, double[]> types = new LinkedHashMap<>();
    for (AlarmTypeCount a : r.getAlarmsByTypeList()) {
      types.put(ReportTexts.alarmType(a.getType()), new double[] {a.getCount()});
    }
    groupedBars(types, new String[] {"报警数"});
    heading("报警统计（按区域）");
    Map<String, double[]> zones = new LinkedHashMap<>();
    for (AlarmZoneCount a : r.getAlarmsByZoneList()) {
      zones.put(ReportTexts.zone(a.getZoneName(), a.getZoneClass()), new double[] {a.getCount()});
    }
    groupedBars(zones, new String[] {"报警数"});
    heading("报警处置结果");
    Map<String, double[]> outcomes = new LinkedHashMap<>();
    for (AlarmOutcomeCount a : r.getAlarmsByOutcomeList()) {
      outcomes.put(ReportTexts.outcome(a.getOutcome()), new double[] {a.getCount()});
    }
    groupedBars(outcomes, new String[] {"报警数"});
  }

  private void response(ResponseTimes rt) throws IOException {
    heading("接警响应时间（目标 " + rt.getTargetSeconds() + " 秒）");
    ensure(18);
    y -= 14;
    text(MARGIN, y, 10, INK, String.format(Locale.ROOT,
        "已接警 %d 起，%d 起在 %d 秒内（%.1f%%）；平均 %.1f 秒，中位数 %.1f 秒，最长 %.1f 秒；未接警 %d 起",
        rt.getAcknowledged(), rt.getWithinTarget(), rt.getTargetSeconds(), rt.getShareWithinTarget() * 100,
        rt.getMeanSeconds(), rt.getMedianSeconds(), rt.getMaxSeconds(), rt.getUnacknowledged()));
    y -= 6;
    Map<String, double[]> buckets = new LinkedHashMap<>();
    int previous = 0;
    for (ResponseBucket b : rt.getHistogramList()) {
      buckets.put(ReportTexts.responseBucket(b.getUpperSeconds(), previous), new double[] {b.getCount()});
      previous = b.getUpperSeconds() == 0 ? previous : b.getUpperSeconds();
    }
    groupedBars(buckets, new String[] {"报警数"}, rt.getTargetSeconds() > 0
        ? "≤ " + rt.getTargetSeconds() + " 秒" : null);
  }

  private void occupancy(StatisticsReport r) throws IOException {
    heading("在园峰值");
    OccupancyPeak p = r.getOccupancyPeak();
    ensure(18);
    y -= 14;
    text(MARGIN, y, 10, INK, "人员峰值 " + n(p.getPeople()) + peakAt(p.getPeopleAt(), r.getPeriod())
        + "    车辆峰值 " + n(p.getVehicles()) + peakAt(p.getVehiclesAt(), r.getPeriod())
        + "    危化品车辆峰值 " + n(p.getHazmat()) + peakAt(p.getHazmatAt(), r.getPeriod()));
    y -= 6;
    columns(r.getOccupancyList(), OccupancyBucket::getStart, r.getPeriod(),
        List.of(b -> (double) b.getPeople(), b -> (double) b.getVehicles(), b -> (double) b.getHazmat()),
        new String[] {"人员", "车辆", "危化品车辆"});
  }

  // ---- drawing ------------------------------------------------------------------------------

  /** Horizontal bars, one group per label, one bar per series; an optional label after which a target line. */
  private void groupedBars(Map<String, double[]> data, String[] series) throws IOException {
    groupedBars(data, series, null);
  }

  private void groupedBars(Map<String, double[]> data, String[] series, String targetAfter) throws IOException {
    if (data.isEmpty()) {
      ensure(18);
      y -= 14;
      text(MARGIN, y, 10, MUTED, "（本期无数据）");
      y -= 6;
      return;
    }
    double max = data.values().stream().flatMapToDouble(java.util.Arrays::stream).max().orElse(1);
    max = max <= 0 ? 1 : max;
    float labelWidth = 150;
    float barArea = WIDTH - labelWidth - 60;
    float bar = 9;
    Color[] colours = {ACCENT, SECOND, THIRD};
    if (series.length > 1) {
      legend(series, colours);
    }
    for (Map.Entry<String, double[]> e : data.entrySet()) {
      float group = bar * e.getValue().length + 6;
      ensure(group);
      float top = y;
      text(MARGIN, top - group / 2 - 3, 9, INK, fit(e.getKey(), 9, labelWidth - 6));
      for (int s = 0; s < e.getValue().length; s++) {
        float yy = top - 3 - (s + 1) * bar;
        float w = (float) (e.getValue()[s] / max * barArea);
        fill(colours[s % colours.length], MARGIN + labelWidth, yy + 1, Math.max(w, 0.5f), bar - 2);
        text(MARGIN + labelWidth + w + 4, yy + 1.5f, 7.5f, MUTED, number(e.getValue()[s]));
      }
      y -= group;
      if (e.getKey().equals(targetAfter)) {
        page.setStrokingColor(TARGET);
        page.setLineWidth(1.2f);
        page.setLineDashPattern(new float[] {4, 2}, 0);
        page.moveTo(MARGIN, y + 1);
        page.lineTo(MARGIN + WIDTH, y + 1);
        page.stroke();
        page.setLineDashPattern(new float[] {}, 0);
        text(MARGIN + WIDTH - 60, y + 3, 7.5f, TARGET, "1分钟目标");
      }
    }
    y -= 8;
  }

  /** Vertical columns over time buckets, one per series side by side. */
  private <T> void columns(List<T> buckets, java.util.function.Function<T, com.google.protobuf.Timestamp> start,
      ReportPeriod period, List<ToDoubleFunction<T>> series, String[] names) throws IOException {
    float height = 110;
    Color[] colours = {ACCENT, SECOND, THIRD};
    legend(names, colours);
    ensure(height + 20);
    double max = 1;
    for (T b : buckets) {
      for (ToDoubleFunction<T> s : series) {
        max = Math.max(max, s.applyAsDouble(b));
      }
    }
    float left = MARGIN + 30;
    float base = y - height;
    float slot = (WIDTH - 30) / Math.max(1, buckets.size());
    float col = Math.max(0.8f, (slot - 2) / series.size());
    page.setStrokingColor(RULE);
    page.setLineWidth(0.5f);
    page.moveTo(left, base);
    page.lineTo(MARGIN + WIDTH, base);
    page.stroke();
    text(MARGIN, y - 8, 7.5f, MUTED, number(max));
    text(MARGIN, base, 7.5f, MUTED, "0");
    int every = Math.max(1, buckets.size() / 12);
    for (int i = 0; i < buckets.size(); i++) {
      T b = buckets.get(i);
      float x = left + i * slot + 1;
      for (int s = 0; s < series.size(); s++) {
        float h = (float) (series.get(s).applyAsDouble(b) / max * (height - 10));
        if (h > 0) {
          fill(colours[s % colours.length], x + s * col, base, col, h);
        }
      }
      if (i % every == 0) {
        LocalDateTime t = local(start.apply(b));
        text(x, base - 10, 7, MUTED, (period == ReportPeriod.REPORT_PERIOD_DAILY ? HOUR : DAY).format(t));
      }
    }
    y = base - 22;
  }

  private void legend(String[] names, Color[] colours) throws IOException {
    ensure(14);
    y -= 12;
    float x = MARGIN;
    for (int i = 0; i < names.length; i++) {
      fill(colours[i % colours.length], x, y, 8, 8);
      text(x + 11, y, 8.5f, INK, names[i]);
      x += 16 + width(names[i], 8.5f) + 12;
    }
    y -= 4;
  }

  private void table(String[] headers, float[] shares, List<String[]> rows) throws IOException {
    if (rows.isEmpty()) {
      return;
    }
    float line = 14;
    ensure(line * 2);
    row(headers, shares, true);
    for (String[] r : rows) {
      if (y - line < MARGIN) {
        newPage();
        row(headers, shares, true);
      }
      row(r, shares, false);
    }
    y -= 8;
  }

  private void row(String[] cells, float[] shares, boolean header) throws IOException {
    float line = 14;
    y -= line;
    if (header) {
      fill(new Color(0xec, 0xef, 0xf3), MARGIN, y - 3, WIDTH, line);
    }
    float x = MARGIN + 3;
    for (int i = 0; i < cells.length; i++) {
      float w = shares[i] * WIDTH;
      text(x, y + 1, 8.5f, header ? INK : INK, fit(cells[i], 8.5f, w - 6));
      x += w;
    }
    page.setStrokingColor(RULE);
    page.setLineWidth(0.4f);
    page.moveTo(MARGIN, y - 3);
    page.lineTo(MARGIN + WIDTH, y - 3);
    page.stroke();
  }

  private void heading(String title) throws IOException {
    ensure(60);
    y -= 22;
    fill(ACCENT, MARGIN, y - 1, 3, 13);
    text(MARGIN + 8, y, 12.5f, INK, title);
    y -= 4;
  }

  private void rule() throws IOException {
    page.setStrokingColor(RULE);
    page.setLineWidth(0.8f);
    page.moveTo(MARGIN, y);
    page.lineTo(MARGIN + WIDTH, y);
    page.stroke();
  }

  private void ensure(float height) throws IOException {
    if (y - height < MARGIN) {
      newPage();
    }
  }

  private void newPage() throws IOException {
    if (page != null) {
      page.close();
    }
    PDPage p = new PDPage(PDRectangle.A4);
    document.addPage(p);
    page = new PDPageContentStream(document, p);
    pages++;
    y = PDRectangle.A4.getHeight() - MARGIN;
    text(MARGIN + WIDTH - 40, MARGIN / 2, 8, MUTED, "第 " + pages + " 页");
  }

  private void fill(Color colour, float x, float yy, float w, float h) throws IOException {
    page.setNonStrokingColor(colour);
    page.addRect(x, yy, w, h);
    page.fill();
  }

  private void text(float x, float yy, float size, Color colour, String s) throws IOException {
    page.beginText();
    page.setFont(font, size);
    page.setNonStrokingColor(colour);
    page.newLineAtOffset(x, yy);
    page.showText(showable(s));
    page.endText();
  }

  private String showable(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints().forEach(cp -> {
      String ch = new String(Character.toChars(cp));
      try {
        font.encode(ch);
        out.append(ch);
      } catch (IOException | IllegalArgumentException e) {
        out.append(cp == '≤' ? "<=" : "?");
      }
    });
    return out.toString();
  }

  private float width(String s, float size) throws IOException {
    return font.getStringWidth(showable(s)) / 1000 * size;
  }

  private String fit(String s, float size, float max) throws IOException {
    String t = s;
    while (t.length() > 1 && width(t, size) > max) {
      t = t.substring(0, t.length() - 2) + "…";
    }
    return t;
  }

  private static LocalDateTime local(com.google.protobuf.Timestamp t) {
    return LocalDateTime.ofInstant(StatisticsProjections.instant(t), ReportWindow.PARK_ZONE);
  }

  private static String peakAt(com.google.protobuf.Timestamp t, ReportPeriod period) {
    if (t.getSeconds() == 0) {
      return "";
    }
    return "（" + (period == ReportPeriod.REPORT_PERIOD_DAILY ? HOUR : DAY).format(local(t)) + "）";
  }

  private static String n(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  private static String number(double v) {
    return v == Math.rint(v) ? n((long) v) : String.format(Locale.ROOT, "%.3f", v);
  }

  /** Dates in the title. */
  private static final class LocalDateTimeText {
    static String lastDay(String endExclusive) {
      return java.time.LocalDate.parse(endExclusive).minusDays(1).toString();
    }
  }
}
